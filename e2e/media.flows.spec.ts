/**
 * The photo library end to end on the production server (issue 12): an editor uploads a photo carrying EXIF GPS,
 * sets its focal point, cannot publish an article with it as hero until the alt text is written, then publishes;
 * the reader page shows <picture> with AVIF/WebP/JPEG, the credit, and the served files carry no metadata.
 * Hostile uploads (SVG with script, renamed zip, truncated JPEG, > 25 MB, another site's form) are refused with
 * nothing stored.
 */
import { readdirSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import sharp from 'sharp';
import { expect, test, type Page } from '@playwright/test';
import { createAccount, login } from './support/newsroom';
import { articles, scalar } from './support/fixtures';

test.describe.configure({ timeout: 180_000, mode: 'serial' });

const unique = () => Math.random().toString(36).slice(2, 8);
const PUBLIC_DIR = 'data/e2e-media/public';
// Photo files only: e2e/video.flows.spec.ts, in another worker, may store a video meanwhile.
const publicFileCount = () => (existsSync(PUBLIC_DIR) ? readdirSync(PUBLIC_DIR).filter((f) => !/\.(?:mp4|webm)$/.test(f)).length : 0);
const mediaCount = () => Number(scalar('select count(*) from media'));

/** A 1600×1000 photo-like JPEG with GPS coordinates and a camera name in its EXIF. */
async function photoWithGps(seed: string) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1000"><rect width="100%" height="100%" fill="#2a4d69"/><circle cx="1300" cy="500" r="120" fill="#e63946"/><text x="40" y="80" font-size="40" fill="#fff">${seed}</text></svg>`;
  return sharp(Buffer.from(svg))
    .jpeg({ quality: 85 })
    .withExif({ IFD0: { Make: 'SourceCam', Model: 'Secret Phone' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '3/1 52/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '11/1 31/1 0/1' } })
    .toBuffer();
}

/** Pixels of the test photo's red disc (#e63946) in an image. */
async function redPixels(image: Buffer): Promise<number> {
  const { data, info } = await sharp(image).raw().toBuffer({ resolveWithObject: true });
  let n = 0;
  for (let i = 0; i < data.length; i += info.channels) if (data[i]! > 190 && data[i + 1]! < 110 && data[i + 2]! < 120) n++;
  return n;
}

async function upload(page: Page, files: { name: string; mimeType: string; buffer: Buffer }[]) {
  await page.locator('#media-files').setInputFiles(files);
  await page.locator('.nr-dropzone button[type=submit]').click();
}

test('an editor uploads a photo, writes its alt text in both languages, uses it as hero and publishes; readers get <picture> without EXIF', async ({ browser, request }) => {
  const account = createAccount('editor', 'fr');
  const context = await browser.newContext({ locale: 'fr-FR' });
  const page = await context.newPage();
  await login(page, account);

  // Upload (with JavaScript: one request per file, progress, outcome).
  await page.goto('/newsroom/media');
  const name = `marche-${unique()}.jpg`;
  await upload(page, [{ name, mimeType: 'image/jpeg', buffer: await photoWithGps(name) }]);
  await expect(page.getByText(new RegExp(`${name.replace('.', '\\.')}\\s:\\sajoutée`))).toBeVisible({ timeout: 60_000 });
  const id = Number(scalar('select id from media where original_name = ?', name));

  // A draft with this photo as hero cannot be published while the photo has no French alt text.
  await page.goto('/newsroom/articles/new?locale=fr');
  const title = `Le marché Mokolo rouvre ${unique()}`;
  await page.locator('#title').fill(title);
  await Promise.all([page.waitForURL(/\/newsroom\/articles\/\d+$/), page.locator('main form button[type=submit]').click()]);
  const editorUrl = page.url();
  await page.locator('#body').fill('Les commerçants ont retrouvé leurs étals.');
  await page.locator('#heroMediaId').selectOption(String(id));
  await expect(page.locator('[data-testid=hero-photo-thumb]')).toBeVisible();
  await expect(page.locator('.nr-savestate')).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });
  await page.getByRole('button', { name: 'Publier maintenant' }).click();
  await expect(page.getByText(/n’a pas de texte alternatif en français/)).toBeVisible();
  expect(scalar('select status from articles where title = ?', title)).toBe('draft');

  // The library: alt text, caption and credit per language; the focal point by clicking the image.
  await page.goto(`/newsroom/media/${id}`);
  await page.getByLabel('Texte alternatif (Français)').fill('Des commerçantes installent leurs étals au marché Mokolo');
  await page.getByLabel('Légende (Français)').fill('Réouverture du marché Mokolo, à Yaoundé');
  await page.getByLabel('Crédit (Français)').fill('Awa Ndiaye / Kiosque');
  await page.getByLabel('Texte alternatif (Anglais)').fill('Traders set up their stalls at Mokolo market');
  await page.getByLabel('Légende (Anglais)').fill('Mokolo market reopens in Yaoundé');
  await page.getByLabel('Crédit (Anglais)').fill('Awa Ndiaye / Kiosque');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Enregistré.')).toBeVisible();
  const squareBefore = scalar(`select file from media_renditions where media_id = ? and crop = '1x1'`, id);
  const redBefore = await redPixels(await (await page.request.get(`/media/p/${squareBefore}`)).body());
  const target = page.locator('.nr-focal-target');
  const box = (await target.boundingBox())!;
  await target.click({ position: { x: box.width * 0.8, y: box.height * 0.5 } });
  await expect(page.getByText('Recadrages refaits.')).toBeVisible({ timeout: 30_000 });
  expect(Number(scalar('select focal_x from media where id = ?', id))).toBeGreaterThan(0.7);
  const squareAfter = scalar(`select file from media_renditions where media_id = ? and crop = '1x1'`, id);
  expect(squareAfter).not.toBe(squareBefore);
  // The square crop follows the click: the red disc (at 81 % of the width) was cut in half around the centre; the
  // served crop now shows all of it.
  const redAfter = await redPixels(await (await page.request.get(`/media/p/${squareAfter}`)).body());
  expect(redBefore).toBeGreaterThan(0);
  expect(redAfter).toBeGreaterThan(redBefore * 1.6);
  // Where it is used: the draft.
  await expect(page.getByRole('link', { name: title })).toBeVisible();

  // Now it publishes.
  await page.goto(editorUrl);
  await page.getByRole('button', { name: 'Publier maintenant' }).click();
  await expect(page.getByText('Article publié.')).toBeVisible();
  await context.close();

  // The reader page: <picture> with AVIF, WebP and JPEG, sizes, dimensions, the credit, the alt text.
  const [a] = articles('a.title = ?', [title]);
  const path = `/${a!.locale}/${a!.categorySlug}/${a!.slug}`;
  const reader = await browser.newPage({ locale: 'fr-FR' });
  await reader.goto(path);
  const hero = reader.locator('.hero picture');
  await expect(hero.locator('source[type="image/avif"]')).toHaveAttribute('srcset', /\/media\/p\/[0-9a-f]{64}\.avif 480w/);
  await expect(hero.locator('source[type="image/webp"]')).toHaveAttribute('sizes', '(max-width: 800px) 100vw, 800px');
  const img = hero.locator('img');
  await expect(img).toHaveAttribute('alt', 'Des commerçantes installent leurs étals au marché Mokolo');
  await expect(img).toHaveAttribute('width', '1600');
  await expect(img).toHaveAttribute('height', '900');
  await expect(img).toHaveAttribute('fetchpriority', 'high');
  await expect(reader.locator('.hero figcaption')).toContainText('Photo\u00a0: Awa Ndiaye / Kiosque');
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
  // Chromium accepts AVIF: it chose the AVIF source.
  expect(await img.evaluate((el: HTMLImageElement) => el.currentSrc)).toMatch(/\.avif$/);
  expect(await reader.locator('link[rel=preload][as=image][type="image/avif"]').count()).toBeGreaterThan(0);
  // A browser without AVIF (or WebP) skips those sources by their type and takes the <img>: JPEG only.
  expect(await hero.locator('source').evaluateAll((els) => els.map((e) => e.getAttribute('type')))).toEqual(['image/avif', 'image/webp']);
  const fallback = (await img.getAttribute('src'))!;
  expect(fallback).toMatch(/^\/media\/p\/[0-9a-f]{64}\.jpg$/);
  expect(await img.getAttribute('srcset')).toMatch(/^\/media\/p\/[0-9a-f]{64}\.jpg \d+w(?:, \/media\/p\/[0-9a-f]{64}\.jpg \d+w)*$/);
  // Open Graph: the 1200×630 crop.
  expect(await reader.locator('meta[property="og:image"]').getAttribute('content')).toMatch(/\/media\/p\/[0-9a-f]{64}\.jpg$/);
  await reader.close();
  // The page is the same for every Accept (it is cached for everyone): one from a browser whose Accept lacks AVIF
  // still has the JPEG fallback, and that file is answered as a JPEG.
  const oldBrowser = 'image/png,image/svg+xml,image/*;q=0.8,*/*;q=0.5';
  const html = await (await request.get(path, { headers: { Accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } })).text();
  expect(html).toContain(`src="${fallback}"`);
  const jpeg = await request.get(fallback, { headers: { Accept: oldBrowser } });
  expect(jpeg.headers()['content-type']).toBe('image/jpeg');
  expect((await sharp(await jpeg.body()).metadata()).format).toBe('jpeg');
  // The photo's markup keeps the article page within its HTML budget (e2e/budget.api.spec.ts: 30 KB gzipped).
  const gz = gzipSync(html, { level: 6 }).length;
  test.info().annotations.push({ type: 'budget', description: `article with a library photo: HTML ${(gz / 1024).toFixed(1)} KB gz` });
  expect(gz).toBeLessThanOrEqual(30 * 1024);

  // Every served rendition: immutable, and no EXIF, GPS or camera name anywhere in the bytes.
  const files = scalar(`select group_concat(file) from media_renditions where media_id = ?`, id).split(',');
  for (const file of files) {
    const res = await request.get(`/media/p/${file}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
    const body = await res.body();
    expect((await sharp(body).metadata()).exif, file).toBeUndefined();
    expect(body.includes(Buffer.from('SourceCam')), file).toBe(false);
    expect(body.includes(Buffer.from('Exif\0')), file).toBe(false);
  }

  // Range through the production server's request guard: 206 with exactly those bytes, 416 past the end.
  const whole = await (await request.get(`/media/p/${files[0]}`)).body();
  const part = await request.get(`/media/p/${files[0]}`, { headers: { Range: 'bytes=100-299' } });
  expect(part.status()).toBe(206);
  expect(part.headers()['content-range']).toBe(`bytes 100-299/${whole.length}`);
  expect((await part.body()).equals(whole.subarray(100, 300))).toBe(true);
  expect((await request.get(`/media/p/${files[0]}`, { headers: { Range: `bytes=${whole.length + 10}-` } })).status()).toBe(416);
});

test('hostile uploads are refused with a clear message and nothing stored', async ({ browser }) => {
  const account = createAccount('author', 'fr');
  const context = await browser.newContext({ locale: 'fr-FR' });
  const page = await context.newPage();
  await login(page, account);
  await page.goto('/newsroom/media');
  const before = { rows: mediaCount(), files: publicFileCount() };
  const good = await photoWithGps('cut');
  await upload(page, [
    { name: 'joli.svg', mimeType: 'image/svg+xml', buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(document.cookie)</script></svg>') },
    { name: 'vacances.jpg', mimeType: 'image/jpeg', buffer: Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(5000, 7)]) },
    { name: 'coupee.jpg', mimeType: 'image/jpeg', buffer: good.subarray(0, Math.floor(good.length / 2)) },
  ]);
  await expect(page.getByText(/joli\.svg.*SVG ne sont pas acceptés/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/vacances\.jpg.*ni une photo/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/coupee\.jpg.*tronqué ou endommagé/)).toBeVisible({ timeout: 30_000 });

  const origin = new URL(page.url()).origin;
  // More than 25 MB: refused (413) without the server keeping it.
  const big = await page.request.post('/newsroom/media/upload', { headers: { Origin: origin, 'Content-Type': 'application/octet-stream', 'X-File-Name': 'big.jpg' }, data: Buffer.concat([good, Buffer.alloc(26 * 1024 * 1024)]) });
  expect(big.status()).toBe(413);
  expect((await big.json()).error).toBe('too_large');
  // Another site's page cannot upload with this editor's session.
  const foreign = await page.request.post('/newsroom/media/upload', { headers: { Origin: 'https://evil.example', 'Content-Type': 'application/octet-stream' }, data: good });
  expect(foreign.status()).toBe(403);
  // No session: refused.
  const anonymous = await browser.newContext();
  const noSession = await anonymous.request.post(`${origin}/newsroom/media/upload`, { headers: { Origin: origin, 'Content-Type': 'application/octet-stream' }, data: good });
  expect(noSession.status()).toBe(401);
  await anonymous.close();

  expect(mediaCount()).toBe(before.rows);
  expect(publicFileCount()).toBe(before.files);
  // The server kept serving.
  expect((await page.request.get('/fr')).status()).toBe(200);
  await context.close();
});
