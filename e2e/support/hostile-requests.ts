/**
 * Hostile and malformed requests for e2e/hostile.api.spec.ts. Data, not code: add cases here when a route is
 * added (each case must get a non-5xx answer; routes that do not exist yet simply answer 404).
 *
 * Requests are written byte for byte on a TCP socket (see `sendRaw` in the spec), so nothing is normalized:
 * invalid percent-encodings, raw non-ASCII bytes, `..` segments, odd methods and oversized headers reach the
 * server exactly as written here.
 */
export interface HostileCase {
  /** Shown in failure reports. */
  name: string;
  method?: string;
  /** The request target, sent verbatim (may contain raw bytes when given as a Buffer). */
  target: string | Buffer;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Statuses this case must get; by default anything below 500. */
  expectStatus?: number[];
  /** Text that must not appear in the answer (e.g. file contents reached by path traversal). */
  mustNotContain?: string[];
}

export interface Site {
  /** A real category slug, article path and media file of each locale, taken from the e2e database. */
  fr: { category: string; article: string };
  en: { category: string; article: string };
  media: string;
  staticChunk: string;
}

const repeat = (s: string, n: number) => s.repeat(n);

/** Malformed path segments: bad escapes, invalid UTF-8, traversal, nulls, oversize, odd characters. */
export const badSegments = [
  '%E0%A4%A',
  '%C3%28',
  '%',
  '%%',
  '%zz',
  '%G1',
  '%00',
  'a%00b',
  '%FF%FE%FD',
  '%C0%AE%C0%AE',
  '%ED%A0%80', // UTF-16 surrogate encoded in UTF-8
  '%F4%90%80%80', // beyond U+10FFFF
  '%2e%2e',
  '..',
  '..%2f..%2f..%2fetc%2fpasswd',
  '%2e%2e%2f%2e%2e%2fpackage.json',
  '....//....//etc/passwd',
  '%252e%252e%252f',
  '%5c..%5c..%5cwindows',
  'a;b=c',
  '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  "'%20OR%201=1--",
  '%0d%0aSet-Cookie:%20x=1',
  '%F0%9F%92%A9',
  'caf%C3%A9',
  'CAF%C3%89',
  'page',
  'api',
  '_next',
  '.env',
  '.git%2fconfig',
  repeat('a', 8000),
  repeat('%C3%A9', 1300),
  repeat('../', 300),
];

/** Page numbers a crawler or a scanner may try. */
export const badPageNumbers = [
  '0',
  '-1',
  '-0',
  '1.5',
  '2.0',
  '1e3',
  '1e309',
  '99999',
  '100000',
  '999999999999999999999999',
  'NaN',
  'Infinity',
  '0x10',
  '01',
  '%31',
  '%20%32',
  '2%00',
  'deux',
  repeat('9', 5000),
];

/** What people (and scanners) type into search: FTS5 syntax, SQL fragments, oddities. */
export const searchQueries = [
  '"',
  "'",
  '""',
  "' OR '1'='1",
  "' OR 1=1 --",
  '"; DROP TABLE articles; --',
  '1; SELECT * FROM sqlite_master',
  "' UNION SELECT sql FROM sqlite_master --",
  'NEAR(a b)',
  'a NEAR/2 b',
  'NEAR(',
  'a*',
  '*',
  '**',
  '"unterminated',
  'AND',
  'OR',
  'NOT',
  'a AND',
  'AND OR NOT',
  '(',
  ')',
  '((((a))))',
  '^a',
  'title:x',
  'body:"x"',
  '{title body}:x',
  '-a',
  '+a',
  'a:b:c',
  '\\',
  '%',
  '_',
  '%25',
  '%00',
  'a%00b',
  '%E0%A4%A',
  '%C3%28',
  '%F0%9F%92%A9',
  'caf%C3%A9',
  '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  repeat('a', 2000),
  repeat('a%20', 500),
  repeat('"', 300),
  repeat('(', 300),
  repeat('a OR ', 400),
];

const beacon = (name: string, body: string | Buffer, contentType = 'application/json'): HostileCase => ({
  name: `beacon ${name}`,
  method: 'POST',
  target: '/api/views',
  headers: { 'content-type': contentType },
  body,
});

