/**
 * Reader 404s as lite pages (./not-found-document.ts), on real pages of a Next build (./__fixtures__/: the
 * `notFound()` shell as `next start` sent it, and the not-found documents `/fr/_404`, `/en/_404`, `/_404` as
 * `next build` prerendered them), through the HTTP hook that swaps one for the other. If a Next upgrade changes
 * the shell or the documents, these fail; refresh the fixtures from a build after such an upgrade.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { setLogSink } from '../log';
import { liteHtml, liteViolations, LITE_SCRIPT_PATH } from './lite';
import {
  DOCUMENT_MAX_STALE_MS,
  DOCUMENT_TTL_MS,
  documentProblems,
  isErrorShell,
  isNotFoundDocumentPath,
  notFoundDocumentFor,
  NotFoundDocumentError,
  NotFoundDocuments,
} from './not-found-document';
import { installResponseHooks } from './response-hooks';

const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
const shell = fixture('404-shell.html');
const article = fixture('article.html');
const documents: Record<string, string> = {
  '/fr/_404': fixture('not-found-fr.html'),
  '/en/_404': fixture('not-found-en.html'),
  '/_404': fixture('not-found-bilingual.html'),
};

describe('what the swap relies on', () => {
  it('Next sends notFound() as an empty __next_error__ shell: no <main>, the content only in the RSC payload', () => {
    expect(isErrorShell(shell)).toBe(true);
    expect(shell).not.toMatch(/<main\b/);
    expect(shell).toMatch(/self\.__next_f\.push\(\[1,"[\s\S]*Page introuvable/);
    // Stripped by the lite transform, it would be blank: the transform leaves it alone…
    expect(liteHtml(shell)).toEqual({ kind: 'skip', reason: 'error-shell' });
    // …and a shell under another marker (Next changed it) is refused rather than sent blank.
    expect(() => liteHtml(shell.replace('id="__next_error__"', ''))).toThrow(/no <main>/);
    expect(isErrorShell(article)).toBe(false);
  });

  it('the not-found documents are real pages: made lite, each is a whole page with its content, noindex', () => {
    for (const [path, html] of Object.entries(documents)) {
      expect(isErrorShell(html), path).toBe(false);
      const result = liteHtml(html);
      expect(result.kind, path).toBe('lite');
      if (result.kind !== 'lite') continue;
      expect(documentProblems(result.html), path).toEqual([]);
    }
    expect(documents['/fr/_404']).toMatch(/<html lang="fr"[\s\S]*<h1>Page introuvable<\/h1>[\s\S]*<a href="\/fr">Retour à l’accueil<\/a>/);
    expect(documents['/en/_404']).toMatch(/<html lang="en"[\s\S]*<h1>Page not found<\/h1>[\s\S]*<a href="\/en">Back to the home page<\/a>/);
    expect(documents['/_404']).toMatch(/<h1>Page introuvable<\/h1>[\s\S]*<div lang="en"><h2>Page not found<\/h2>/);
  });

  it('a document that is not a whole lite page is refused', () => {
    expect(documentProblems(shell)).toEqual(expect.arrayContaining(['it is itself the __next_error__ shell', 'no <main> with an <h1>']));
    expect(documentProblems(documents['/fr/_404']!).join('; ')).toMatch(/script|__next_f/); // not made lite
    const lite = (liteHtml(documents['/fr/_404']!) as { html: string }).html;
    expect(documentProblems(lite.replace(/<meta name="robots" content="[^"]*"\/>/, ''))).toEqual(['no robots noindex']);
  });

  it('each reader path has the document of its language; a path outside the locales gets the bilingual one', () => {
    expect(notFoundDocumentFor('/fr/rubrique-inconnue')).toBe('/fr/_404');
    expect(notFoundDocumentFor('/fr')).toBe('/fr/_404');
    expect(notFoundDocumentFor('/en/economy/no-such-story?x=1')).toBe('/en/_404');
    expect(notFoundDocumentFor('/de/irgendwas')).toBe('/_404');
    expect(notFoundDocumentFor('/sitemaps/fr-articles-99.xml')).toBe('/_404');
    expect(notFoundDocumentFor('/')).toBe('/_404');
    for (const path of ['/fr/_404', '/en/_404', '/_404', '/_404?x=1']) expect(isNotFoundDocumentPath(path), path).toBe(true);
    for (const path of ['/de/_404', '/fr/_404/x', '/fr/x/_404', '/fr/404', '/_4045']) expect(isNotFoundDocumentPath(path), path).toBe(false);
  });
});

describe('through the HTTP hook', () => {
  let server: http.Server;
  let origin: string;
  const lines: string[] = [];
  let restoreSink: () => void;
  const fetched: string[] = [];
  let brokenBilingual = true;
  const BASE = "default-src 'self'; script-src 'self'; style-src 'self'";
  const CC = 'public, s-maxage=300, stale-while-revalidate=600, stale-if-error=604800';

  beforeAll(async () => {
    // The hook shortens Cache-Control in the last 15 minutes of the site day (clampToSiteDay): pin the clock to noon.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-06-15T11:00:00Z') });
    restoreSink = setLogSink((line) => lines.push(line));
    installResponseHooks({ logRequests: false, lite: true });
    // Stands in for `next start`: the documents as prerendered pages (200, ETag), every other path as Next's
    // notFound() shell (404), gzipped when the client accepts it, like Next's compression.
    server = http.createServer((req, res) => {
      res.setHeader('content-security-policy', BASE);
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.setHeader('cache-control', CC);
      const path = (req.url ?? '').split('?')[0]!;
      const gzip = /gzip/.test(String(req.headers['accept-encoding'] ?? ''));
      const send = (status: number, html: string) => {
        res.statusCode = status;
        if (gzip) res.setHeader('content-encoding', 'gzip');
        res.end(gzip ? zlib.gzipSync(html) : html);
      };
      if (path in documents) {
        fetched.push(path);
        if (path === '/_404' && brokenBilingual) return send(200, shell.replace('id="__next_error__"', 'id="__next_error__" lang="fr"'));
        // Next's ETags are hashes of the content (the lite cache is keyed by them).
        res.setHeader('etag', `"${createHash('sha1').update(documents[path]!).digest('hex')}"`);
        return send(200, documents[path]!);
      }
      res.setHeader('etag', '"shell"');
      send(404, shell);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    vi.useRealTimers();
    restoreSink();
    await new Promise((resolve) => server.close(resolve));
  });

  const raw = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const req = http.request(`${origin}${path}`, { method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
      req.end();
    });

  it('a 404 under /fr is the lite French not-found page: status, encoding, length and caching kept, no ETag, no runtime', async () => {
    const res = await raw('/fr/rubrique-inconnue', { 'accept-encoding': 'gzip, br' });
    expect(res.status).toBe(404);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(res.headers['cache-control']).toBe(CC);
    expect(res.headers.etag).toBeUndefined();
    expect(res.headers['x-robots-tag']).toBe('noindex');
    const html = zlib.gunzipSync(res.body).toString('utf8');
    expect(liteViolations(html)).toEqual([]);
    expect(html).toContain(`<script src="${LITE_SCRIPT_PATH}" defer=""></script>`);
    expect(html).toMatch(/<html lang="fr"[\s\S]*<h1>Page introuvable<\/h1>/);
    expect(html).toContain('<meta name="robots" content="noindex"/>');
    expect(html).not.toContain('__next_error__');
    const scriptSrc = String(res.headers['content-security-policy']).split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'));
    expect(scriptSrc).toBe("script-src 'self'");
  });

  it('a 404 under /en is the English page, sent uncompressed to a client that did not ask for compression', async () => {
    const res = await raw('/en/economy/no-such-story');
    expect(res.status).toBe(404);
    expect(res.headers['content-encoding']).toBeUndefined();
    const html = res.body.toString('utf8');
    expect(html).toMatch(/<html lang="en"[\s\S]*<h1>Page not found<\/h1>/);
    expect(liteViolations(html)).toEqual([]);
  });

  it('the document is asked for once, then served from memory', async () => {
    const before = fetched.filter((p) => p === '/fr/_404').length;
    for (let i = 0; i < 5; i++) expect((await raw(`/fr/inconnue-${i}`)).status).toBe(404);
    expect(fetched.filter((p) => p === '/fr/_404').length).toBe(before);
  });

  it('a document that cannot stand in (here: itself a shell) is logged, and Next’s shell is sent as it came', async () => {
    const res = await raw('/de/irgendwas');
    expect(res.status).toBe(404);
    expect(res.body.toString('utf8')).toBe(shell);
    expect(res.headers['content-security-policy']).toMatch(/script-src 'self' 'sha256-/);
    expect(lines.some((l) => l.includes('lite_not_found_failed') && l.includes('/_404 cannot stand in'))).toBe(true);
  });

  it('outside the locales, the bilingual page', async () => {
    brokenBilingual = false;
    const res = await raw('/de/irgendwas', { 'accept-encoding': 'gzip' });
    expect(res.status).toBe(404);
    const html = zlib.gunzipSync(res.body).toString('utf8');
    expect(html).toMatch(/<h1>Page introuvable<\/h1>[\s\S]*<h2>Page not found<\/h2>/);
    expect(liteViolations(html)).toEqual([]);
  });

  it('the documents themselves answer 404, also when asked for directly', async () => {
    for (const path of ['/fr/_404', '/en/_404', '/_404']) {
      const res = await raw(path);
      expect(res.status, path).toBe(404);
      expect(liteViolations(res.body.toString('utf8')), path).toEqual([]);
    }
  });

  it('a HEAD of a missing page keeps Next’s answer (no body to replace)', async () => {
    const res = await raw('/fr/encore-inconnue', {}, 'HEAD');
    expect(res.status).toBe(404);
    expect(res.body.length).toBe(0);
  });
});

describe('the documents in memory', () => {
  let server: http.Server;
  let port: number;
  let answer: { status: number; html: string } = { status: 200, html: '' };
  let hits = 0;
  const lite = (liteHtml(documents['/fr/_404']!) as { html: string }).html;

  beforeAll(async () => {
    server = http.createServer((_req, res) => {
      hits += 1;
      res.writeHead(answer.status, { 'content-type': 'text/html; charset=utf-8' }).end(answer.html);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('are reused for a minute, refreshed after, and an old copy stands in while a refresh fails (up to 15 min)', async () => {
    let now = 1_000_000;
    const docs = new NotFoundDocuments(() => now);
    const target = { host: '127.0.0.1', port };
    const encode = (html: string) => Buffer.from(html);
    answer = { status: 404, html: lite };
    hits = 0;
    const [a, b] = await Promise.all([docs.get(target, '/fr/_404', '', encode), docs.get(target, '/fr/_404', '', encode)]);
    expect(a.html).toBe(lite);
    expect(b.body.equals(a.body)).toBe(true);
    expect(hits).toBe(1); // one request for two 404s at once
    now += DOCUMENT_TTL_MS - 1;
    await docs.get(target, '/fr/_404', '', encode);
    expect(hits).toBe(1);
    now += 2;
    answer = { status: 500, html: 'boom' };
    expect((await docs.get(target, '/fr/_404', '', encode)).html).toBe(lite);
    expect(hits).toBe(2);
    now += DOCUMENT_MAX_STALE_MS;
    await expect(docs.get(target, '/fr/_404', '', encode)).rejects.toThrow(NotFoundDocumentError);
  });
});
