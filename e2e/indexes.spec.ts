import { expect, test } from '@playwright/test';
import { scalar } from './support/fixtures';

// Topics A–Z and Authors & agencies: reachable from every page's footer, in both languages, every entry a link to a
// page that exists, names in alphabetical order for the reader's language.
const visible = `a.status = 'published' and a.published_at <= unixepoch('now') * 1000`;

for (const [locale, topics, authors, topicsTitle, authorsTitle] of [
  ['fr', '/fr/sujets', '/fr/auteurs', 'Sujets de A à Z', 'Auteurs et agences'],
  ['en', '/en/topics', '/en/authors', 'Topics A–Z', 'Authors & agencies'],
] as const) {
  test.describe(locale, () => {
    test.use({ locale: locale === 'fr' ? 'fr-FR' : 'en-US' });

    test(`${topics}: every topic with articles, A–Z, linked from the footer`, async ({ page }) => {
      await page.goto(`/${locale}`);
      await page.locator('footer').getByRole('link', { name: topicsTitle }).click();
      await expect(page).toHaveURL(new RegExp(`${topics}$`));
      await expect(page.locator('h1')).toHaveText(topicsTitle);
      const names = await page.locator('.index-entries a').allTextContents();
      const expected = Number(
        scalar(
          `select count(distinct at.tag_id) from article_tags at join articles a on a.id = at.article_id where ${visible} and a.locale = ?`,
          locale,
        ),
      );
      expect(names.length).toBe(expected);
      expect(names).toEqual([...names].sort(new Intl.Collator(locale, { sensitivity: 'base' }).compare));
      const first = page.locator('.index-entries a').first();
      const name = (await first.textContent())!.trim();
      await first.click();
      await expect(page.locator('h1')).toContainText(name);
    });

    test(`${authors}: people and agencies, with counts`, async ({ page }) => {
      const res = await page.goto(authors);
      expect(res?.status()).toBe(200);
      await expect(page.locator('h1')).toHaveText(authorsTitle);
      const agency = locale === 'fr' ? 'Agence' : 'Agency';
      await expect(page.locator('.index-entries li').filter({ hasText: agency }).first()).toBeVisible();
      await expect(page.locator('.index-count').first()).toHaveText(/\d+ articles?/);
      // The other language's index is the language switcher's target.
      const [otherLocale, other] = locale === 'fr' ? ['en', '/en/authors'] : ['fr', '/fr/auteurs'];
      await expect(page.locator(`link[rel="alternate"][hreflang="${otherLocale}"][href$="${other}"]`)).toHaveCount(1);
    });

    test(`${topics}/page/1 redirects to the index; a page past the end is a 404`, async ({ request }) => {
      const one = await request.get(`${topics}/page/1`, { maxRedirects: 0 });
      expect(one.status()).toBe(308);
      // Next 16.4 may send an ISR redirect's Location twice (vercel/next.js#82117, see seo.head.api.spec.ts): every
      // copy must name the index.
      const locations = one.headersArray().filter((h) => h.name.toLowerCase() === 'location');
      expect(locations.length).toBeGreaterThan(0);
      for (const l of locations) expect(new URL(l.value, 'http://x').pathname).toBe(topics);
      expect((await request.get(`${authors}/page/99`)).status()).toBe(404);
    });
  });
}
