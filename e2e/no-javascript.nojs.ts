/**
 * Everything a reader does works with JavaScript disabled (run by the `nojs` Playwright project only, see
 * playwright.config.ts): reading, moving between sections and pages, switching language (including the
 * "not translated" notice, revealed by CSS :target), and searching once the search form exists.
 */
import { expect, test } from '@playwright/test';
import { articlePath, translatedPair, untranslated, video } from './support/fixtures';
import { biggestSection, features } from './support/pages';

test.use({ javaScriptEnabled: false, locale: 'fr-FR' });
test.describe.configure({ timeout: 90_000 });

test('JavaScript is really off: the language link does not run its click handler', async ({ page, context }) => {
  await page.goto('/fr');
  await page.getByRole('navigation', { name: 'Choix de la langue' }).getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(/\/en$/);
  // With JavaScript, the reader pages' script (lib/server/lite-script.ts) writes the NEXT_LOCALE cookie on click.
  expect((await context.cookies()).map((c) => c.name)).not.toContain('NEXT_LOCALE');
});

test('reading: from the front page to a full article, with its image', async ({ page }) => {
  await page.goto('/fr');
  const first = page.locator('main article h3 a').first();
  const title = (await first.textContent())!.trim();
  await first.click();
  await expect(page.locator('h1')).toHaveText(title);
  await expect(page.locator('.article-body p').first()).toBeVisible();
  const hero = page.locator('.hero img');
  await expect(hero).toBeVisible();
  // next/image falls back to a plain <img> that loads without any script.
  await expect.poll(() => hero.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
});

test('reading: a video post shows its poster, duration and text', async ({ page }) => {
  const v = video('fr');
  await page.goto(articlePath(v));
  await expect(page.locator('h1')).toHaveText(v.title);
  // The demo videos have no media file: the poster stands in (a real file gets the native <video controls>).
  await expect(page.locator('.hero img, .hero video[controls]').first()).toBeVisible();
  await expect(page.locator('.hero .video-duration')).toContainText(`${Math.floor(v.videoDurationSeconds! / 60)}:`);
  await expect(page.locator('.article-body p').first()).toBeVisible();
});

test('navigating: main navigation to a section, then next and previous pages', async ({ page }) => {
  const slug = biggestSection('fr');
  await page.goto('/fr');
  const link = page.getByRole('navigation', { name: 'Navigation principale' }).locator(`a[href="/fr/${slug}"]`);
  const name = (await link.textContent())!.trim();
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/fr/${slug}$`));
  await expect(page.locator('h1')).toHaveText(name);
  const firstOnPage1 = await page.locator('main article h2 a').first().textContent();

  await page.getByRole('navigation', { name: 'Pagination' }).getByRole('link', { name: 'Page suivante' }).click();
  await expect(page).toHaveURL(new RegExp(`/fr/${slug}/page/2$`));
  await expect(page.getByRole('navigation', { name: 'Pagination' })).toContainText('Page 2 sur');
  await expect(page.locator('main article h2 a').first()).not.toHaveText(firstOnPage1!);

  await page.getByRole('navigation', { name: 'Pagination' }).getByRole('link', { name: 'Page précédente' }).click();
  await expect(page).toHaveURL(new RegExp(`/fr/${slug}$`));
  await expect(page.locator('main article h2 a').first()).toHaveText(firstOnPage1!);
});

test('switching language: an article leads to its translation and back', async ({ page }) => {
  const [fr, en] = translatedPair();
  await page.goto(articlePath(fr));
  await page.getByRole('navigation', { name: 'Choix de la langue' }).getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(new RegExp(`${articlePath(en)}$`));
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('h1')).toHaveText(en.title);
  await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Français' }).click();
  await expect(page.locator('h1')).toHaveText(fr.title);
});

test('switching language: an untranslated article shows the notice on the other section (CSS :target)', async ({ page }) => {
  await page.goto(articlePath(untranslated('fr')));
  await page.getByRole('navigation', { name: 'Choix de la langue' }).getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(/\/en\/[a-z0-9-]+#untranslated$/);
  await expect(page.locator('#untranslated')).toBeVisible();
  await expect(page.locator('#untranslated')).toContainText('not available in English');
  // Reached without the fragment, the same section hides it.
  await page.goto(page.url().replace(/#.*$/, ''));
  await expect(page.locator('#untranslated')).toBeHidden();
});

// A 404 raised by notFound() is sent by Next 16 as an empty shell whose content appears only once React runs
// (vercel/next.js#62228); the response hook sends the server-rendered not-found page instead
// (lib/server/not-found-document.ts), so it works without JavaScript.
test('a missing page still offers a way home', async ({ page }) => {
  const res = await page.goto('/fr/rubrique-inconnue');
  expect(res?.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText('Page introuvable');
  await page.getByRole('main').getByRole('link', { name: 'Retour à l’accueil' }).click();
  await expect(page).toHaveURL(/\/fr$/);
});

test('a missing page outside the languages (a path with a dot, which the locale proxy leaves alone) offers both', async ({ page }) => {
  const res = await page.goto('/de/seite.html');
  expect(res?.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText('Page introuvable');
  await page.getByRole('link', { name: 'Back to the home page' }).click();
  await expect(page).toHaveURL(/\/en$/);
});

if (features.searchForm) {
  test('searching: the header search form submits without JavaScript', async ({ page }) => {
    const [fr] = translatedPair();
    await page.goto('/fr');
    const form = page.getByRole('search');
    const word = fr.title.split(/\s+/).find((w) => w.length > 5)!;
    await form.getByRole('searchbox').fill(word);
    await form.getByRole('searchbox').press('Enter');
    await expect(page).toHaveURL(/\/fr\/recherche\?q=/);
    await expect(page.locator('main')).toContainText(fr.title);
  });
}
