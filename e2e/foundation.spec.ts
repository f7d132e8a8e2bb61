import { expect, test, type Page } from '@playwright/test';
import { articlePath, fakeWeather, hidden, instances, translatedPair, untranslated, video } from './support/fixtures';
import { findMojibake, todayInDoualaSince } from './support/text';

const weather = { fr: '23,9\u00a0°C Yaoundé', en: '23.9\u00a0°C Yaoundé' };

async function expectNoMojibake(page: Page) {
  const html = await page.content();
  expect(findMojibake(html), `mojibake on ${page.url()}`).toBeNull();
}

for (const locale of ['fr', 'en'] as const) {
  test.describe(`${locale}`, () => {
    test.use({ locale: locale === 'fr' ? 'fr-FR' : 'en-US' });

    test('front page lists the latest articles in its language', async ({ page }) => {
      const res = await page.goto(`/${locale}`);
      expect(res?.status()).toBe(200);
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await expect(page.locator('h1')).toHaveCount(1);
      const links = page.locator('main article h3 a');
      expect(await links.count()).toBeGreaterThanOrEqual(10);
      for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
        expect(href).toMatch(new RegExp(`^/${locale}/[a-z0-9-]+/[a-z0-9-]+$`));
      }
      await expectNoMojibake(page);
    });

    test('header strip shows today in the site time zone and the weather', async ({ page }) => {
      const requestedAt = new Date();
      await page.goto(`/${locale}`);
      const today = page.locator('.header-strip time.today');
      await expect(today).toHaveText(todayInDoualaSince(locale, requestedAt));
      // Day, date, month, year in French order (never the source's "vendredi, novembre 15, 2024").
      await expect(today).toHaveText(locale === 'fr' ? /^\p{Ll}+ \d{1,2} \p{Ll}+ \d{4}$/u : /^\p{L}+, \p{L}+ \d{1,2}, \d{4}$/u);
      const w = page.getByTestId('weather');
      await expect(w).toContainText(weather[locale]);
      await expect(w).toContainText(locale === 'fr' ? 'Partiellement nuageux' : 'Partly cloudy');
      await expect(w.getByRole('img')).toHaveAttribute('aria-label', locale === 'fr' ? 'Météo\u00a0: Partiellement nuageux' : 'Weather: Partly cloudy');
    });

    test('a section page lists its articles with pagination links', async ({ page }) => {
      await page.goto(`/${locale}`);
      const firstSection = page.getByRole('navigation', { name: locale === 'fr' ? 'Navigation principale' : 'Main navigation' }).getByRole('link').nth(1);
      const name = (await firstSection.textContent())!.trim();
      await firstSection.click();
      await expect(page.locator('h1')).toHaveText(name);
      expect(await page.locator('main article').count()).toBeGreaterThan(0);
      await expectNoMojibake(page);
    });

    test('an article shows headline, byline, times, hero, body and topics', async ({ page }) => {
      const article = untranslated(locale);
      const res = await page.goto(articlePath(article));
      expect(res?.status()).toBe(200);
      await expect(page.locator('h1')).toHaveText(article.title);
      await expect(page.locator('.byline a')).toHaveAttribute('href', new RegExp(`^/${locale}/(auteurs|authors)/`));
      const published = page.locator('.dates time').first();
      await expect(published).toHaveAttribute('datetime', new Date(article.publishedAt!).toISOString());
      await expect(page.locator('.hero img')).toHaveAttribute('alt', /\S/);
      await expect(page.locator('.hero figcaption')).not.toBeEmpty();
      await expect(page.locator('.article-body p').first()).toBeVisible();
      await expect(page.locator('.article-body')).toContainText('■');
      expect(await page.locator('.article-topics a').count()).toBeGreaterThan(0);
      await expectNoMojibake(page);
    });

    test('dates are shown in Douala time, whatever the reader’s own zone', async ({ page }) => {
      const article = untranslated(locale);
      const requestedAt = new Date();
      await page.goto(articlePath(article));
      // The browser runs in UTC (desktop) or Honolulu (mobile): the text must still be Douala's.
      const browserZone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
      expect(browserZone).not.toBe('Africa/Douala');
      const douala = (options: Intl.DateTimeFormatOptions, date: Date) =>
        new Intl.DateTimeFormat(locale, { ...options, timeZone: 'Africa/Douala' }).format(date);
      const published = new Date(article.publishedAt!);
      await expect(page.locator('.dates time').first()).toHaveText(douala({ dateStyle: 'long', timeStyle: 'short' }, published));
      await expect(page.locator('.header-strip .today')).toHaveText(todayInDoualaSince(locale, requestedAt));
    });

    test('a video post shows its duration', async ({ page }) => {
      const v = video(locale);
      await page.goto(articlePath(v));
      const minutes = Math.floor(v.videoDurationSeconds! / 60);
      const seconds = String(v.videoDurationSeconds! % 60).padStart(2, '0');
      await expect(page.locator('.hero .video-duration')).toContainText(`${minutes}:${seconds}`);
    });
  });
}

