/**
 * Video embeds end to end on the production server (issue 12): an editor pastes a YouTube URL into a video
 * post and publishes; the reader page shows a click-to-load facade (our poster, title, play button, duration)
 * and the browser makes no request to YouTube or Google hosts before the click; the click swaps in the
 * youtube-nocookie player (intercepted here: the test machine has no internet); without JavaScript the facade
 * is a plain link to the video; axe finds nothing.
 */
import { expect, test } from '@playwright/test';
import { createAccount, login } from './support/newsroom';
import { articles, scalar } from './support/fixtures';
import { expectNoAxeViolations } from './support/axe';

test.describe.configure({ timeout: 180_000, mode: 'serial' });

const unique = () => Math.random().toString(36).slice(2, 8);
const THIRD_PARTY = /(^|\.)(youtube\.com|youtube-nocookie\.com|youtu\.be|ytimg\.com|googlevideo\.com|google\.com|googleapis\.com|gstatic\.com|doubleclick\.net|ggpht\.com)$/;
const VIDEO_ID = 'dQw4w9WgXcQ';

let readerPath = '';
let videoTitle = '';

test('an editor adds a YouTube URL to a video post and publishes it', async ({ browser }) => {
  const account = createAccount('editor', 'fr');
  const context = await browser.newContext({ locale: 'fr-FR' });
  const page = await context.newPage();
  await login(page, account);
  await page.goto('/newsroom/articles/new?locale=fr');
  const title = `Le point sur la rentrée ${unique()}`;
  videoTitle = `Reportage à Douala ${unique()}`;
  await page.locator('#title').fill(title);
  await Promise.all([page.waitForURL(/\/newsroom\/articles\/\d+$/), page.locator('main form button[type=submit]').click()]);
  await page.locator('#body').fill('Notre équipe était sur place.');
  await page.locator('#kind').selectOption('video');
  await page.locator('#videoUrl').fill(`https://youtu.be/${VIDEO_ID}?si=partage`);
  await page.locator('#videoTitle').fill(videoTitle);
  await page.locator('#videoDurationSeconds').fill('1:03');
  const illustration = await page.locator('#heroImage option').nth(1).getAttribute('value');
  await page.locator('#heroImage').selectOption(illustration!);
  await page.locator('#heroAlt').fill('Une rue de Douala à la rentrée');
  await expect(page.locator('.nr-savestate')).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });
  await page.getByRole('button', { name: 'Publier maintenant' }).click();
  await expect(page.getByText('Article publié.')).toBeVisible();
  await context.close();

  // Stored as the canonical watch URL (tracking parameter gone), the duration in seconds.
  expect(scalar('select video_url from articles where title = ?', title)).toBe(`https://www.youtube.com/watch?v=${VIDEO_ID}`);
  expect(scalar('select video_duration_seconds from articles where title = ?', title)).toBe('63');
  const [a] = articles('a.title = ?', [title]);
  readerPath = `/${a!.locale}/${a!.categorySlug}/${a!.slug}`;
});

test('the reader page shows the facade, requests nothing from YouTube or Google before the click, then loads the nocookie player', async ({ browser }) => {
  // Serial mode: these run only after the publishing test passed, which sets the path.
  expect(readerPath, 'the article published by the first test').not.toBe('');
  const context = await browser.newContext({ locale: 'fr-FR' });
  const page = await context.newPage();
  const thirdParty: string[] = [];
  page.on('request', (req) => {
    const host = new URL(req.url()).hostname;
    if (!['localhost', '127.0.0.1'].includes(host)) thirdParty.push(req.url());
  });
  // No internet here: answer the player's request ourselves (and only after the click can it happen).
  await page.route('https://www.youtube-nocookie.com/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>player</title><p>player</p>' }),
  );
  await page.goto(readerPath);
  const facade = page.locator('.hero a.video-facade');
  await expect(facade).toHaveAttribute('href', `https://www.youtube.com/watch?v=${VIDEO_ID}`);
  await expect(facade).toContainText(videoTitle);
  await expect(facade).toHaveAccessibleName(new RegExp(`Lire la vidéo «\\u00a0${videoTitle}\\u00a0» sur YouTube`));
  // Our poster (from our own origin), never the provider's thumbnail.
  expect(await facade.locator('img').getAttribute('src')).not.toMatch(/^https?:/);
  await expect(page.locator('.hero .video-duration')).toContainText('1:03');
  await expect(page.locator('.hero iframe')).toHaveCount(0);
  await page.waitForLoadState('networkidle');
  expect(thirdParty, 'requests to other hosts before the click').toEqual([]);
  await expectNoAxeViolations(page);

  const player = page.waitForRequest((req) => req.url().startsWith('https://www.youtube-nocookie.com/'));
  await facade.click();
  const frame = page.locator(`.hero iframe[src="https://www.youtube-nocookie.com/embed/${VIDEO_ID}?autoplay=1"]`);
  await expect(frame).toBeVisible();
  await expect(frame).toHaveAttribute('title', new RegExp(videoTitle));
  await player;
  // Only the nocookie player host was contacted, never youtube.com, ytimg or Google.
  expect(thirdParty.filter((u) => THIRD_PARTY.test(new URL(u).hostname) && !u.startsWith('https://www.youtube-nocookie.com/'))).toEqual([]);
  await context.close();
});

test('without JavaScript the facade is a plain link to the video', async ({ browser }) => {
  // Serial mode: these run only after the publishing test passed, which sets the path.
  expect(readerPath, 'the article published by the first test').not.toBe('');
  const context = await browser.newContext({ locale: 'fr-FR', javaScriptEnabled: false });
  const page = await context.newPage();
  const thirdParty: string[] = [];
  page.on('request', (req) => {
    if (!['localhost', '127.0.0.1'].includes(new URL(req.url()).hostname)) thirdParty.push(req.url());
  });
  await page.goto(readerPath);
  // getByRole compares names with whitespace collapsed (the no-break spaces of « » become plain spaces).
  const link = page.getByRole('link', { name: new RegExp(`Lire la vidéo «\\s${videoTitle}\\s» sur YouTube`) });
  await expect(link).toHaveAttribute('href', `https://www.youtube.com/watch?v=${VIDEO_ID}`);
  await expect(page.locator('iframe')).toHaveCount(0);
  expect(thirdParty).toEqual([]);
  await context.close();
});
