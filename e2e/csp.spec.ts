import { expect, test, type Page } from '@playwright/test';
import { articlePath, translatedPair } from './support/fixtures';

// Pages work under the Content-Security-Policy: the browser reports no violation, reader pages load no framework
// script (lib/server/lite.ts), and their one script (the language link remembers the reader's choice in a cookie)
// runs, also after the browser revalidated its stored copy (304).

function collectViolations(page: Page) {
  const violations: string[] = [];
  page.on('console', (msg) => {
    if (/Content[- ]Security[- ]Policy|Refused to (execute|load|apply)/i.test(msg.text())) violations.push(msg.text());
  });
  page.on('pageerror', (error) => violations.push(`pageerror: ${error.message}`));
  return violations;
}

test('no CSP violation on the main page types; reader pages run their one script and no framework', async ({ page }) => {
  test.setTimeout(120_000); // several full page loads; the machine running e2e may be busy
  const violations = collectViolations(page);
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  const [fr] = translatedPair();
  // The 404 too: the hook sends the lite not-found page in place of Next's notFound() shell.
  for (const path of ['/fr', `/fr/${fr.categorySlug}`, articlePath(fr), '/fr/pas-de-page-ici']) {
    scripts.length = 0;
    await page.goto(path, { waitUntil: 'load', timeout: 30_000 });
    expect(scripts, path).toEqual([expect.stringMatching(/^\/_next\/static\/kiosque\/lite\.[0-9a-f]{16}\.js$/)]);
    expect(await page.evaluate(() => 'next' in window || '__next_f' in window), path).toBe(false);
  }
  await expect(page.locator('h1')).toHaveText('Page introuvable');
  // A second visit: the browser revalidates its stored copy (304) and must keep running the page's script.
  await page.goto(articlePath(fr));
  await page.locator('.language-switcher a').first().click();
  await page.waitForURL(/\/en\//);
  const cookies = await page.context().cookies();
  expect(cookies.find((c) => c.name === 'NEXT_LOCALE')?.value).toBe('en');
  expect(violations).toEqual([]);
});