/** Bodies for the view beacon (POST /api/views). */
export const beaconCases: HostileCase[] = [
  beacon('empty', ''),
  beacon('null', 'null'),
  beacon('number', '42'),
  beacon('string', '"x"'),
  beacon('empty object', '{}'),
  beacon('empty array', '[]'),
  beacon('truncated JSON', '{"articleId": 1'),
  beacon('not JSON', 'articleId=1'),
  beacon('id as string', '{"articleId":"1"}'),
  beacon('negative id', '{"articleId":-1}'),
  beacon('zero id', '{"articleId":0}'),
  beacon('float id', '{"articleId":1.5}'),
  beacon('huge id', '{"articleId":1e309}'),
  beacon('unsafe integer', '{"articleId":9007199254740993}'),
  beacon('unknown id', '{"articleId":2147483647}'),
  beacon('id is object', '{"articleId":{"$gt":0}}'),
  beacon('SQL in id', '{"articleId":"1; DROP TABLE articles"}'),
  beacon('prototype pollution', '{"__proto__":{"admin":true},"articleId":1}'),
  beacon('constructor pollution', '{"constructor":{"prototype":{"x":1}},"articleId":1}'),
  beacon('deep nesting', `${repeat('[', 20000)}${repeat(']', 20000)}`),
  beacon('1 MB body', `{"articleId":1,"pad":"${repeat('x', 1024 * 1024)}"}`),
  beacon('invalid UTF-8', Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d])),
  beacon('null bytes', '{"articleId":1,"x":"\u0000"}'),
  beacon('BOM', '\uFEFF{"articleId":1}'),
  beacon('text/plain', '{"articleId":1}', 'text/plain'),
  beacon('form encoded', 'articleId=1', 'application/x-www-form-urlencoded'),
  beacon('multipart garbage', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--', 'multipart/form-data; boundary=x'),
  beacon('no content type', '{"articleId":1}', ''),
  beacon('many keys', `{${Array.from({ length: 5000 }, (_, i) => `"k${i}":${i}`).join(',')}}`),
];

