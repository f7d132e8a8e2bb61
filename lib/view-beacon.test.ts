import { describe, expect, it } from 'vitest';
import { setLogSink } from './log';
import {
  clientAddress,
  handleViewBeacon,
  isBotRequest,
  parseBeaconBody,
  TokenBucketLimiter,
  ViewBuffer,
  type BeaconDeps,
  type ViewCount,
} from './view-beacon';

const READER_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';
const now = new Date('2026-03-18T09:00:00Z');

function setup(countable: number[] = [7]) {
  const writes: ViewCount[][] = [];
  const deps: BeaconDeps = {
    isCountable: (id) => countable.includes(id),
    buffer: new ViewBuffer({ write: (batch) => writes.push(batch) > 0 }),
    limiter: new TokenBucketLimiter({ capacity: 3, refillPerSecond: 1 / 10, maxClients: 100 }),
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

describe('view beacon: rate limit per client', () => {
  it('allows a burst, then answers 429 without counting, then refills', () => {
    const { deps, send } = setup();
    expect([1, 2, 3].map(() => send('{"articleId":7}'))).toEqual([202, 202, 202]);
    expect(send('{"articleId":7}')).toBe(429);
    expect(deps.buffer.pendingViews).toBe(3);
    // Another client is not affected.
    expect(send('{"articleId":7}', { 'x-forwarded-for': '203.0.113.9' })).toBe(202);
    // 10 s later, one token is back.
    const later = new Date(now.getTime() + 10_000);
    expect(send('{"articleId":7}', {}, later)).toBe(202);
    expect(send('{"articleId":7}', {}, later)).toBe(429);
  });

  it('bad requests use up tokens too', () => {
    const { send } = setup();
    for (let i = 0; i < 3; i++) send('nope');
    expect(send('{"articleId":7}')).toBe(429);
  });

  it('a client talking directly cannot dodge the limit by forging X-Forwarded-For', () => {
    const { send } = setup();
    const statuses = [1, 2, 3, 4, 5].map((i) => send('{"articleId":7}', { 'x-forwarded-for': `10.0.0.${i}` }, now, '192.0.2.50'));
    expect(statuses).toEqual([202, 202, 202, 429, 429]);
  });

  it('trusts only the last X-Forwarded-For entry, and only from a loopback proxy', () => {
    expect(clientAddress('192.0.2.50', '10.0.0.1')).toBe('192.0.2.50');
    expect(clientAddress('127.0.0.1', '10.0.0.1, 198.51.100.7')).toBe('198.51.100.7');
    expect(clientAddress('::1', '198.51.100.7')).toBe('198.51.100.7');
    expect(clientAddress('::ffff:127.0.0.1', '198.51.100.7')).toBe('198.51.100.7');
    expect(clientAddress('127.0.0.1', null)).toBe('127.0.0.1');
    expect(clientAddress(null, '198.51.100.7')).toBe('198.51.100.7');
    expect(clientAddress(undefined, undefined)).toBe('unknown');
  });

  it('forgets the least recently seen clients beyond its bound', () => {
    const limiter = new TokenBucketLimiter({ capacity: 1, refillPerSecond: 0, maxClients: 2 });
    expect(limiter.take('a', 0)).toBe(true);
    expect(limiter.take('b', 0)).toBe(true);
    expect(limiter.take('c', 0)).toBe(true);
    expect(limiter.size).toBe(2);
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
