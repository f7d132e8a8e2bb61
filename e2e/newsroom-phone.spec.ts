/**
 * A reporter files from the field: the newsroom's login, article list and editor at 360 px with touch, no
 * sideways scrolling, axe clean (mobile project only, like phone.spec.ts).
 */
import { expect, test, type Page } from '@playwright/test';
import { createAccount, login } from './support/newsroom';
import { expectNoAxeViolations } from './support/axe';

test.use({ viewport: { width: 360, height: 740 } });
test.describe.configure({ timeout: 90_000 });

async function noSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}

test('login, list and editor fit a 360 px phone and pass axe', async ({ page }) => {
  await page.goto('/newsroom/login');
  await noSidewaysScroll(page);
  await expectNoAxeViolations(page);
  await login(page, createAccount('contributor'));
  await noSidewaysScroll(page);
  await page.goto('/newsroom/articles/new');
  await page.locator('#title').fill('Reportage depuis Maroua');
  await Promise.all([page.waitForURL(/\/newsroom\/articles\/\d+$/), page.locator('main form button[type=submit]').click()]);
  await page.locator('#body').fill('Premières lignes du reportage.');
  await expect(page.locator('.nr-savestate')).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });
  await noSidewaysScroll(page);
  await expectNoAxeViolations(page);
  await page.goto('/newsroom');
  await expect(page.getByRole('link', { name: 'Reportage depuis Maroua' })).toBeVisible();
  await noSidewaysScroll(page);
  await expectNoAxeViolations(page);
});
