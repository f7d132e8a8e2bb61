import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { FRESH_MS, lookupPage, MAX_STALE_MS, pageCacheKey, purgePageCache, storePage } from './page-cache';
import { installResponseHooks } from './response-hooks';

const SHARED = 'public, s-maxage=300, stale-while-revalidate=600';
/** A page of a real build (the lite transform runs on it, as in production). */
const article = readFileSync(new URL('./__fixtures__/article.html', import.meta.url), 'utf8');
const pageOf = (version: number) => article.replace('<main', `<main data-version="${version}"`);
const versionOf = (html: string) => /<main data-version="(\d+)"/.exec(html)?.[1];
const request = (method: string, url: string, headers: http.IncomingHttpHeaders = {}) =>
  ({ method, url, headers }) as http.IncomingMessage;

describe('which requests the page cache may answer', () => {
  it('plain GETs, one copy per Accept-Encoding', () => {
    expect(pageCacheKey(request('GET', '/fr/politique', { 'accept-encoding': 'gzip' }))).not.toBe(
      pageCacheKey(request('GET', '/fr/politique', { 'accept-encoding': 'br' })),
    );
    expect(pageCacheKey(request('GET', '/fr/politique?page=2'))).not.toBe(pageCacheKey(request('GET', '/fr/politique')));
  });

  it('not HEAD or POST, nor anything personal, conditional, partial, App Router, or absurdly long', () => {
    expect(pageCacheKey(request('HEAD', '/fr'))).toBeNull();
    expect(pageCacheKey(request('POST', '/fr'))).toBeNull();
    for (const header of ['cookie', 'authorization', 'if-none-match', 'if-modified-since', 'range', 'rsc', 'next-router-state-tree', 'next-action']) {
      expect(pageCacheKey(request('GET', '/fr', { [header]: '1' })), header).toBeNull();
    }
    expect(pageCacheKey(request('GET', `/fr/${'a'.repeat(3000)}`))).toBeNull();
    expect(pageCacheKey(request('GET', '/fr', { cookie: 'NEXT_LOCALE=en; session=abc' }))).toBeNull();
  });

  it('the remembered language alone does not keep a reader from cached pages', () => {
    expect(pageCacheKey(request('GET', '/en', { cookie: 'NEXT_LOCALE=en' }))).toBe(pageCacheKey(request('GET', '/en')));
  });
});

describe('what the page cache keeps, and for how long', () => {
  beforeEach(() => purgePageCache());
  const body = Buffer.from('<p>page</p>');
  const fill = (key: string, now: number, headers: http.OutgoingHttpHeaders = { 'cache-control': SHARED }, status = 200) => {
    const found = lookupPage(key, now);
    if (!('fill' in found)) throw new Error('expected a miss');
    return storePage(found.fill, status, headers, body, now);
  };

  it('only what a shared cache could keep', () => {
    expect(fill('a', 0)).toBe(true);
    expect(fill('b', 0, { 'cache-control': 'private, max-age=60' })).toBe(false);
    expect(fill('c', 0, { 'cache-control': 'public, max-age=60' })).toBe(false); // no s-maxage
    expect(fill('d', 0, { 'cache-control': 'public, s-maxage=0' })).toBe(false);
    expect(fill('e', 0, { 'cache-control': SHARED, 'set-cookie': 'x=1' })).toBe(false);
    expect(fill('f', 0, { 'cache-control': SHARED }, 404)).toBe(false);
    expect(fill('g', 0, {})).toBe(false);
    // Next's stale copy, sent while it renders the new one (whose ETag a conditional request will meet).
    expect(fill('h', 0, { 'cache-control': SHARED, 'x-nextjs-cache': 'STALE' })).toBe(false);
    expect(fill('i', 0, { 'cache-control': SHARED, 'x-nextjs-cache': 'HIT' })).toBe(true);
  });

  it('serves a copy for a second, without the headers of one moment', () => {
    fill('a', 1_000, { 'cache-control': SHARED, etag: '"x"', date: 'then', 'x-nextjs-cache': 'MISS' });
    const found = lookupPage('a', 1_000 + FRESH_MS - 1);
    expect('page' in found && found.page.headers).toEqual({ 'cache-control': SHARED, etag: '"x"' });
  });

  it('once expired: one request refreshes it while the others get the previous copy, for a bounded time', () => {
    fill('a', 0);
    const refresher = lookupPage('a', FRESH_MS);
    expect('fill' in refresher && refresher.fill.refreshing).toBe(true);
    expect('page' in lookupPage('a', FRESH_MS + 1)).toBe(true);
    expect('fill' in lookupPage('a', MAX_STALE_MS)).toBe(true); // too old even while refreshing
    if ('fill' in refresher) storePage(refresher.fill, 200, { 'cache-control': SHARED }, Buffer.from('new'), MAX_STALE_MS + 1);
    const found = lookupPage('a', MAX_STALE_MS + 2);
    expect('page' in found && found.page.body.toString()).toBe('new');
  });

  it('a refresh that fails lets the next request try again', () => {
    fill('a', 0);
    const refresher = lookupPage('a', FRESH_MS);
    if ('fill' in refresher) expect(storePage(refresher.fill, 500, {}, body, FRESH_MS)).toBe(false);
    const next = lookupPage('a', FRESH_MS + 1);
    expect('fill' in next && next.fill.refreshing).toBe(true);
  });

  it('a purge forgets everything, and a response begun before it is not kept', () => {
    fill('a', 0);
    const before = lookupPage('b', 0);
    purgePageCache();
    expect('fill' in lookupPage('a', 1)).toBe(true);
    if ('fill' in before) expect(storePage(before.fill, 200, { 'cache-control': SHARED }, body, 2)).toBe(false);
  });
});

