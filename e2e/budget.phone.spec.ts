/**
 * Transfer budgets of a reader's article view on a phone (issue 14), counted from what the browser actually
 * received: Chromium's own network log (CDP `Network.loadingFinished.encodedDataLength`: bytes on the wire for each
 * request, headers included, compressed as sent; 0 for what came from the HTTP cache).
 *
 *  - cold view (empty cache): HTML, CSS, fonts, the lite script, the hero image at phone width, the view beacon
 *    ≤ 150 KB;
 *  - repeat view (the same article again, same browser): the browser asks for the HTML again — it carries no
 *    max-age, so it is revalidated with its ETag and answered 304 — and takes everything else from its cache
 *    (build assets and the lite script are immutable, images have a long max-age); the beacon is sent again
 *    ≤ 15 KB.
 *
 * Cheap on purpose: one page type, one locale. Bytes do not vary between runs; the article is the heaviest reader
 * page (hero image, both font families, the longest text); the other locale differs by a few bytes of text; and
 * the per-page JavaScript and HTML budgets over every page type and both locales are in ./budget.api.spec.ts.
 * Phone: 360 CSS px wide at 2 device pixels per CSS pixel (a low-end Android), so the hero's `srcset` picks what
 * such a phone would. Through `next start`, as in every e2e run; through nginx the bytes are the same or fewer
 * (brotli when its module is installed).
 * The e2e database has drawn SVG illustrations, not library photos (SEED_PHOTOS=0 in playwright.config.ts): the
 * hero counted here is the article's illustration. A photo hero at this width is the 800 px AVIF/WebP rendition.
 */
import { expect, test, type Page } from '@playwright/test';
import { articlePath, articles } from './support/fixtures';

const COLD_BUDGET = 150 * 1024;
const REPEAT_BUDGET = 15 * 1024;

