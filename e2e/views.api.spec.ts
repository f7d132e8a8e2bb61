import { expect, test } from '@playwright/test';
import { articles, hidden, untranslated } from './support/fixtures';
import { viewsOf } from './support/portal';

// The view beacon at the request level (desktop project only). Each test uses its own client address: the
// server is behind no proxy here, so the loopback peer's X-Forwarded-For names the client.
const READER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';
let seq = 0;
const client = () => `198.51.100.${(Date.now() + seq++) % 250}-${Math.random().toString(36).slice(2)}`;

const token = () => `${Date.now().toString(16)}${Math.random().toString(16).slice(2)}`.padEnd(24, '0').slice(0, 32);

function post(request: import('@playwright/test').APIRequestContext, body: unknown, headers: Record<string, string> = {}) {
  return request.post('/api/views', {
    data: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'content-type': 'text/plain;charset=UTF-8', 'user-agent': READER, ...headers },
  });
}

test('a view is counted and written to the daily table in a batch', async ({ request }) => {
  // The oldest English article: no other test opens it, so only these beacons count for it.
  const article = articles(`a.locale = 'en' and a.status = 'published' and a.published_at <= unixepoch('now') * 1000`).at(-1)!;
  const before = viewsOf(article.id);
  const ip = client();
  // Three readers behind one address (three browser tabs: three tokens).
  for (let i = 0; i < 3; i++) expect((await post(request, { articleId: article.id, reader: token() }, { 'x-forwarded-for': ip })).status()).toBe(202);
  // Not written per view; the flush interval is 5 s by default.
  await expect.poll(() => viewsOf(article.id), { timeout: 15_000, intervals: [500] }).toBe(before + 3);
});

test('bots and prefetches are ignored', async ({ request }) => {
  const article = untranslated('fr');
  for (const headers of <Record<string, string>[]>[
    { 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' },
    { 'user-agent': 'curl/8.5.0' },
    { 'sec-purpose': 'prefetch' },
    { purpose: 'prefetch' },
  ]) {
    expect((await post(request, { articleId: article.id }, { 'x-forwarded-for': client(), ...headers })).status()).toBe(204);
  }
});

test('bad input → 400, unknown or unpublished article → 404', async ({ request }) => {
  for (const body of ['nope', '{}', '{"articleId":"1"}', '{"articleId":-1}', 'x'.repeat(5000)]) {
    expect((await post(request, body, { 'x-forwarded-for': client() })).status(), body.slice(0, 20)).toBe(400);
  }
  expect((await post(request, { articleId: 987654 }, { 'x-forwarded-for': client() })).status()).toBe(404);
  const draft = hidden()[0]!;
  const before = viewsOf(draft.id);
  expect((await post(request, { articleId: draft.id }, { 'x-forwarded-for': client() })).status()).toBe(404);
  expect(viewsOf(draft.id)).toBe(before);
});

test('reloads in one tab count once; another tab behind the same address counts', async ({ request }) => {
  const article = untranslated('fr');
  const ip = client();
  const tab = token();
  const statuses: number[] = [];
  for (let i = 0; i < 5; i++) statuses.push((await post(request, { articleId: article.id, reader: tab }, { 'x-forwarded-for': ip })).status());
  expect(statuses).toEqual([202, 204, 204, 204, 204]);
  expect((await post(request, { articleId: article.id, reader: token() }, { 'x-forwarded-for': ip })).status()).toBe(202);
});

test('an address adding more views than its hourly ceiling gets 429', async ({ request }) => {
  // The e2e servers run with VIEWS_PER_ADDRESS_PER_HOUR=100 (playwright.config.ts); production allows thousands.
  const article = untranslated('fr');
  const ip = client();
  const statuses: number[] = [];
  for (let i = 0; i < 102; i++) statuses.push((await post(request, { articleId: article.id, reader: token() }, { 'x-forwarded-for': ip })).status());
  expect(statuses.slice(0, 100).every((s) => s === 202)).toBe(true);
  expect(statuses.slice(100)).toEqual([429, 429]);
  // Someone else is not affected.
  expect((await post(request, { articleId: article.id, reader: token() }, { 'x-forwarded-for': client() })).status()).toBe(202);
});

test('only POST', async ({ request }) => {
  expect((await request.get('/api/views')).status()).toBe(405);
});
