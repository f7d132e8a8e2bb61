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
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { makeMp4 } from '../lib/media/video-fixtures';

/** The first JSON-LD node of a type, anywhere in the page's graphs. */
function findNode(value: unknown, type: string): Record<string, unknown> {
  const stack = [value];
  while (stack.length) {
    const v = stack.pop();
    if (Array.isArray(v)) stack.push(...v);
    else if (v && typeof v === 'object') {
      if ((v as Record<string, unknown>)['@type'] === type) return v as Record<string, unknown>;
      stack.push(...Object.values(v));
    }
  }
  throw new Error(`no ${type} in the page's JSON-LD`);
}

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

test('self-hosted video: uploaded into the library (duration read from the file), played by a native <video> with byte ranges', async ({ browser }) => {
  const account = createAccount('editor', 'fr');
  const context = await browser.newContext({ locale: 'fr-FR' });
  const page = await context.newPage();
  await login(page, account);
  await page.goto('/newsroom/media');
  const name = `reportage-${unique()}.mp4`;
  // 95 s, 1280×720; random media bytes so that each run uploads a new file.
  const mp4 = makeMp4({ duration: 95_000, width: 1280, height: 720, media: randomBytes(200_000) });
  await page.locator('#media-files').setInputFiles([{ name, mimeType: 'video/mp4', buffer: mp4 }]);
  await page.locator('.nr-dropzone button[type=submit]').click();
  await expect(page.getByText(`${name}\u00a0: ajoutée.`)).toBeVisible({ timeout: 30_000 });
  await page.reload();
  const item = page.locator('.nr-video-list li', { hasText: name });
  await expect(item).toContainText('1:35');
  await expect(item).toContainText('1280 × 720');
  const url = await item.locator('.nr-video-address').inputValue();
  expect(url).toMatch(/^\/media\/p\/[0-9a-f]{64}\.mp4$/);

  // Served with byte ranges, the exact bytes, cached for good.
  const part = await page.request.get(url, { headers: { Range: 'bytes=100-4099' } });
  expect(part.status()).toBe(206);
  expect(part.headers()['content-range']).toBe(`bytes 100-4099/${mp4.length}`);
  expect(part.headers()['accept-ranges']).toBe('bytes');
  expect(part.headers()['cache-control']).toMatch(/immutable/);
  expect(Buffer.compare(await part.body(), mp4.subarray(100, 4100))).toBe(0);
  expect((await page.request.get(url, { headers: { Range: `bytes=${mp4.length}-` } })).status()).toBe(416);

  // A truncated video: refused with its reason, nothing stored.
  const videos = Number(scalar('select count(*) from media_videos'));
  const cut = await page.request.post('/newsroom/media/upload', {
    headers: { Origin: new URL(page.url()).origin, 'Content-Type': 'application/octet-stream', 'X-File-Name': 'coupe.mp4' },
    data: mp4.subarray(0, mp4.length - 1000),
  });
  expect(cut.status()).toBe(422);
  expect((await cut.json()).error).toBe('video_corrupt');
  expect(Number(scalar('select count(*) from media_videos'))).toBe(videos);

  // A video post plays it: choosing the library address fills the duration.
  await page.goto('/newsroom/articles/new?locale=fr');
  const title = `Au marché Mokolo ${unique()}`;
  await page.locator('#title').fill(title);
  await Promise.all([page.waitForURL(/\/newsroom\/articles\/\d+$/), page.locator('main form button[type=submit]').click()]);
  await page.locator('#body').fill('Les commerçants racontent.');
  await page.locator('#kind').selectOption('video');
  await page.locator('#videoUrl').fill(url);
  await expect(page.locator('#videoDurationSeconds')).toHaveValue('1:35');
  const illustration = await page.locator('#heroImage option').nth(1).getAttribute('value');
  await page.locator('#heroImage').selectOption(illustration!);
  await page.locator('#heroAlt').fill('Le marché Mokolo le matin');
  await expect(page.locator('.nr-savestate')).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });
  await page.getByRole('button', { name: 'Publier maintenant' }).click();
  await expect(page.getByText('Article publié.')).toBeVisible();
  const [a] = articles('a.title = ?', [title]);

  // The reader page, without JavaScript: a native player that loads nothing before play, sized by the file.
  const reader = await browser.newContext({ locale: 'fr-FR', javaScriptEnabled: false });
  const rp = await reader.newPage();
  await rp.goto(`/${a!.locale}/${a!.categorySlug}/${a!.slug}`);
  const video = rp.locator('.hero video');
  await expect(video).toHaveAttribute('controls', '');
  await expect(video).toHaveAttribute('preload', 'none');
  await expect(video).toHaveAttribute('width', '1280');
  await expect(video).toHaveAttribute('height', '720');
  expect(await video.getAttribute('poster')).toMatch(/^\//);
  await expect(video.locator('source')).toHaveAttribute('src', url);
  await expect(video.locator('source')).toHaveAttribute('type', 'video/mp4');
  const ld = (await rp.locator('script[type="application/ld+json"]').allTextContents()).map((t) => JSON.parse(t) as unknown);
  const videoObject = findNode(ld, 'VideoObject');
  expect(String(videoObject.contentUrl)).toMatch(new RegExp(`^https?://[^/]+${url.replace(/\./g, '\\.')}$`));
  expect(videoObject).toMatchObject({ duration: 'PT1M35S', uploadDate: expect.stringMatching(/^20\d\d-/) });
  expect((videoObject.thumbnailUrl as string[]).length).toBeGreaterThan(0);
  await reader.close();
  await context.close();
});