test.use({ viewport: { width: 360, height: 780 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'fr-FR' });

interface Transfer {
  url: string;
  type: string;
  status: number;
  bytes: number;
  fromCache: boolean;
  finished: boolean;
  failed?: string;
  /** The request carried a validator (If-None-Match / If-Modified-Since): a revalidation. */
  conditional?: boolean;
  /**
   * The status line as received. After a revalidation Chromium reports the stored response (200) in
   * `responseReceived`; the 304 that came over the wire is in `responseReceivedExtraInfo`.
   */
  wireStatus?: number;
}

/** Every request of the page as Chromium saw it (CDP): a fresh list for each view. */
async function networkLog(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const byId = new Map<string, Transfer>();
  cdp.on('Network.requestWillBeSent', (e) => {
    byId.set(e.requestId, { url: e.request.url, type: e.type ?? 'Other', status: 0, bytes: 0, fromCache: false, finished: false });
  });
  cdp.on('Network.requestWillBeSentExtraInfo', (e) => {
    const t = byId.get(e.requestId);
    if (t) t.conditional = Object.keys(e.headers).some((h) => /^if-(none-match|modified-since)$/i.test(h));
  });
  cdp.on('Network.responseReceivedExtraInfo', (e) => {
    const t = byId.get(e.requestId);
    if (t) t.wireStatus = e.statusCode;
  });
  cdp.on('Network.requestServedFromCache', (e) => {
    const t = byId.get(e.requestId);
    if (t) t.fromCache = true;
  });
  cdp.on('Network.responseReceived', (e) => {
    const t = byId.get(e.requestId);
    if (!t) return;
    t.status = e.response.status;
    if (e.response.fromDiskCache || e.response.fromPrefetchCache || e.response.fromServiceWorker) t.fromCache = true;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const t = byId.get(e.requestId);
    if (!t) return;
    t.bytes = e.encodedDataLength;
    t.finished = true;
  });
  cdp.on('Network.loadingFailed', (e) => {
    const t = byId.get(e.requestId);
    if (!t) return;
    t.failed = e.errorText;
    t.finished = true;
  });
  return {
    clear: () => byId.clear(),
    transfers: () => [...byId.values()].filter((t) => !t.url.startsWith('data:')),
  };
}

type Log = Awaited<ReturnType<typeof networkLog>>;

/** Loads `path` and waits until the view is complete: every request finished, the view beacon sent and answered. */
async function view(page: Page, log: Log, path: string): Promise<Transfer[]> {
  log.clear();
  await page.goto(path, { waitUntil: 'load' });
  await expect.poll(() => log.transfers().some((t) => new URL(t.url).pathname === '/api/views' && t.finished), { message: 'the view beacon' }).toBe(true);
  await expect.poll(() => log.transfers().every((t) => t.finished), { message: 'every request finished' }).toBe(true);
  return log.transfers();
}

const total = (ts: Transfer[]) => ts.reduce((sum, t) => sum + t.bytes, 0);
const report = (ts: Transfer[]) =>
  ts
    .map((t) => `${(t.bytes / 1024).toFixed(1).padStart(6)} KB  ${String(t.wireStatus ?? t.status).padEnd(3)} ${t.type.padEnd(10)} ${t.fromCache ? 'cache ' : ''}${t.conditional ? 'conditional ' : ''}${new URL(t.url).pathname}`)
    .join('\n');

test('an article on a phone: cold view ≤ 150 KB transferred, repeat view ≤ 15 KB', async ({ page }) => {
  // The longest published article: the most HTML to download.
  const visible = (t: string) => `${t}.status = 'published' and ${t}.published_at <= unixepoch('now') * 1000 and ${t}.kind = 'article' and ${t}.locale = 'fr'`;
  const [article] = articles(`${visible('a')} and length(a.body) = (select max(length(b.body)) from articles b where ${visible('b')})`);
  const path = articlePath(article!);
  // A page older than its 5 minutes is served stale once and re-rendered behind it, with a new ETag: settle that
  // first (outside the browser, whose cache stays cold), so that both views below meet the same version of the page.
  let etag: string | undefined;
  for (let attempt = 0; attempt < 10; attempt++) {
    const current = (await page.request.get(path)).headers().etag;
    if (current && current === etag) break;
    etag = current;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const log = await networkLog(page);

  const cold = await view(page, log, path);
  const hero = await page.locator('.hero img').evaluate((img: HTMLImageElement) => img.currentSrc);
  const kinds = (type: string) => cold.filter((t) => t.type === type);
  // What a cold view is made of, so that the budget cannot pass by losing a part of the page.
  expect(kinds('Document').map((t) => t.wireStatus ?? t.status)).toEqual([200]);
  expect(kinds('Stylesheet').length, 'stylesheets').toBeGreaterThan(0);
  expect(kinds('Font').length, 'fonts').toBeGreaterThan(0);
  expect(kinds('Script').map((t) => new URL(t.url).pathname)).toEqual([expect.stringMatching(/^\/_next\/static\/kiosque\/lite\.[0-9a-f]{16}\.js$/)]);
  expect(cold.find((t) => t.url === hero && t.bytes > 0), `the hero image ${hero}`).toBeDefined();
  expect(cold.filter((t) => t.failed || t.status >= 400), 'failed requests').toEqual([]);
  test.info().annotations.push({ type: 'cold view', description: `${(total(cold) / 1024).toFixed(1)} KB\n${report(cold)}` });
  expect(total(cold), `cold view, bytes transferred:\n${report(cold)}`).toBeLessThanOrEqual(COLD_BUDGET);

  // A repeat view: a new navigation to the same article (not a reload, which would revalidate everything).
  await page.goto('about:blank');
  const repeat = await view(page, log, path);
  const document = repeat.find((t) => t.type === 'Document');
  // Honest about the HTML: it is asked for again and revalidated (ETag → 304), not taken from cache unseen.
  expect(document?.fromCache, 'the HTML is asked for again').toBe(false);
  expect(document?.conditional, `the HTML is asked for with its ETag\n${report(repeat)}`).toBe(true);
  expect(document?.wireStatus, `the HTML is revalidated: 304 Not Modified\n${report(repeat)}`).toBe(304);
  // Build assets, the lite script and the hero come from the browser's cache, without a request to the server. (The
  // favicon is fetched by the browser on its own terms, `max-age=0` from Next's metadata route: counted above.)
  const fetchedAgain = repeat.filter((t) => t !== document && !['/api/views', '/icon.svg'].includes(new URL(t.url).pathname) && !t.fromCache);
  expect(fetchedAgain.map((t) => `${t.status} ${t.url}`), 'downloaded again on a repeat view').toEqual([]);
  test.info().annotations.push({ type: 'repeat view', description: `${(total(repeat) / 1024).toFixed(1)} KB\n${report(repeat)}` });
  expect(total(repeat), `repeat view, bytes transferred:\n${report(repeat)}`).toBeLessThanOrEqual(REPEAT_BUDGET);
});