describe('the page cache in front of the server (response hooks)', () => {
  let server: http.Server;
  let origin: string;
  let version = 1;
  let renders = 0;
  const NOON = new Date('2026-06-15T11:00:00Z'); // 12:00 in Douala

  beforeAll(async () => {
    // The hook shortens Cache-Control in the last 15 minutes of the site day (clampToSiteDay): pin the clock to noon.
    vi.useFakeTimers({ toFake: ['Date'], now: NOON });
    installResponseHooks({ logRequests: false, lite: true });
    server = http.createServer((req, res) => {
      if (req.method === 'POST' && req.url === '/api/publish') {
        // Like a Server Action: it purges when it asks for the refresh, but the new version only exists when it ends.
        purgePageCache();
        setTimeout(() => {
          version += 1;
          res.end('ok');
        }, 50);
        return;
      }
      renders += 1;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.setHeader('cache-control', req.url === '/fr/private' ? 'private, no-store' : SHARED);
      res.setHeader('etag', `"v${version}"`);
      res.setHeader('x-nextjs-cache', 'HIT');
      res.end(pageOf(version));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    vi.useRealTimers();
    await new Promise((resolve) => server.close(resolve));
  });

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${origin}${path}`, { headers });
    return { text: await res.text(), headers: res.headers };
  };

  it('a reader page is rendered once, then answered from memory with the same headers', async () => {
    const before = renders;
    const first = await get('/fr/article');
    const second = await get('/fr/article');
    expect(renders - before).toBe(1);
    expect(second.text).toBe(first.text);
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(second.headers.get('cache-control')).toBe(SHARED);
    expect(versionOf(second.text)).toBe(String(version));
    expect(second.text).not.toContain('__next_f'); // the lite page is what is kept
    expect(second.headers.get('content-length')).toBe(String(Buffer.byteLength(first.text)));
    expect(second.headers.get('x-nextjs-cache')).toBeNull();
  });

  it('five minutes before site midnight, the page is shared only until midnight', async () => {
    vi.setSystemTime(new Date('2026-06-15T22:55:00Z')); // 23:55 in Douala
    try {
      const { headers } = await get('/fr/late');
      expect(headers.get('cache-control')).toBe('public, s-maxage=300, stale-while-revalidate=0');
    } finally {
      vi.setSystemTime(NOON);
    }
  });

  it('the newsroom, private answers and requests with cookies always reach the server', async () => {
    const before = renders;
    await get('/newsroom/articles');
    await get('/newsroom/articles');
    await get('/fr/private');
    await get('/fr/private');
    await get('/fr/cookie'); // rendered and kept…
    await get('/fr/cookie', { cookie: 'a=1' }); // …but not given to a request with a cookie
    expect(renders - before).toBe(6);
  });

  it('a change is visible as soon as the request that made it has answered', async () => {
    expect(versionOf((await get('/fr')).text)).toBe(String(version));
    const old = version;
    const publishing = fetch(`${origin}/api/publish`, { method: 'POST' }).then((r) => r.text());
    await new Promise((r) => setTimeout(r, 10));
    // A reader during the action gets the old page (Next's cache is not refreshed yet)…
    expect(versionOf((await get('/fr')).text)).toBe(String(old));
    await publishing;
    // …but it is not kept past the action's end.
    expect(versionOf((await get('/fr')).text)).toBe(String(old + 1));
  });
});
