/**
 * The wire desk end to end on the production server, against a fake agency started here (node:http on
 * 127.0.0.1): an administrator adds a ninjs feed in the newsroom, the server polls it, an editor finds the item in
 * the queue, takes it and publishes it; readers see it with the agency's byline. When the agency kills the item,
 * its URL answers 410 within 5 s. A second feed set to publish automatically puts its item on the front page with
 * the agency byline; when the agency withholds it, it leaves the page and its URL within 5 s. A feed that answers
 * 500 shows the error on the feeds page, changing nothing for readers. Every poll here goes through the production
 * build's parse worker thread.
 * (Parsers, versions, withheld, embargo, expiry, hostile feeds: unit and integration tests in lib/wire, db/wire.)
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { createAccount, login, type Account } from './support/newsroom';
import { articles } from './support/fixtures';
import { expectNoAxeViolations } from './support/axe';

test.describe.configure({ mode: 'serial', timeout: 180_000 });

const unique = Math.random().toString(36).slice(2, 8);
const AGENCY = 'Continental Wire';

/** What the fake agency serves, per path; tests change it between polls. */
const documents = new Map<string, { status: number; body: string }>();
let agency: Server;
let base = '';

function ninjs(items: object[]) {
  return { status: 200, body: JSON.stringify(items) };
}

