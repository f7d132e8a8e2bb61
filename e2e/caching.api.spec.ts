import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { READER_REVALIDATE_SECONDS, secondsToSiteMidnight } from '../lib/headers/cache';
import { articlePath, articles } from './support/fixtures';

// Request-level checks of what shared caches (nginx, a CDN) see: reader pages are cacheable, carry the
// stale-if-error/stale-while-revalidate horizon, and never a Set-Cookie.

const visible = `a.status = 'published' and a.published_at <= unixepoch('now') * 1000`;

test('reader pages tell shared caches how long to keep them, and set no cookie', async ({ request }) => {
  const [recent] = articles(`${visible} and a.locale = 'fr'`);
  const old = articles(`${visible} and a.locale = 'en'`).at(-1)!;
  for (const path of ['/fr', '/en', '/fr/economie', '/en/economy', articlePath(recent!), articlePath(old)]) {
    const before = new Date();
    const res = await request.get(path, { headers: { 'accept-language': 'en' } });
    const after = new Date();
    expect(res.status(), path).toBe(200);
    const cc = res.headers()['cache-control'] ?? '';
    expect(cc, path).toMatch(/(^|,\s*)public(,|$)/);
    // 300 s, shortened in the last minutes of the site day so that no cache keeps yesterday's page past midnight.
    const maxAge = Number(/s-maxage=(\d+)/.exec(cc)?.[1]);
    const bounds = [before, after].map((t) => Math.min(READER_REVALIDATE_SECONDS, secondsToSiteMidnight(t)));
    expect(maxAge, path).toBeGreaterThanOrEqual(Math.min(...bounds) - 1);
    expect(maxAge, path).toBeLessThanOrEqual(Math.max(...bounds));
    expect(cc, path).toMatch(/stale-while-revalidate=\d+/);
    expect(cc, path).toMatch(/stale-if-error=\d+/);
    expect(cc, path).not.toMatch(/private|no-store/);
    expect(res.headers()['set-cookie'], path).toBeUndefined();
  }
});

test('the locale redirect on `/` (per reader: Accept-Language, cookie) is never marked shareable', async ({ request }) => {
  for (const acceptLanguage of ['fr', 'en-US,en;q=0.9']) {
    const res = await request.get('/', { headers: { 'accept-language': acceptLanguage }, maxRedirects: 0 });
    expect(res.status()).toBeGreaterThanOrEqual(300);
    expect(res.headers()['cache-control'] ?? '', acceptLanguage).not.toMatch(/public|s-maxage/);
  }
});

test('on-demand revalidation does not exist without REVALIDATE_TOKEN', async ({ request }) => {
  const res = await request.post('/api/revalidate', { data: { paths: ['/fr'] }, headers: { authorization: 'Bearer guess' } });
  expect(res.status()).toBe(404);
});

test('articles and section pages beyond the prerendered ones render on demand instead of answering 404', () => {
  // The build prerenders only the most recent articles (so that build time does not grow with the archive); the
  // others must be rendered on their first request: `fallback: false` in the manifest would make them 404.
  const manifest = JSON.parse(readFileSync('.next/prerender-manifest.json', 'utf8')) as { dynamicRoutes: Record<string, { fallback: unknown }> };
  for (const route of ['/[locale]/[category]/[slug]', '/[locale]/[category]/page/[n]', '/[locale]/[category]']) {
    expect(manifest.dynamicRoutes[route], route).toBeDefined();
    expect(manifest.dynamicRoutes[route]!.fallback, route).not.toBe(false);
  }
});

test('made-up addresses answer 404 and leave no files on disk (lib/server/isr-cache-handler.mjs)', async ({ request }) => {
  const section = articles(`${visible} and a.locale = 'fr'`)[0]!.categorySlug;
  const token = `made-up-${Date.now().toString(36)}`;
  for (const path of [`/fr/${section}/${token}`, `/en/${token}`, `/fr/${token}/a/b`]) {
    expect((await request.get(path)).status(), path).toBe(404);
    expect((await request.get(path)).status(), path).toBe(404);
  }
  // Next's own cache would have written each one under .next/server/route-cache (HTML, RSC payload, segments).
  const dir = '.next/server/route-cache';
  const written = existsSync(dir) ? readdirSync(dir, { recursive: true }).map(String).filter((f) => f.includes(token)) : [];
  expect(written).toEqual([]);
});