test('a body places a library photo and a video by plain Markdown lines: <picture> in the text, the facade as a link without JavaScript', async ({ browser }) => {
  const account = createAccount('editor', 'fr');
  const context = await browser.newContext({ locale: 'fr-FR' });
  const page = await context.newPage();
  await login(page, account);
  await page.goto('/newsroom/media');
  const photo = await sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 30, g: 90, b: Math.floor(Math.random() * 255) } } }).jpeg().toBuffer();
  const uploaded = await page.request.post('/newsroom/media/upload', {
    headers: { Origin: new URL(page.url()).origin, 'Content-Type': 'application/octet-stream', 'X-File-Name': 'etals.jpg' },
    data: photo,
  });
  expect(uploaded.status()).toBe(201);
  const { id } = (await uploaded.json()) as { id: number };
  // The photo's page gives the line to paste.
  await page.goto(`/newsroom/media/${id}`);
  await expect(page.locator('.nr-body-syntax')).toHaveValue(`![](/media/photo/${id})`);

  await page.goto('/newsroom/articles/new?locale=fr');
  const title = `Les étals de Mfoundi ${unique()}`;
  await page.locator('#title').fill(title);
  await Promise.all([page.waitForURL(/\/newsroom\/articles\/\d+$/), page.locator('main form button[type=submit]').click()]);
  await page.locator('#body').fill(
    [`Le marché s’éveille.`, '', `![Des étals de fruits au petit matin](/media/photo/${id})`, '', `https://youtu.be/${VIDEO_ID}`, '', '![Une carte](https://cdn.example/carte.png)', '', 'Fin.'].join('\n'),
  );
  await expect(page.locator('.nr-savestate')).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });
  await page.getByRole('button', { name: 'Publier maintenant' }).click();
  await expect(page.getByText('Article publié.')).toBeVisible();
  await context.close();
  const [a] = articles('a.title = ?', [title]);

  const reader = await browser.newContext({ locale: 'fr-FR', javaScriptEnabled: false });
  const rp = await reader.newPage();
  const offSite: string[] = [];
  rp.on('request', (req) => {
    if (!['localhost', '127.0.0.1'].includes(new URL(req.url()).hostname)) offSite.push(req.url());
  });
  await rp.goto(`/${a!.locale}/${a!.categorySlug}/${a!.slug}`);
  const picture = rp.locator('.article-body figure picture');
  await expect(picture.locator('source[type="image/avif"]')).toHaveAttribute('srcset', /\.avif 480w/);
  const img = picture.locator('img');
  await expect(img).toHaveAttribute('alt', 'Des étals de fruits au petit matin');
  await expect(img).toHaveAttribute('loading', 'lazy');
  await expect(img).toHaveAttribute('width', /^\d+$/);
  await expect(img).toHaveAttribute('height', /^\d+$/);
  await expect(rp.getByRole('link', { name: 'Lire la vidéo sur YouTube' })).toHaveAttribute('href', `https://www.youtube.com/watch?v=${VIDEO_ID}`);
  await expect(rp.getByRole('link', { name: /Voir l’image\s: Une carte \(cdn\.example\)/ })).toHaveAttribute('href', 'https://cdn.example/carte.png');
  await rp.waitForLoadState('networkidle');
  // Nothing from YouTube or the external image's host: the page asked only its own origin.
  expect(offSite).toEqual([]);
  await reader.close();
});