test.beforeAll(async () => {
  agency = createServer((req, res) => {
    const doc = documents.get(req.url ?? '');
    if (!doc) return void res.writeHead(404).end();
    res.writeHead(doc.status, { 'content-type': 'application/json' }).end(doc.body);
  });
  await new Promise<void>((resolve) => agency.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(agency.address() as AddressInfo).port}`;
});
test.afterAll(async () => {
  agency.closeAllConnections();
  await new Promise((r) => agency.close(r));
});

async function session(browser: Browser, account: Account) {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await login(page, account);
  return { page, close: () => context.close() };
}

async function addFeed(page: Page, opts: { name: string; path: string; section: string; autoPublish?: string }) {
  await page.goto('/newsroom/wire/feeds');
  const form = page.locator('section[aria-labelledby="feed-create"]');
  await form.getByLabel('Name').fill(opts.name);
  await form.getByLabel('Agency', { exact: true }).selectOption({ label: AGENCY });
  await form.getByLabel('Address (URL)').fill(base + opts.path);
  await form.getByLabel('Format').selectOption('ninjs');
  await form.getByLabel('Poll interval (seconds)').fill('3600');
  await form.getByLabel('Language of the copy').selectOption('en');
  await form.getByLabel('Default section (Take)').selectOption({ label: opts.section });
  if (opts.autoPublish) {
    await form.getByLabel('Publish automatically in section').selectOption({ label: opts.autoPublish });
    await form.getByLabel('Genre label of automatic publications').selectOption('news');
  }
  await form.getByRole('button', { name: 'Add the feed' }).click();
  await expect(form.getByText('Feed added.')).toBeVisible();
}

function readerPath(title: string) {
  const [a] = articles('a.title = ?', [title]);
  if (!a) return null;
  return `/${a.locale}/${a.categorySlug}/${a.slug}`;
}

test('poll → queue → take → publish: readers see the agency byline; the agency kills it: 410 within 5 s', async ({ browser, request }) => {
  const headline = `Port of Kribi doubles its traffic ${unique}`;
  const item = { uri: `urn:e2e:${unique}:1`, version: '1', versioncreated: '2026-12-01T02:00:00Z', pubstatus: 'usable', language: 'en', headline, ednote: 'Internal: check figures', body_html: '<p>The port <b>doubled</b> its traffic.</p><script>alert(1)</script>' };
  documents.set('/main', ninjs([item]));

  const admin = await session(browser, createAccount('administrator', 'en'));
  await addFeed(admin.page, { name: `E2E main ${unique}`, path: '/main', section: 'International' });
  await expectNoAxeViolations(admin.page);

  const editor = await session(browser, createAccount('editor', 'en'));
  const page = editor.page;
  const entry = page.getByTestId('wire-item').filter({ hasText: headline });
  await expect
    .poll(async () => {
      await page.goto(`/newsroom/wire?q=${encodeURIComponent(unique)}`);
      return entry.count();
    }, { timeout: 20_000 })
    .toBe(1);
  await expect(entry).toContainText('Internal: check figures');
  await expectNoAxeViolations(page);
  await entry.getByRole('button', { name: 'Take' }).click();
  await page.waitForURL(/\/newsroom\/articles\/\d+$/);
  await expect(page.locator('#title')).toHaveValue(headline);
  await page.getByRole('button', { name: 'Publish now' }).click();
  await expect(page.getByText('Article published.')).toBeVisible();

  const path = readerPath(headline)!;
  expect(path).toMatch(/^\/en\/international\//);
  const html = await (await request.get(path)).text();
  expect(html).toContain(headline);
  expect(html).toMatch(new RegExp(`By <a[^>]*>${AGENCY}</a>`));
  expect(html).not.toContain('Internal: check figures');
  expect(html).not.toContain('alert(1)');

  // The agency kills the item; the administrator asks for a poll now (the feed's interval is an hour).
  documents.set('/main', ninjs([{ ...item, version: '2', versioncreated: '2026-12-01T03:00:00Z', pubstatus: 'canceled' }]));
  await admin.page.goto('/newsroom/wire/feeds');
  const killedAt = Date.now();
  await admin.page.getByRole('form', { name: `Poll E2E main ${unique} now` }).getByRole('button').click();
  await expect.poll(async () => (await request.get(path)).status(), { timeout: 5_000, intervals: [250] }).toBe(410);
  expect(Date.now() - killedAt).toBeLessThan(6_000);
  await expect.poll(async () => (await request.get('/en')).text(), { timeout: 5_000 }).not.toContain(headline);
  await editor.close();
  await admin.close();
});

test('an auto-publish feed puts the item on the front page with the agency byline; withheld takes it off within 5 s; a failing feed shows its error', async ({ browser, request }) => {
  const headline = `Rains expected in the north ${unique}`;
  const item = { uri: `urn:e2e:${unique}:auto`, version: '1', pubstatus: 'usable', language: 'en', headline, body_html: '<p>Heavy rains.</p>' };
  documents.set('/auto', ninjs([item]));
  documents.set('/broken', { status: 500, body: 'oops' });
  const admin = await session(browser, createAccount('administrator', 'en'));
  await addFeed(admin.page, { name: `E2E auto ${unique}`, path: '/auto', section: 'Economy', autoPublish: 'Economy' });
  await addFeed(admin.page, { name: `E2E broken ${unique}`, path: '/broken', section: 'Economy' });
  await expect.poll(async () => (await request.get('/en')).text(), { timeout: 20_000 }).toContain(headline);
  const path = readerPath(headline)!;
  expect(await (await request.get(path)).text()).toMatch(new RegExp(`By <a[^>]*>${AGENCY}</a>`));

  // The agency withholds the item: off the article URL and the front page within 5 s of the poll.
  documents.set('/auto', ninjs([{ ...item, version: '2', pubstatus: 'withheld' }]));
  await admin.page.goto('/newsroom/wire/feeds');
  const withheldAt = Date.now();
  await admin.page.getByRole('form', { name: `Poll E2E auto ${unique} now` }).getByRole('button').click();
  await expect.poll(async () => (await request.get(path)).status(), { timeout: 5_000, intervals: [250] }).toBe(410);
  expect(Date.now() - withheldAt).toBeLessThan(6_000);
  await expect.poll(async () => (await request.get('/en')).text(), { timeout: 5_000 }).not.toContain(headline);

  const broken = admin.page.getByTestId('wire-feed').filter({ hasText: `E2E broken ${unique}` });
  await expect
    .poll(async () => {
      await admin.page.goto('/newsroom/wire/feeds');
      return broken.getByTestId('wire-feed-status').innerText();
    }, { timeout: 20_000 })
    .toContain('HTTP 500');
  await admin.close();
});
