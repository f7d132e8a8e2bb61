import { expect, test, type Page } from '@playwright/test';
import { articlePath, translatedPair, untranslated, video } from './support/fixtures';
import { busiestAuthor, busiestTopic, fixed, languageName, other, PAGE_SIZE, switcherName, visibleCount } from './support/portal';
import { findMojibake } from './support/text';

// Several navigations per test: give them room on a busy machine.
test.describe.configure({ timeout: 90_000 });

async function expectNoMojibake(page: Page) {
  expect(findMojibake(await page.content()), `mojibake on ${page.url()}`).toBeNull();
}

async function switchLanguage(page: Page, from: 'fr' | 'en') {
  await page.getByRole('navigation', { name: switcherName[from] }).getByRole('link', { name: languageName[other(from)] }).click();
}

/** Widgets follow the content on phones and sit beside it on wide screens. */
async function expectSidebarPlacement(page: Page) {
  const content = (await page.locator('.with-sidebar-content').first().boundingBox())!;
  const aside = (await page.locator('aside.sidebar').boundingBox())!;
  const width = page.viewportSize()!.width;
  if (width < 1024) expect(aside.y).toBeGreaterThanOrEqual(content.y + content.height - 1);
  else {
    expect(aside.x).toBeGreaterThanOrEqual(content.x + content.width - 1);
    expect(aside.y).toBeLessThan(content.y + 200);
  }
}

async function expectWidgets(page: Page, locale: 'fr' | 'en') {
  const hot = page.getByTestId('widget-hot');
  await expect(hot.locator('h2')).toHaveText(locale === 'fr' ? 'Les plus lus de la semaine' : 'Most read this week');
  const hotLinks = await hot.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(hotLinks.length).toBeGreaterThan(0);
  for (const href of hotLinks) expect(href).toMatch(new RegExp(`^/${locale}/[a-z0-9-]+/[a-z0-9-]+$`));
  const categories = page.getByTestId('widget-categories');
  await expect(categories.locator('li').first()).toContainText(/\d+ articles?/);
  for (const href of await categories.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
    expect(href).toMatch(new RegExp(`^/${locale}/[a-z0-9-]+$`));
  }
  const topics = page.getByTestId('widget-topics').locator('a');
  expect(await topics.count()).toBeGreaterThan(0);
  await expect(topics.first()).toHaveAttribute('href', new RegExp(`^/${locale}/${fixed.topics[locale]}/[a-z0-9-]+$`));
  await expectSidebarPlacement(page);
}

