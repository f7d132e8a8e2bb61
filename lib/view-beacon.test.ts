import { describe, expect, it } from 'vitest';
import { setLogSink } from './log';
import { compileTrustedProxies } from './trusted-proxies';
import { handleViewBeacon, isBotRequest, parseBeaconBody, ViewBuffer, ViewGate, type BeaconDeps, type ViewCount } from './view-beacon';

const READER_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';
const now = new Date('2026-03-18T09:00:00Z');
const ANDROID_CHROME = 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';

function setup(countable: number[] = [7]) {
  const writes: ViewCount[][] = [];
  const deps: BeaconDeps = {
    isCountable: (id) => countable.includes(id),
    buffer: new ViewBuffer({ write: (batch) => writes.push(batch) > 0 }),
    gate: new ViewGate({ windowMs: 30 * 60_000, perAddressPerHour: 3, perArticlePerHour: 1000, maxEntries: 1000 }),
    trust: compileTrustedProxies('loopback'),
    secret: 'test-secret-0123456789',
  };
  const send = (body: string | null, headers: Record<string, string> = {}, at = now, peer: string | null = null) =>
    handleViewBeacon({ headers: new Headers({ 'user-agent': READER_UA, 'x-forwarded-for': '198.51.100.7', ...headers }), body, peer, now: at }, deps);
  return { deps, writes, send };
}

