import { expect, test, type APIResponse } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { articlePath, translatedPair, video } from './support/fixtures';

// Security headers on every kind of response, and a CSP that admits exactly the scripts of the page.

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map((d) => [d[0]!, d.slice(1)]),
  );
}

function expectCommonHeaders(res: APIResponse, what: string) {
  const h = res.headers();
  expect(h['x-content-type-options'], what).toBe('nosniff');
  expect(h['x-frame-options'], what).toBe('DENY');
  expect(h['referrer-policy'], what).toBe('strict-origin-when-cross-origin');
  expect(h['permissions-policy'], what).toMatch(/camera=\(\)/);
  expect(h['permissions-policy'], what).toMatch(/geolocation=\(\)/);
  expect(h['x-powered-by'], what).toBeUndefined();
  // The e2e server runs on plain http://localhost: no HSTS there (see lib/headers/security.ts).
  expect(h['strict-transport-security'], what).toBeUndefined();
  const csp = directives(h['content-security-policy'] ?? '');
  expect(csp.get('default-src'), what).toEqual(["'self'"]);
  expect(csp.get('frame-ancestors'), what).toEqual(["'none'"]);
  expect(csp.get('object-src'), what).toEqual(["'none'"]);
  expect(csp.get('base-uri'), what).toEqual(["'self'"]);
  expect(csp.get('form-action'), what).toEqual(["'self'"]);
  expect(csp.get('img-src'), what).toEqual(["'self'", 'data:']);
  expect(csp.get('connect-src'), what).toEqual(["'self'"]);
  expect(csp.get('frame-src'), what).toEqual(['https://www.youtube-nocookie.com', 'https://www.dailymotion.com', 'https://www.facebook.com']);
  expect(h['content-security-policy'], what).not.toMatch(/unsafe-inline|unsafe-eval|strict-dynamic|nonce-/);
  return csp;
}

/**
 * The page's scripts are exactly what its policy admits. Reader pages are lite (lib/server/lite.ts): no inline
 * executable script at all, one first-party script file, and `script-src 'self'` with nothing else. That includes
 * the 404s: Next's notFound() shell (content only in the RSC payload, its inline scripts hashed) never reaches a
 * reader, the hook sends the lite not-found page instead (lib/server/not-found-document.ts).
 */
async function expectScriptPolicy(res: APIResponse, what: string) {
  const csp = expectCommonHeaders(res, what);
  const html = await res.text();
  const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    .filter((m) => !/\ssrc=/.test(m[1]!) && !/type="application\/(ld\+)?json"/.test(m[1]!))
    .map((m) => m[2]!);
  expect(html.includes('<html id="__next_error__">'), `${what}: a reader page is never Next's 404 shell`).toBe(false);
  expect(inline, `${what}: inline scripts on a lite page`).toEqual([]);
  const sources = [...html.matchAll(/<script\b[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]);
  expect(sources, `${what}: scripts of a lite page`).toEqual([expect.stringMatching(/^\/_next\/static\/kiosque\/lite\.[0-9a-f]{16}\.js$/)]);
  expect(csp.get('script-src'), what).toEqual(["'self'"]);
  // Public and cookie-less: no window isolation to pay for (lib/headers/security.ts); the newsroom has it.
  expect(res.headers()['cross-origin-opener-policy'], what).toBeUndefined();
}

const [fr, en] = translatedPair();

const pages: [string, string, number][] = [
  ['front page', '/fr', 200],
  ['front page (en)', '/en', 200],
  ['section', `/fr/${fr.categorySlug}`, 200],
  ['section page beyond the last', `/en/${en.categorySlug}/page/99`, 404],
  ['article', articlePath(fr), 200],
  ['article (en)', articlePath(en), 200],
  ['video', articlePath(video('fr')), 200],
  ['localized 404', '/fr/nothing-here/at-all', 404],
  ['search', '/fr/recherche?q=budget', -1],
  ['latest', '/en/latest', -1],
  ['topic', '/fr/sujets/x', -1],
];

test.describe('security headers', () => {
  for (const [what, path, status] of pages) {
    test(`${what} (${path})`, async ({ request }) => {
      const res = await request.get(path, { maxRedirects: 0 });
      // Routes added by other branches may not exist yet here: a 404 page is then what gets checked.
      if (status > 0) expect(res.status(), path).toBe(status);
      else expect([200, 404]).toContain(res.status());
      await expectScriptPolicy(res, path);
    });
  }

  test('a page served from cache keeps a CSP that matches it', async ({ request }) => {
    const first = await request.get('/fr');
    const second = await request.get('/fr');
    expect(second.headers()['x-nextjs-cache'] ?? 'HIT').toMatch(/HIT|STALE/);
    expect(second.headers()['content-security-policy']).toBe(first.headers()['content-security-policy']);
    await expectScriptPolicy(second, '/fr (cached)');
  });

  test('a revalidated page (304) sends no policy, so the browser keeps the one matching its stored copy', async ({ request }) => {
    const first = await request.get(articlePath(fr));
    const etag = first.headers()['etag'];
    expect(etag).toBeTruthy();
    const revalidated = await request.get(articlePath(fr), { headers: { 'if-none-match': etag! } });
    expect(revalidated.status()).toBe(304);
    expect(revalidated.headers()['content-security-policy']).toBeUndefined();
    expect(revalidated.headers()['x-frame-options']).toBe('DENY');
  });

  test('the newsroom is isolated from other windows (COOP)', async ({ request }) => {
    const res = await request.get('/newsroom/login', { maxRedirects: 0 });
    expect(res.headers()['cross-origin-opener-policy']).toBe('same-origin');
  });

  test('the API', async ({ request }) => {
    const res = await request.get('/api/health');
    expect(res.status()).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
    const csp = expectCommonHeaders(res, '/api/health');
    expect(csp.get('script-src')).toEqual(["'self'"]);
  });

  test('a redirect', async ({ request }) => {
    const res = await request.get('/', { maxRedirects: 0, headers: { 'accept-language': 'fr' } });
    expect(res.status()).toBeGreaterThanOrEqual(300);
    expect(res.status()).toBeLessThan(400);
    expectCommonHeaders(res, '/ (redirect)');
  });

  test('static assets: a Next chunk and a media file', async ({ request }) => {
    const chunk = readdirSync('.next/static/chunks').find((f) => f.endsWith('.js'))!;
    const media = readdirSync('public/media').find((f) => f.endsWith('.svg'))!;
    for (const path of [`/_next/static/chunks/${chunk}`, `/media/${media}`]) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(200);
      expectCommonHeaders(res, path);
    }
    // An SVG opened directly cannot run script: the policy applies to it as a document.
    const svg = await request.get(`/media/${media}`);
    expect(directives(svg.headers()['content-security-policy']!).get('script-src')).toEqual(["'self'"]);
  });
});
