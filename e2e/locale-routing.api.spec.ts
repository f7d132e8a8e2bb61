import { expect, test } from '@playwright/test';

// Request-level checks of locale negotiation and cacheability (desktop project only: no rendering involved).

test.describe('`/` sends each reader to their language', () => {
  for (const [acceptLanguage, expected] of [
    ['en-US,en;q=0.9', '/en'],
    ['fr-CM,fr;q=0.9,en;q=0.5', '/fr'],
    ['de-DE,de;q=0.9', '/fr'],
    ['', '/fr'],
  ] as const) {
    test(`Accept-Language "${acceptLanguage}" → ${expected}`, async ({ request }) => {
      const res = await request.get('/', { headers: { 'accept-language': acceptLanguage }, maxRedirects: 0 });
      expect([302, 303, 307, 308]).toContain(res.status());
      expect(new URL(res.headers()['location']!, 'http://x').pathname).toBe(expected);
    });
  }

  test('a remembered choice wins over Accept-Language', async ({ request }) => {
    const res = await request.get('/', {
      headers: { 'accept-language': 'fr-FR,fr;q=0.9', cookie: 'NEXT_LOCALE=en' },
      maxRedirects: 0,
    });
    expect(new URL(res.headers()['location']!, 'http://x').pathname).toBe('/en');
  });

  test('an unprefixed path gets the locale prefix', async ({ request }) => {
    const res = await request.get('/economie', { headers: { 'accept-language': 'fr' }, maxRedirects: 0 });
    expect(new URL(res.headers()['location']!, 'http://x').pathname).toBe('/fr/economie');
  });
});

test('locale-prefixed pages set no cookie, so shared caches can keep them', async ({ request }) => {
  for (const path of ['/fr', '/en', '/fr/economie', '/en/economy']) {
    const res = await request.get(path, { headers: { 'accept-language': 'en' } });
    expect(res.status(), path).toBe(200);
    expect(res.headers()['set-cookie'], path).toBeUndefined();
  }
});

test('fixed pages answer under their localized names only', async ({ request }) => {
  const res = await request.get('/fr/search', { maxRedirects: 0 });
  expect(res.status()).toBe(308);
  expect(res.headers()['location']).toContain('/fr/recherche');
});
