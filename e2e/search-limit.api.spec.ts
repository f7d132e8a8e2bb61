import { expect, test } from '@playwright/test';

// The "garbage weather" server (E2E_APP_PORT + 3) runs with SEARCH_PER_CLIENT_PER_MINUTE=2 (playwright.config.ts).
// Behind the loopback (a trusted proxy), X-Forwarded-For names the client: each test is its own client.
const limited = `http://localhost:${Number(process.env.E2E_APP_PORT ?? 3100) + 3}`;
const client = () => `203.0.113.${Math.floor(Math.random() * 250) + 1}`;

for (const [locale, path, title, foreign] of [
  ['fr', '/fr/recherche', 'Trop de recherches', /Too many|Try again|Back to/],
  ['en', '/en/search', 'Too many searches', /Trop de|Réessayez|Retour/],
] as const) {
  test(`${locale}: a client searching too often gets a localized 429 page with Retry-After`, async ({ request }) => {
    const ip = client();
    const get = (q: string, from = ip) => request.get(`${limited}${path}?q=${encodeURIComponent(q)}`, { headers: { 'x-forwarded-for': from } });
    expect((await get(`cacao ${Date.now()}`)).status()).toBe(200);
    expect((await get(`douala ${Date.now()}`)).status()).toBe(200);
    const refused = await get(`kribi ${Date.now()}`);
    expect(refused.status()).toBe(429);
    const retryAfter = Number(refused.headers()['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(30);
    expect(refused.headers()['cache-control']).toBe('no-store');
    const html = await refused.text();
    expect(html).toContain(`<html lang="${locale}">`);
    expect(html).toContain(title);
    expect(html).not.toMatch(foreign);
    // Another reader is not affected; the empty search page is never limited.
    expect((await get('cacao', `198.51.100.${Math.floor(Math.random() * 250) + 1}`)).status()).toBe(200);
    expect((await request.get(`${limited}${path}`, { headers: { 'x-forwarded-for': ip } })).status()).toBe(200);
  });
}