for (const locale of ['fr', 'en'] as const) {
  test.describe(`portal ${locale}`, () => {
    test.use({ locale: locale === 'fr' ? 'fr-FR' : 'en-US' });

    test('front page: lead, top stories, section blocks, video strip and widgets', async ({ page }) => {
      await page.goto(`/${locale}`);
      await expect(page.locator('.lead article h3 a')).toHaveCount(1);
      expect(await page.locator('.top-stories article').count()).toBeGreaterThanOrEqual(3);
      const blocks = page.getByTestId('section-block');
      expect(await blocks.count()).toBeGreaterThanOrEqual(4);
      await expect(blocks.first().locator('h2 a')).toHaveAttribute('href', new RegExp(`^/${locale}/[a-z0-9-]+$`));
      const strip = page.getByTestId('video-strip');
      expect(await strip.locator('article').count()).toBeGreaterThan(0);
      await expect(strip.locator('.video-duration').first()).toContainText(/\d+:\d\d/);
      await expectWidgets(page, locale);
      await expectNoMojibake(page);
    });

    test('section pages have the widgets; the videos section lists videos with durations', async ({ page }) => {
      await page.goto(`/${locale}/videos`);
      await expect(page.locator('h1')).toHaveText(locale === 'fr' ? 'Vidéos' : 'Videos');
      const v = video(locale);
      const card = page.locator('main article', { has: page.locator(`a[href="${articlePath(v)}"]`) }).first();
      const m = Math.floor(v.videoDurationSeconds! / 60);
      const s = String(v.videoDurationSeconds! % 60).padStart(2, '0');
      await expect(card.locator('.video-duration')).toContainText(`${m}:${s}`);
      await expectWidgets(page, locale);
    });

    test('section page 2 is a real URL reached by the pagination link', async ({ page }) => {
      await page.goto(`/${locale}/${fixed.latest[locale]}`);
      await page.getByRole('link', { name: locale === 'fr' ? 'Page suivante' : 'Next page' }).click();
      await expect(page).toHaveURL(new RegExp(`/${locale}/${fixed.latest[locale]}/page/2$`));
      expect(await page.locator('main .article-list > li').count()).toBeGreaterThan(0);
      await expect(page.getByRole('link', { name: locale === 'fr' ? 'Page précédente' : 'Previous page' })).toHaveAttribute('href', `/${locale}/${fixed.latest[locale]}`);
    });

    test('latest news: every visible article over real pages; out-of-range pages are 404', async ({ page }) => {
      const total = visibleCount(locale);
      const pages = Math.ceil(total / PAGE_SIZE);
      const res = await page.goto(`/${locale}/${fixed.latest[locale]}`);
      expect(res?.status()).toBe(200);
      await expect(page.locator('h1')).toHaveText(locale === 'fr' ? 'Toute l’actualité' : 'Latest news');
      await expect(page.locator('main .article-list > li')).toHaveCount(PAGE_SIZE);
      await expect(page.locator('.pagination [aria-current]')).toContainText(String(pages));
      const last = await page.goto(`/${locale}/${fixed.latest[locale]}/page/${pages}`);
      expect(last?.status()).toBe(200);
      await expect(page.locator('main .article-list > li')).toHaveCount(total - (pages - 1) * PAGE_SIZE);
      for (const bad of [`${pages + 1}`, '0', 'abc', '02']) {
        expect((await page.goto(`/${locale}/${fixed.latest[locale]}/page/${bad}`))?.status(), bad).toBe(404);
      }
    });

    test('latest news: the switcher goes to the latest news of the other language', async ({ page }) => {
      await page.goto(`/${locale}/${fixed.latest[locale]}`);
      await switchLanguage(page, locale);
      await expect(page).toHaveURL(new RegExp(`/${other(locale)}/${fixed.latest[other(locale)]}$`));
    });

    test('topic page: its articles, pagination, and the switcher to the same topic', async ({ page }) => {
      const topic = busiestTopic(locale);
      const res = await page.goto(`/${locale}/${fixed.topics[locale]}/${topic.slug}`);
      expect(res?.status()).toBe(200);
      await expect(page.locator('h1')).toContainText(topic.name);
      await expect(page.locator('main .article-list > li')).toHaveCount(Math.min(topic.n, PAGE_SIZE));
      if (topic.n > PAGE_SIZE) {
        await expect(page.locator('a[rel="next"]')).toHaveAttribute('href', `/${locale}/${fixed.topics[locale]}/${topic.slug}/page/2`);
        expect((await page.goto(`/${locale}/${fixed.topics[locale]}/${topic.slug}/page/2`))?.status()).toBe(200);
      }
      expect((await page.goto(`/${locale}/${fixed.topics[locale]}/${topic.slug}/page/99`))?.status()).toBe(404);
      expect((await page.goto(`/${locale}/${fixed.topics[locale]}/no-such-topic`))?.status()).toBe(404);
      await page.goto(`/${locale}/${fixed.topics[locale]}/${topic.slug}`);
      await expectWidgets(page, locale);
      await switchLanguage(page, locale);
      await expect(page).toHaveURL(new RegExp(`/${other(locale)}/${fixed.topics[other(locale)]}/${topic.otherSlug}$`));
      await expect(page.locator('h1')).toContainText(topic.otherName);
      await expectNoMojibake(page);
    });

    test('author page: bio, articles, and the switcher to the same author', async ({ page }) => {
      const author = busiestAuthor(locale);
      const res = await page.goto(`/${locale}/${fixed.authors[locale]}/${author.slug}`);
      expect(res?.status()).toBe(200);
      await expect(page.locator('h1')).toHaveText(author.name);
      await expect(page.locator('.author-bio')).toHaveText(author.bio);
      await expect(page.locator('main .article-list > li')).toHaveCount(Math.min(author.n, PAGE_SIZE));
      await expect(page.locator('main .article-list .card-meta a').first()).toHaveText(author.name);
      if (author.n > PAGE_SIZE) await expect(page.locator('a[rel="next"]')).toHaveAttribute('href', `/${locale}/${fixed.authors[locale]}/${author.slug}/page/2`);
      await switchLanguage(page, locale);
      await expect(page).toHaveURL(new RegExp(`/${other(locale)}/${fixed.authors[other(locale)]}/${author.otherSlug}$`));
    });

    test('a byline links to the author page', async ({ page }) => {
      const article = untranslated(locale);
      await page.goto(articlePath(article));
      const byline = (await page.locator('.byline a').textContent())!.trim();
      await page.locator('.byline a').click();
      await expect(page).toHaveURL(new RegExp(`/${locale}/${fixed.authors[locale]}/[a-z0-9-]+$`));
      await expect(page.locator('h1')).toHaveText(byline);
      expect(await page.locator('main .article-list > li').count()).toBeGreaterThan(0);
    });

    test('article page: related articles in the same language, widgets, and a view beacon', async ({ page }) => {
      const article = untranslated(locale);
      const beacon = page.waitForRequest((r) => r.url().endsWith('/api/views') && r.method() === 'POST');
      await page.goto(articlePath(article));
      const sent = JSON.parse((await beacon).postData()!);
      // A random token of this tab, so that readers sharing a carrier address are told apart…
      expect(sent).toEqual({ articleId: article.id, reader: expect.stringMatching(/^[0-9a-f]{32}$/) });
      // …and the same after a reload, so that reloads count once.
      const again = page.waitForRequest((r) => r.url().endsWith('/api/views') && r.method() === 'POST');
      await page.reload();
      expect(JSON.parse((await again).postData()!)).toEqual(sent);
      const related = page.getByTestId('widget-related').locator('article h3 a');
      expect(await related.count()).toBeGreaterThan(0);
      for (const href of await related.evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
        expect(href).toMatch(new RegExp(`^/${locale}/`));
        expect(href).not.toBe(articlePath(article));
      }
      await expectWidgets(page, locale);
    });

    test('search: accent-insensitive results with highlights, not indexed', async ({ page }) => {
      const [fr, en] = translatedPair();
      const target = locale === 'fr' ? fr : en;
      // A word of the title without its accents, and the last word cut short (prefix).
      const words = target.title.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().match(/[a-z]{5,}/g)!;
      const q = words.length > 1 ? `${words[0]} ${words[1]!.slice(0, 4)}` : words[0]!.slice(0, 4);
      await page.goto(`/${locale}/${fixed.search[locale]}?q=${encodeURIComponent(q)}`);
      await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
      await expect(page.locator('.search-results a', { hasText: target.title }).first()).toBeVisible();
      expect(await page.locator('.search-results mark').count()).toBeGreaterThan(0);
      await expect(page.locator('input[name="q"]').first()).toBeVisible();
      // The switcher keeps the query.
      await switchLanguage(page, locale);
      await expect(page).toHaveURL(new RegExp(`/${other(locale)}/${fixed.search[other(locale)]}\\?q=${encodeURIComponent(q).replace(/%20/g, '(\\+|%20)')}$`));
      await expect(page.locator('input[name="q"]').last()).toHaveValue(q);
    });

    test('search: the header form leads to results', async ({ page }) => {
      await page.goto(`/${locale}`);
      const form = page.locator('.site-header form[role="search"]');
      await form.locator('input[name="q"]').fill(locale === 'fr' ? 'cameroun' : 'cameroon');
      await form.locator('button').click();
      await expect(page).toHaveURL(new RegExp(`/${locale}/${fixed.search[locale]}\\?q=camero`));
      expect(await page.locator('.search-results > li').count()).toBeGreaterThan(0);
    });

    test('search: nothing found → a clear message and an offer in the other language', async ({ page }) => {
      const [fr, en] = translatedPair();
      // A word only the other language's version has.
      const otherTitle = (locale === 'fr' ? en : fr).title;
      const word = otherTitle.match(/\p{L}{6,}/gu)!.find((w) => !(locale === 'fr' ? fr : en).title.includes(w))!;
      await page.goto(`/${locale}/${fixed.search[locale]}?q=${encodeURIComponent(`${word} zzqxw`)}`);
      await expect(page.getByTestId('search-empty')).toContainText(locale === 'fr' ? 'Aucun résultat' : 'No results');
      const offer = page.locator('.search-other-language a');
      await expect(offer).toHaveAttribute('href', new RegExp(`^/${other(locale)}/${fixed.search[other(locale)]}\\?q=`));
    });

    test('search: hostile and odd input never breaks the page', async ({ request }) => {
      const raw = ['%FF', '%E9conomie', '%00', '%', '%%', '%C3'];
      for (const q of ['"', '*', '-', 'NEAR(', 'OR', '()', 'a OR b NOT c', '"cacao" -prix*', 'x'.repeat(1000), '', ...raw]) {
        const res = await request.get(`/${locale}/${fixed.search[locale]}?q=${raw.includes(q) ? q : encodeURIComponent(q)}`);
        expect(res.status(), q).toBe(200);
        const html = await res.text();
        expect(html.match(/<h1[ >]/g), q).toHaveLength(1);
        expect(findMojibake(html), q).toBeNull();
      }
      for (const page of ['abc', '0', '-1', '99999']) {
        expect((await request.get(`/${locale}/${fixed.search[locale]}?q=cacao&page=${page}`)).status(), page).toBe(404);
      }
    });
  });
}