test.describe('language switcher', () => {
  test('goes to the translation of an article, both ways', async ({ page }) => {
    const [fr, en] = translatedPair();
    await page.goto(articlePath(fr));
    await page.getByRole('navigation', { name: 'Choix de la langue' }).getByRole('link', { name: 'English' }).click();
    await expect(page).toHaveURL(new RegExp(`${articlePath(en)}$`));
    await expect(page.locator('h1')).toHaveText(en.title);
    await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Français' }).click();
    await expect(page).toHaveURL(new RegExp(`${articlePath(fr)}$`));
  });

  for (const [from, to] of [
    ['fr', 'en'],
    ['en', 'fr'],
  ] as const) {
    test(`an ${from} article without ${to} version leads to the ${to} section with a notice`, async ({ page }) => {
      const article = untranslated(from);
      await page.goto(articlePath(article));
      const switcher = page.getByRole('navigation', { name: from === 'fr' ? 'Choix de la langue' : 'Language' });
      await switcher.getByRole('link', { name: to === 'en' ? 'English' : 'Français' }).click();
      await expect(page).toHaveURL(new RegExp(`^[^#]*/${to}/[a-z0-9-]+#untranslated$`));
      await expect(page.locator('html')).toHaveAttribute('lang', to);
      const notice = page.locator('#untranslated');
      await expect(notice).toBeVisible();
      await expect(notice).toHaveText(to === 'en' ? /not available in English/ : /n’existe pas en français/);
    });
  }

  test('the notice is hidden on a section reached normally', async ({ page }) => {
    await page.goto('/en/economy');
    await expect(page.locator('#untranslated')).toBeHidden();
  });
});

const NOT_FOUND = [
  ['/fr/rubrique-inconnue', 'Page introuvable'],
  ['/fr/economie/article-inconnu', 'Page introuvable'],
  ['/fr/economie/page/999', 'Page introuvable'],
  ['/fr/economie/page/abc', 'Page introuvable'],
  ['/fr/economie/page/0', 'Page introuvable'],
  ['/fr/a/b/c/d', 'Page introuvable'],
  ['/en/unknown-section', 'Page not found'],
  ['/en/economy/no-such-story', 'Page not found'],
  ['/de/politik', 'Page introuvable'],
] as const;

test.describe('errors', () => {
  // One page for the whole list (a browser context per path cost more than the checks); soft assertions, so that
  // a failure names every path that broke.
  test('unknown sections, articles, page numbers and locales → localized 404', async ({ page }) => {
    for (const [path, title] of NOT_FOUND) {
      const res = await page.goto(path);
      expect.soft(res?.status(), path).toBe(404);
      await expect.soft(page.locator('h1'), path).toHaveText(title);
    }
  });

  test('drafts and future articles are 404 for readers', async ({ page }) => {
    const rows = hidden();
    expect(rows.some((r) => r.status === 'draft')).toBe(true);
    expect(rows.some((r) => r.status === 'scheduled' && r.publishedAt! > Date.now())).toBe(true);
    for (const row of rows) {
      const res = await page.goto(articlePath(row));
      expect(res?.status(), articlePath(row)).toBe(404);
    }
    await page.goto('/fr');
    const html = await page.content();
    for (const row of rows) expect(html).not.toContain(row.slug);
  });
});

test.describe('weather service failures never break a page', () => {
  for (const [mode, origin] of [
    ['down', instances.weatherDown],
    ['slow', instances.weatherSlow],
    ['garbage', instances.weatherGarbage],
  ] as const) {
    test(`weather ${mode}: the page renders, without weather`, async ({ page, request }) => {
      // A path no cache has seen, so that this instance renders it now, against its failing weather service.
      // The slow service hangs for 60 s: without the client's timeout this navigation would time out.
      const requestedAt = new Date();
      const res = await page.goto(`${origin}/fr/${mode}-${Date.now()}/x/y`, { timeout: 20_000 });
      expect(res?.status()).toBe(404);
      await expect(page.locator('h1')).toHaveText('Page introuvable');
      await expect(page.locator('.header-strip time.today')).toHaveText(todayInDoualaSince('fr', requestedAt));
      await expect(page.getByTestId('weather')).toHaveCount(0);
      const calls = (await (await request.get(`${fakeWeather}/requests`)).json()) as Record<string, number>;
      expect(calls[mode] ?? 0, 'the instance did ask the weather service').toBeGreaterThan(0);
    });
  }
});