const METHODS = ['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'PROPFIND', 'FOO'];

export function hostileCases(site: Site): HostileCase[] {
  const cases: HostileCase[] = [];
  const add = (c: HostileCase) => cases.push(c);

  // Malformed segments everywhere a route reads one.
  const prefixes = [
    '/',
    '/fr/',
    '/en/',
    `/fr/${site.fr.category}/`,
    `/en/${site.en.category}/`,
    '/fr/sujets/',
    '/en/authors/',
    `/fr/${site.fr.category}/page/`,
    '/media/',
    '/_next/static/',
    '/api/',
    '/api/views/',
    '/api/revalidate/',
    '/sitemaps/',
    `/fr/${site.fr.category}/rss.xml/`,
    '/en/rss.xml/',
    `${site.fr.article}/`,
    `${site.fr.article}/opengraph-image/`,
  ];
  // Machine-readable outputs with odd query strings and methods.
  for (const target of ['/sitemap.xml', '/sitemaps/news.xml', '/sitemaps/fr-articles-0.xml', '/sitemaps/fr-articles-99999.xml', '/sitemaps/xx-articles-0.xml', '/robots.txt', '/fr/rss.xml', `/en/${site.en.category}/rss.xml`, `${site.en.article}/opengraph-image`]) {
    add({ name: `output ${target}?junk`, target: `${target}?%E0%A4%A=%C3%28&q=${repeat('x', 3000)}` });
    add({ name: `output DELETE ${target}`, method: 'DELETE', target });
    add({ name: `output POST ${target}`, method: 'POST', target, body: '{"x":1}', headers: { 'content-type': 'application/json' } });
  }
  // The revalidation endpoint without its token, with forged ones.
  for (const auth of ['', 'Bearer ', 'Bearer x', `Bearer ${repeat('a', 5000)}`, 'Basic Zm9vOmJhcg==']) {
    add({ name: `revalidate auth ${auth.slice(0, 20)}`, method: 'POST', target: '/api/revalidate', headers: auth ? { authorization: auth, 'content-type': 'application/json' } : { 'content-type': 'application/json' }, body: '{"paths":["/fr"]}', expectStatus: [400, 401, 403, 404, 405] });
  }
  for (const prefix of prefixes) {
    for (const segment of badSegments) add({ name: `segment ${prefix}${segment.slice(0, 40)}`, target: `${prefix}${segment}` });
  }

  // Raw bytes that no client library would send unescaped.
  for (const bytes of [[0xc3, 0x28], [0xe9], [0xff, 0xfe], [0xe0, 0xa4], [0xc3, 0xa9], [0xf0, 0x9f, 0x92, 0xa9]]) {
    for (const prefix of ['/', '/fr/', `/fr/${site.fr.category}/`, '/fr/recherche?q=']) {
      add({ name: `raw bytes ${prefix} ${bytes.join(',')}`, target: Buffer.concat([Buffer.from(prefix), Buffer.from(bytes)]) });
    }
  }

  // Locales: unknown, mis-cased, region-tagged.
  for (const locale of ['FR', 'Fr', 'EN', 'de', 'fr-FR', 'fr_FR', 'xx', 'zz-ZZ', 'en-US', 'f', repeat('fr', 500)]) {
    add({ name: `locale /${locale.slice(0, 20)}`, target: `/${locale}` });
    add({ name: `locale /${locale.slice(0, 20)}/section`, target: `/${locale}/${site.fr.category}` });
    add({ name: `locale /${locale.slice(0, 20)}/search`, target: `/${locale}/recherche?q=a` });
  }
  add({ name: 'unknown locale is sent to a French 404', target: '/de/', expectStatus: [307, 308, 404] });
  add({ name: 'mis-cased locale is not a page', target: '/FR/', expectStatus: [301, 302, 307, 308, 404] });

  // Page numbers.
  for (const n of badPageNumbers) {
    add({ name: `page number ${n.slice(0, 30)}`, target: `/fr/${site.fr.category}/page/${n}` });
    add({ name: `latest page ${n.slice(0, 30)}`, target: `/en/latest/page/${n}` });
    add({ name: `search page ${n.slice(0, 30)}`, target: `/fr/recherche?q=a&page=${n}` });
  }
  for (const n of ['-1', '0', '1e9', '99999', '1.5']) add({ name: `huge/negative page ${n} is a 404`, target: `/fr/${site.fr.category}/page/${n}`, expectStatus: [404] });

  // Search, in both languages.
  for (const q of searchQueries) {
    const encoded = /%|^[\x21-\x7e]*$/.test(q) && !q.includes(' ') ? q.replace(/ /g, '+').replace(/#/g, '%23') : encodeURIComponent(q);
    const safe = encoded.replace(/[^\x21-\x7e]/g, (c) => encodeURIComponent(c));
    add({ name: `search fr ${q.slice(0, 30)}`, target: `/fr/recherche?q=${safe}` });
    add({ name: `search en ${q.slice(0, 30)}`, target: `/en/search?q=${safe}` });
  }
  add({ name: 'search array param', target: '/fr/recherche?q[]=a&q[]=b' });
  add({ name: 'search repeated q', target: '/en/search?q=a&q=b&q=c' });
  add({ name: 'search q without value', target: '/en/search?q' });
  add({ name: 'search 8 KB query', target: `/fr/recherche?q=${repeat('%C3%A9', 1400)}` });

  // Accept-Language and cookies that the locale negotiation on `/` and unprefixed paths reads.
  const languages = [
    repeat('fr,', 3500),
    repeat('en-US;q=0.9,', 900),
    '*;q=abc',
    'en;q=1.5,fr;q=-1',
    ';;;,,,;q=',
    'x-klingon',
    'zh-Hant-TW-u-nu-hanidec-x-private',
    '\u00e9\u00e8',
    'q=0',
    '../../etc/passwd',
    '<script>',
    'fr;q=0.5;q=0.9',
    repeat('a', 10_000),
  ];
  for (const [i, language] of languages.entries()) {
    for (const target of ['/', '/economie', '/fr', `/fr/${site.fr.category}`]) {
      add({ name: `accept-language #${i} on ${target}`, target, headers: { 'accept-language': language } });
    }
  }
  for (const cookie of ['NEXT_LOCALE=de', 'NEXT_LOCALE=../fr', 'NEXT_LOCALE=%E0%A4%A', `NEXT_LOCALE=${repeat('x', 3000)}`, 'NEXT_LOCALE', '=;=;=']) {
    add({ name: `cookie ${cookie.slice(0, 30)} on /`, target: '/', headers: { cookie } });
  }

  // Newsroom: Server Action calls that are not real ones (unknown id, garbage bodies, no session) and session
  // cookies that are not ours.
  for (const target of ['/newsroom/login', '/newsroom', '/newsroom/articles/1', '/newsroom/articles/999999999']) {
    const unknownAction = 'ab'.repeat(21);
    add({ name: `unknown action ${target}`, method: 'POST', target, headers: { 'next-action': unknownAction, 'content-type': 'text/plain;charset=UTF-8' }, body: '[1,{"type":"publish"}]' });
    add({ name: `unknown action, garbage JSON ${target}`, method: 'POST', target, headers: { 'next-action': unknownAction, 'content-type': 'text/plain;charset=UTF-8' }, body: '[[[[' });
    add({ name: `unknown action, multipart ${target}`, method: 'POST', target, headers: { 'next-action': unknownAction, 'content-type': 'multipart/form-data; boundary=x' }, body: '--x\r\nContent-Disposition: form-data; name="email"\r\n\r\na\r\n--x--' });
    add({ name: `forged session cookie ${target}`, target, headers: { cookie: `kiosque_session=${'a'.repeat(32)}` } });
    add({ name: `garbage session cookie ${target}`, target, headers: { cookie: `kiosque_session=${repeat("'", 4000)}` } });
  }

  // Next.js internals reached from outside.
  const pages = ['/fr', site.fr.article, `/en/${site.en.category}`];
  for (const target of pages) {
    add({ name: `RSC request ${target}`, target, headers: { rsc: '1' } });
    add({ name: `RSC with garbage state tree ${target}`, target, headers: { rsc: '1', 'next-router-state-tree': '%%%garbage' } });
    add({ name: `RSC with JSON state tree ${target}`, target, headers: { rsc: '1', 'next-router-state-tree': encodeURIComponent('["",{"children":["x",{}]},null,null,true]') } });
    add({ name: `prefetch with bad segment ${target}`, target, headers: { rsc: '1', 'next-router-prefetch': '1', 'next-router-segment-prefetch': '/../../x' } });
    add({ name: `server action POST ${target}`, method: 'POST', target, headers: { 'next-action': 'deadbeef', 'content-type': 'text/plain' }, body: '[]' });
    add({ name: `server action multipart ${target}`, method: 'POST', target, headers: { 'next-action': '0'.repeat(42), 'content-type': 'multipart/form-data; boundary=x' }, body: '--x--' });
    add({ name: `middleware subrequest header ${target}`, target, headers: { 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy' } });
    add({ name: `forwarded host ${target}`, target, headers: { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'gopher' } });
    add({ name: `range ${target}`, target, headers: { range: 'bytes=999999999-' } });
    add({ name: `conditional ${target}`, target, headers: { 'if-none-match': '"x", W/"y", *', 'if-modified-since': 'yesterday' } });
    add({ name: `failed precondition ${target}`, target, headers: { 'if-match': '"nope"', 'if-unmodified-since': 'Thu, 01 Jan 1970 00:00:00 GMT' } });
  }
  add({ name: 'image optimizer with foreign URL', target: '/_next/image?url=http%3A%2F%2F169.254.169.254%2F&w=64&q=75' });
  add({ name: 'image optimizer with traversal', target: '/_next/image?url=%2F..%2F..%2Fpackage.json&w=64&q=75', mustNotContain: ['"better-sqlite3"'] });
  add({ name: 'image optimizer absurd width', target: `/_next/image?url=${encodeURIComponent(site.media)}&w=99999999&q=-5` });
  add({ name: 'static range', target: site.staticChunk, headers: { range: 'bytes=5-1' } });
  add({ name: 'media range', target: site.media, headers: { range: 'bytes=-999999999999' } });
  add({ name: 'media unsatisfiable range', target: site.media, headers: { range: 'bytes=999999999-' } });
  add({ name: 'static failed precondition', target: site.staticChunk, headers: { 'if-match': '"nope"' } });
  add({ name: 'media failed precondition', target: site.media, headers: { 'if-unmodified-since': 'Thu, 01 Jan 1970 00:00:00 GMT' } });

  // Traversal must never reach files outside public/ and .next/static.
  for (const target of [
    '/../../etc/passwd',
    '/fr/../../etc/passwd',
    '/_next/static/../../../package.json',
    '/_next/static/..%2f..%2f..%2fpackage.json',
    '/_next/static/%2e%2e/%2e%2e/%2e%2e/package.json',
    '/media/..%2f..%2fpackage.json',
    '/media/%2e%2e/%2e%2e/package.json',
    '/media/....//....//package.json',
    '/_next/static/chunks/..%5c..%5c..%5cpackage.json',
    '/media/%2e%2e%2f%2e%2e%2fdata%2fe2e.db',
    '/.env',
    '/.git/config',
    '/data/e2e.db',
    '/package.json',
    '/next.config.ts',
  ]) {
    add({ name: `traversal ${target}`, target, mustNotContain: ['"better-sqlite3"', 'root:x:0:0', 'SQLite format 3', '[core]'] });
  }

  // Wrong methods on pages, files and the API.
  for (const method of METHODS) {
    for (const target of ['/fr', site.fr.article, `/fr/${site.fr.category}/page/2`, '/fr/recherche?q=a', '/api/health', '/api/views', site.media, site.staticChunk, '/']) {
      add({ name: `${method} ${target}`, method, target, body: method === 'PUT' || method === 'PATCH' ? '{"x":1}' : undefined });
    }
  }
  for (const target of ['/api/health', '/api/views']) {
    add({ name: `HEAD ${target}`, method: 'HEAD', target });
    add({ name: `GET with body ${target}`, method: 'GET', target, body: '{"articleId":1}', headers: { 'content-type': 'application/json' } });
  }

  // Oversized request lines and headers (Node answers 414/431 itself; must not crash anything).
  add({ name: '64 KB path', target: `/fr/${repeat('a', 65_536)}` });
  add({ name: '40 KB header', target: '/fr', headers: { 'x-padding': repeat('x', 40_000) } });
  add({ name: 'many headers', target: '/fr', headers: Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`x-h${i}`, 'v'])) });
  add({ name: 'bad host header', target: '/fr', headers: { host: 'evil.example:99999' } });

  cases.push(...beaconCases);
  return cases;
}
