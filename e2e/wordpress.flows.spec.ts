/**
 * Moving in from WordPress, end to end (issue 13): the operator runs `npm run import:wordpress` on the bilingual
 * test export (tests/fixtures/wordpress/site.xml: Polylang pair, nested categories, caption, resized inline copy
 * of the featured image, scripts, mojibake, a missing image) against the database the production server reads.
 * Readers then get the imported story in both languages, with its photo through the media pipeline, linked by
 * hreflang and the language switch, and every old WordPress address answers 301 to its new page.
 * (Mapping, report, idempotence, hostile exports: integration tests in tests/wordpress.)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { E2E_DB } from './support/fixtures';

test.describe.configure({ mode: 'serial', timeout: 120_000 });

test.beforeAll(async () => {
  const uploads = mkdtempSync(join(tmpdir(), 'kiosque-e2e-wp-'));
  try {
    mkdirSync(join(uploads, '2024/11'), { recursive: true });
    await sharp({ create: { width: 1600, height: 1000, channels: 3, background: { r: 30, g: 110, b: 160 } } })
      .jpeg()
      .toFile(join(uploads, '2024/11/marche.jpg'));
    const out = execFileSync('node_modules/.bin/tsx', ['scripts/import-wordpress.ts', '--uploads', uploads, 'tests/fixtures/wordpress/site.xml'], {
      // The server's database and media folder (playwright.config.ts).
      env: { ...process.env, DATABASE_PATH: E2E_DB, MEDIA_DIR: 'data/e2e-media' },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const report = JSON.parse(out) as { imported: number; updated: number; unchanged: number; mediaMissing: string[]; dryRun: boolean };
    // A retry of this spec meets the posts already imported: they are unchanged, never duplicated.
    expect(report.imported + report.updated + report.unchanged).toBe(4);
    // Unchanged posts are not read again, so only a run that wrote them reports their missing image.
    if (report.imported > 0) expect(report.mediaMissing).toEqual(['https://journal.example/wp-content/uploads/2024/11/absent.jpg']);
  } finally {
    rmSync(uploads, { recursive: true, force: true });
  }
});

test('old WordPress addresses answer 301 to the imported pages', async ({ request }) => {
  const location = async (path: string) => {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(301);
    return new URL(response.headers().location!, 'http://x').pathname;
  };
  const frUrl = await location('/2024/11/15/maire-reelu/');
  expect(frUrl).toMatch(/^\/fr\/[a-z-]+\/maire-reelu$/);
  expect(await location('/?p=101')).toBe(frUrl);
  expect(await location('/maire-reelu/')).toBe(frUrl);
  expect(await location('/en/2024/11/15/mayor-re-elected/')).toMatch(/^\/en\/[a-z-]+\/mayor-re-elected$/);
  // Nested categories lead to their top-level section, tags to topics, the feed to the feed.
  expect(await location('/category/politique/elections/municipales/')).toBe(frUrl.replace(/\/maire-reelu$/, ''));
  expect(await location('/tag/yaounde/')).toMatch(/^\/fr\/[a-z-]+\/yaounde$/);
  expect(await location('/feed/')).toMatch(/^\/fr\/.*(rss|feed)/);
  // Drafts and private posts were not published: their old addresses lead nowhere.
  expect((await request.get('/?p=103', { maxRedirects: 0 })).status()).not.toBe(301);
});

test('the imported story reads in both languages, photo through the media pipeline, linked by hreflang', async ({ page }) => {
  // Reached the way a reader with an old bookmark arrives: through the WordPress permalink's redirect.
  const response = await page.goto('/2024/11/15/maire-reelu/');
  expect(response?.status()).toBe(200);
  const frUrl = new URL(page.url()).pathname;
  expect(frUrl).toMatch(/^\/fr\/[a-z-]+\/maire-reelu$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Municipales : le maire sortant réélu');
  const article = page.locator('main article.article'); // not the related stories' cards
  // Mojibake repaired, the WordPress date kept (in the site's time zone), scripts and shortcodes gone.
  await expect(article).toContainText('Le maire sortant a été réélu, selon l’annonce officielle.');
  await expect(article).toContainText('15 novembre 2024');
  await expect(article).not.toContainText('[gallery');
  await expect(article).not.toContainText('â');
  // The inline photo is the library's: AVIF and WebP sources, a sized JPEG fallback, the export's alt text.
  const figure = article.locator('figure.body-figure', { has: page.locator('img[alt="Les étals du marché"]') });
  await expect(figure.locator('source[type="image/avif"]')).toHaveCount(1);
  const img = figure.locator('img');
  await expect(img).toHaveAttribute('src', /^\/media\/p\/[0-9a-f]{64}\.jpg$/);
  await expect(img).toHaveAttribute('width', /^\d+$/);
  expect(await img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
  await expectNoAxeViolations(page);

  // Polylang's pair is one story: hreflang and the language switch lead to the English version.
  const english = await page.locator('link[rel="alternate"][hreflang="en"]').getAttribute('href');
  expect(english).toMatch(/\/en\/[a-z-]+\/mayor-re-elected$/);
  await page.goto(new URL(english!, page.url()).pathname);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Local elections: incumbent mayor re-elected');
  // A WordPress video post is a video article: the player facade, no third-party frame before a click.
  await expect(page.locator('main a[data-video-src]').first()).toBeVisible();
  await expect(page.locator('main iframe')).toHaveCount(0);
  await expect(page.locator('link[rel="alternate"][hreflang="fr"]')).toHaveAttribute('href', new RegExp(`${frUrl}$`));
});