describe('view beacon: bots', () => {
  it.each([
    ['Googlebot', 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)'],
    ['Bingbot', 'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)'],
    ['Facebook preview', 'facebookexternalhit/1.1'],
    ['headless Chrome', 'Mozilla/5.0 HeadlessChrome/131.0'],
    ['curl', 'curl/8.5.0'],
    ['python', 'python-requests/2.31'],
    ['Lighthouse', 'Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36 Chrome-Lighthouse'],
    ['WhatsApp link preview', 'WhatsApp/2.23.20.0'],
    ['no user agent', ''],
  ])('%s is ignored: 204, nothing counted', (_name, ua) => {
    const { deps, send } = setup();
    expect(send('{"articleId":7}', { 'user-agent': ua })).toBe(204);
    expect(deps.buffer.pendingViews).toBe(0);
  });

  it.each([
    ['purpose', 'prefetch'],
    ['sec-purpose', 'prefetch;prerender'],
    ['sec-purpose', 'prefetch'],
    ['x-moz', 'prefetch'],
  ])('a %s: %s request is ignored', (name, value) => {
    const { deps, send } = setup();
    expect(send('{"articleId":7}', { [name]: value })).toBe(204);
    expect(deps.buffer.pendingViews).toBe(0);
  });

  it.each([
    ['Chrome on Android (reduced UA)', ANDROID_CHROME],
    ['Opera Mini', 'Opera/9.80 (J2ME/MIDP; Opera Mini/4.2.14912/870; U; fr) Presto/2.4.15'],
    ['Samsung Internet', 'Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36'],
    ['Safari on iPhone', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1'],
    ['Facebook in-app browser', 'Mozilla/5.0 (Linux; Android 12; TECNO KG5p Build/SP1A.210812.016; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/131.0.6778.39 Mobile Safari/537.36 [FB_IAB/FB4A;FBAV/489.0.0.41.109;]'],
  ])('a phone browser counts: %s', (_name, ua) => {
    const { deps, send } = setup();
    expect(send('{"articleId":7}', { 'user-agent': ua })).toBe(202);
    expect(deps.buffer.pendingViews).toBe(1);
  });

  it('a reader’s browser counts', () => {
    const { deps, send } = setup();
    expect(isBotRequest(new Headers({ 'user-agent': READER_UA }))).toBe(false);
    expect(send('{"articleId":7}')).toBe(202);
    expect(deps.buffer.pendingViews).toBe(1);
  });
});

describe('view beacon: input', () => {
  it.each([
    ['not JSON', 'articleId=7'],
    ['empty', ''],
    ['a string id', '{"articleId":"7"}'],
    ['a fractional id', '{"articleId":7.5}'],
    ['a negative id', '{"articleId":-7}'],
    ['zero', '{"articleId":0}'],
    ['a huge id', '{"articleId":1e20}'],
    ['an extra key', '{"articleId":7,"views":1000}'],
    ['an array', '[7]'],
    ['null', 'null'],
  ])('%s → 400, nothing counted', (_name, body) => {
    const { deps, send } = setup();
    expect(send(body)).toBe(400);
    expect(deps.buffer.pendingViews).toBe(0);
  });

  it('a body too long to read → 400', () => {
    const { send } = setup();
    expect(send(null)).toBe(400);
    expect(parseBeaconBody(`{"articleId":7${' '.repeat(2000)}}`)).toBeNull();
  });

  it('an unknown or unpublished article → 404, nothing counted', () => {
    const { deps, send } = setup([7]);
    expect(send('{"articleId":8}')).toBe(404);
    expect(deps.buffer.pendingViews).toBe(0);
  });
});

const MIN = 60_000;
const body = (articleId: number, reader?: string) => JSON.stringify(reader ? { articleId, reader } : { articleId });
const TAB_A = 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6';
const TAB_B = 'f0e1d2c3b4a5968778695a4b3c2d1e0f';

describe('view beacon: a reader counts once per window', () => {
  it('1,000 reloads of one article in one tab count once; after the window, once more', () => {
    const { deps, send } = setup();
    const statuses = Array.from({ length: 1000 }, (_, i) => send(body(7, TAB_A), {}, new Date(now.getTime() + i * 1000)));
    expect(statuses.filter((s) => s === 202)).toHaveLength(1);
    expect(statuses.filter((s) => s === 204)).toHaveLength(999);
    expect(deps.buffer.pendingViews).toBe(1);
    expect(send(body(7, TAB_A), {}, new Date(now.getTime() + 31 * MIN))).toBe(202);
    expect(deps.buffer.pendingViews).toBe(2);
  });

  it('without a tab token, the same browser at the same address counts once per window', () => {
    const { deps, send } = setup();
    expect([1, 2, 3, 4].map(() => send(body(7)))).toEqual([202, 204, 204, 204]);
    expect(deps.buffer.pendingViews).toBe(1);
  });

  it('reloads do not spend the address ceiling that the other readers behind it need', () => {
    const { deps, send } = setup(); // ceiling: 3 new views per hour per address
    for (let i = 0; i < 50; i++) send(body(7, TAB_A));
    expect(send(body(7, TAB_B))).toBe(202);
    expect(deps.buffer.pendingViews).toBe(2);
  });

  it('two phones of the same model behind one carrier address are two readers', () => {
    const { deps, send } = setup();
    expect(send(body(7, TAB_A), { 'user-agent': ANDROID_CHROME })).toBe(202);
    expect(send(body(7, TAB_B), { 'user-agent': ANDROID_CHROME })).toBe(202);
    expect(deps.buffer.pendingViews).toBe(2);
  });

  it('the same reader reading another article counts', () => {
    const { deps, send } = setup([7, 8]);
    expect(send(body(7, TAB_A))).toBe(202);
    expect(send(body(8, TAB_A))).toBe(202);
    expect(deps.buffer.pendingViews).toBe(2);
  });
});

describe('view beacon: per-address ceiling and per-article cap', () => {
  const tab = (i: number) => `reader-tab-${String(i).padStart(8, '0')}`;

  it('an address adds at most its hourly ceiling of views (429 beyond), refilled over the hour; others are not affected', () => {
    const { deps, send } = setup();
    expect([1, 2, 3, 4, 5].map((i) => send(body(7, tab(i))))).toEqual([202, 202, 202, 429, 429]);
    expect(deps.buffer.pendingViews).toBe(3);
    expect(send(body(7, tab(1)), { 'x-forwarded-for': '203.0.113.9' })).toBe(202);
    // A third of the hour later, a third of the ceiling (one view) is back.
    const later = new Date(now.getTime() + 20 * MIN);
    expect(send(body(7, tab(6)), {}, later)).toBe(202);
    expect(send(body(7, tab(7)), {}, later)).toBe(429);
  });

  it('bad requests spend the ceiling too', () => {
    const { send } = setup();
    for (let i = 0; i < 3; i++) send('nope');
    expect(send(body(7, TAB_A))).toBe(429);
  });

  it('an IPv6 client is keyed by its /64: rotating through its addresses does not dodge the ceiling', () => {
    const { send } = setup();
    const statuses = [1, 2, 3, 4].map((i) => send(body(7, tab(i)), { 'x-forwarded-for': `2001:db8:aa:bb::${i}` }));
    expect(statuses).toEqual([202, 202, 202, 429]);
    expect(send(body(7, tab(9)), { 'x-forwarded-for': '2001:db8:aa:bc::1' })).toBe(202); // another /64
  });

  it('a client talking directly cannot dodge the ceiling by forging X-Forwarded-For', () => {
    const { send } = setup();
    const statuses = [1, 2, 3, 4, 5].map((i) => send(body(7, tab(i)), { 'x-forwarded-for': `10.0.0.${i}` }, now, '192.0.2.50'));
    expect(statuses).toEqual([202, 202, 202, 429, 429]);
  });

  it('an article gains at most its hourly cap: more is not counted, logged once, and the next hour counts again', () => {
    const lines: string[] = [];
    const restore = setLogSink((line) => lines.push(line));
    const { deps, send } = setup();
    deps.gate = new ViewGate({ windowMs: 30 * MIN, perAddressPerHour: 1000, perArticlePerHour: 5, maxEntries: 1000 });
    const statuses = Array.from({ length: 8 }, (_, i) => send(body(7, tab(i)), { 'x-forwarded-for': `198.51.100.${i}` }));
    restore();
    expect(statuses).toEqual([202, 202, 202, 202, 202, 204, 204, 204]);
    expect(deps.buffer.pendingViews).toBe(5);
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual(['views_article_cap']);
    expect(send(body(7, tab(50)), {}, new Date(now.getTime() + 61 * MIN))).toBe(202);
  });

  it('keeps no address in clear in its state', () => {
    const { deps, send } = setup();
    send(body(7, TAB_A));
    expect(JSON.stringify([...(deps.gate as unknown as { seen: Map<string, number> }).seen.keys()])).not.toContain('198.51.100');
  });
});

describe('view beacon: batching', () => {
  it('aggregates views in memory and writes one batch per flush', () => {
    const { deps, writes, send } = setup([7, 8]);
    send('{"articleId":7}');
    send('{"articleId":7}', { 'x-forwarded-for': '203.0.113.1' });
    send('{"articleId":8}', { 'x-forwarded-for': '203.0.113.2' });
    expect(writes).toEqual([]); // nothing written per view
    expect(deps.buffer.flush()).toEqual({ written: 3, ok: true });
    expect(writes).toEqual([
      [
        { articleId: 7, day: '2026-03-18', views: 2 },
        { articleId: 8, day: '2026-03-18', views: 1 },
      ],
    ]);
    expect(deps.buffer.flush()).toEqual({ written: 0, ok: true });
    expect(writes).toHaveLength(1);
  });

  it('counts a view on the site day (Douala), not the UTC day', () => {
    const { deps, writes, send } = setup();
    send('{"articleId":7}', {}, new Date('2026-03-18T23:30:00Z'));
    deps.buffer.flush();
    expect(writes[0]![0]!.day).toBe('2026-03-19');
  });

  it('a refused flush keeps the views for the next flush, logs how many wait, and does not throw', () => {
    const lines: string[] = [];
    const restore = setLogSink((line) => lines.push(line));
    let refuse = true;
    const written: ViewCount[][] = [];
    const buffer = new ViewBuffer({ write: (batch) => !refuse && written.push(batch) > 0 });
    buffer.add(7, '2026-03-18');
    buffer.add(7, '2026-03-18');
    expect(buffer.flush()).toEqual({ written: 0, ok: false });
    restore();
    expect(lines.map((l) => JSON.parse(l))).toEqual([expect.objectContaining({ level: 'warn', msg: 'views_flush_deferred', pendingViews: 2 })]);
    buffer.add(7, '2026-03-18');
    refuse = false;
    expect(buffer.flush()).toEqual({ written: 3, ok: true });
    expect(written).toEqual([[{ articleId: 7, day: '2026-03-18', views: 3 }]]);
  });

  it('keeps at most maxPending (article, day) pairs while the database refuses writes', () => {
    const buffer = new ViewBuffer({ write: () => true, maxPending: 2 });
    buffer.add(1, 'd');
    buffer.add(2, 'd');
    buffer.add(3, 'd');
    buffer.add(1, 'd');
    expect(buffer.pendingViews).toBe(3);
    expect(buffer.dropped).toBe(1);
  });
});
