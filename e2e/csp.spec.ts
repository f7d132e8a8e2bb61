import { expect, test, type Page } from '@playwright/test';
import { articlePath, translatedPair } from './support/fixtures';

// Pages work under the Content-Security-Policy: the browser reports no violation, and the client component
// (the language link, which remembers the reader's choice in a cookie) hydrates.

function collectViolations(page: Page) {
  const violations: string[] = [];
  page.on('console', (msg) => {
    if (/Content[- ]Security[- ]Policy|Refused to (execute|load|apply)/i.test(msg.text())) violations.push(msg.text());
  });
  page.on('pageerror', (error) => violations.push(`pageerror: ${error.message}`));
  return violations;
}

test('no CSP violation on the main page types, and the language link hydrates', async ({ page }) => {
  test.setTimeout(120_000); // several full page loads; the machine running e2e may be busy
  const violations = collectViolations(page);
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  const [fr] = translatedPair();
  for (const path of ['/fr', `/fr/${fr.categorySlug}`, articlePath(fr), '/fr/pas-de-page-ici']) {
    await page.goto(path, { waitUntil: 'load', timeout: 30_000 });
  }
  // A second visit: the browser revalidates its stored copy (304) and must keep running the page's scripts.
  await page.goto(articlePath(fr));
  // The onClick handler only exists once React has hydrated (which needs the hashed inline scripts to run).
  await expect
    .poll(() => page.locator('.language-switcher a').first().evaluate((a) => Object.keys(a).some((k) => k.startsWith('__reactProps'))), {
      timeout: 30_000,
    })
    .toBe(true);
  await page.locator('.language-switcher a').first().click();
  await page.waitForURL(/\/en\//);
  const cookies = await page.context().cookies();
  expect(cookies.find((c) => c.name === 'NEXT_LOCALE')?.value).toBe('en');
  expect(violations).toEqual([]);
});
