/**
 * The newsroom, end to end on the production server, as the "done" list says: a contributor writes and
 * submits; an editor publishes and readers see it within 5 s everywhere it belongs; a translation links both
 * versions; a scheduled article appears with no traffic; conflicts are shown, never overwritten; autosave and
 * the local copy survive a reload; unpublishing answers 410; the server refuses a contributor's publish.
 */
import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { createAccount, login, type Account } from './support/newsroom';
import { articles, scalar } from './support/fixtures';
import { expectNoAxeViolations } from './support/axe';

test.describe.configure({ timeout: 150_000 });

const unique = () => Math.random().toString(36).slice(2, 8);

async function session(browser: Browser, account: Account, locale: 'fr' | 'en' = 'fr') {
  const context = await browser.newContext({ locale: locale === 'fr' ? 'fr-FR' : 'en-US' });
  const page = await context.newPage();
  await login(page, account);
  return { page, close: () => context.close() };
}

/** A new draft through the "new article" form; returns the editor's URL. */
async function newDraft(page: Page, title: string, locale: 'fr' | 'en' = 'fr') {
  await page.goto(`/newsroom/articles/new?locale=${locale}`);
  await page.locator('#title').fill(title);
  await Promise.all([page.waitForURL(/\/newsroom\/articles\/\d+$/), page.locator('main form button[type=submit]').click()]);
  return page.url();
}

async function saved(page: Page) {
  await expect(page.locator('.nr-savestate')).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });
}

/** Polls a reader URL until its body contains `text` (5 s: the promise). */
async function seenByReaders(request: APIRequestContext, path: string, text: string, timeout = 5_000) {
  await expect.poll(async () => (await request.get(path)).text(), { timeout, message: `${path} shows “${text}”` }).toContain(text);
}

function readerPathOf(title: string) {
  const [a] = articles('a.title = ?', [title]);
  if (!a) throw new Error(`no article “${title}”`);
  return `/${a.locale}/${a.categorySlug}/${a.slug}`;
}

test('a contributor submits, an editor publishes: front page, section, topic, RSS and sitemaps show it within 5 s', async ({ browser, request }) => {
  const title = `Le conseil municipal vote le budget ${unique()}`;
  const topic = `Budget municipal ${unique()}`;
  const contributor = await session(browser, createAccount('contributor'));
  const editorUrl = await newDraft(contributor.page, title);
  const page = contributor.page;
  await page.locator('#standfirst').fill('Les élus ont adopté le budget après trois heures de débat.');
  await page.locator('#body').fill('Le budget a été **adopté** à une large majorité.\n\n## Les priorités\n\nLes routes et les écoles.');
  await page.locator('#newTopics').fill(topic);
  await saved(page);
  await expectNoAxeViolations(page);
  // The draft as readers will see it, only with a session.
  await page.getByRole('link', { name: 'Aperçu' }).click();
  await expect(page.locator('article h1')).toHaveText(title);
  expect((await request.get(page.url(), { maxRedirects: 0 })).status()).toBe(307);
  await page.goBack();
  // The contributor has no publish button; submitting puts the article in the review queue.
  await expect(page.getByRole('button', { name: 'Publier maintenant' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Soumettre à relecture' }).click();
  await expect(page.getByText('Article soumis à relecture.')).toBeVisible();
  await expect(page.locator('.nr-workflow .nr-badge')).toHaveText('À relire');
  await contributor.close();

  const editor = await session(browser, createAccount('editor'));
  await editor.page.goto('/newsroom/review');
  await editor.page.getByRole('link', { name: title }).click();
  await expect(editor.page).toHaveURL(editorUrl);
  await editor.page.getByRole('button', { name: 'Publier maintenant' }).click();
  await expect(editor.page.getByText('Article publié.')).toBeVisible();
  await editor.close();

  const path = readerPathOf(title);
  const section = path.split('/').slice(0, 3).join('/');
  const topicSlug = scalar(`select slug from tag_translations where locale = 'fr' and name = ?`, topic);
  await seenByReaders(request, path, title);
  await seenByReaders(request, '/fr', title);
  await seenByReaders(request, section, title);
  await seenByReaders(request, `/fr/sujets/${topicSlug}`, title);
  await seenByReaders(request, '/fr/rss.xml', title);
  await seenByReaders(request, '/sitemaps/news.xml', path);
  const index = await (await request.get('/sitemap.xml')).text();
  const files = [...index.matchAll(/<loc>[^<]*(\/sitemaps\/fr-articles-\d+\.xml)<\/loc>/g)].map((m) => m[1]!);
  const listed = await Promise.all(files.map(async (f) => (await request.get(f)).text()));
  expect(listed.some((xml) => xml.includes(path))).toBe(true);
});

test('translate into English and publish: both versions link to each other with hreflang (English interface)', async ({ browser, request }) => {
  const editor = await session(browser, createAccount('editor', 'en'), 'en');
  const page = editor.page;
  const title = `Le port de Kribi s’agrandit ${unique()}`;
  await newDraft(page, title);
  await page.locator('#body').fill('Un nouveau quai ouvrira en mars.');
  await saved(page);
  await page.getByRole('button', { name: 'Publish now' }).click();
  await expect(page.getByText('Article published.')).toBeVisible();
  const frenchEditor = page.url();
  await page.getByRole('button', { name: 'Translate into English' }).click();
  await page.waitForURL((u) => /\/newsroom\/articles\/\d+$/.test(u.pathname) && u.href !== frenchEditor);
  await expect(page.locator('.nr-meta')).toContainText('French version');
  const english = `Kribi port expands ${unique()}`;
  await page.locator('#title').fill(english);
  await page.getByText('Address and search engines (optional)').click();
  await page.locator('#slug').fill(`kribi-port-expands-${unique()}`);
  await page.locator('#body').fill('A new quay opens in March.');
  await saved(page);
  await page.getByRole('button', { name: 'Publish now' }).click();
  await expect(page.getByText('Article published.')).toBeVisible();
  await editor.close();

  const fr = readerPathOf(title);
  const en = readerPathOf(english);
  await seenByReaders(request, fr, `hrefLang="en" href="http://localhost`);
  const frHtml = await (await request.get(fr)).text();
  const enHtml = await (await request.get(en)).text();
  expect(frHtml).toMatch(new RegExp(`<link rel="alternate" hrefLang="en" href="[^"]*${en}"`));
  expect(enHtml).toMatch(new RegExp(`<link rel="alternate" hrefLang="fr" href="[^"]*${fr}"`));
});

test('a scheduled article appears on its own, with no request before its time', async ({ browser, request }) => {
  const author = await session(browser, createAccount('author'));
  const page = author.page;
  const title = `Ouverture du marché de Mokolo ${unique()}`;
  await newDraft(page, title);
  await page.locator('#body').fill('Le marché rouvre ses portes.');
  await saved(page);
  // 20 seconds from now, typed as Douala wall-clock time (UTC+1), as a person in the newsroom would.
  const due = Date.now() + 20_000;
  const local = new Date(due + 3_600_000).toISOString().slice(0, 19);
  await page.locator('#schedule-at').fill(local);
  await page.getByRole('button', { name: 'Programmer', exact: true }).click();
  await expect(page.getByText('Publication programmée.')).toBeVisible();
  await expect(page.locator('.nr-workflow .nr-badge')).toHaveText('Programmé');
  await author.close();
  const path = readerPathOf(title);
  // No reader request until 5 s after the due time: the first one must already see the article.
  await new Promise((r) => setTimeout(r, Math.max(0, due + 5_000 - Date.now())));
  const [articleRes, front, feed] = await Promise.all([request.get(path), request.get('/fr'), request.get('/fr/rss.xml')]);
  expect(articleRes.status()).toBe(200);
  expect(await front.text()).toContain(title);
  expect(await feed.text()).toContain(title);
});

test('two editors on one article: the second sees the first, a stale save shows a compare view, history restores', async ({ browser }) => {
  const a = await session(browser, createAccount('editor', 'fr', 'Awa Ndiaye'));
  const url = await newDraft(a.page, `Sécheresse dans le Nord ${unique()}`);
  await a.page.locator('#body').fill('Première version du texte.');
  await saved(a.page);
  const b = await session(browser, createAccount('editor', 'fr', 'Boris Eto'));
  await b.page.goto(url);
  await expect(b.page.getByText('Awa Ndiaye modifie aussi cet article.')).toBeVisible({ timeout: 20_000 });

  await a.page.locator('#body').fill('Deuxième version, par Awa.');
  await saved(a.page);
  await b.page.locator('#body').fill('Version de Boris.');
  const conflict = b.page.getByRole('alert').filter({ hasText: 'Une version plus récente a été enregistrée' });
  await expect(conflict).toBeVisible({ timeout: 15_000 });
  await expect(conflict).toContainText('Deuxième version, par Awa.');
  await expectNoAxeViolations(b.page);
  await b.page.getByRole('button', { name: 'Garder ma version' }).click();
  await saved(b.page);
  await expect(b.page.locator('#body')).toHaveValue('Version de Boris.');

  // Awa restores her version from the history.
  await a.page.goto(`${url}/history`);
  const row = a.page.getByRole('row').filter({ hasText: 'Awa Ndiaye' }).filter({ hasText: 'Enregistrement' }).first();
  await row.getByRole('link').click();
  await expect(a.page.locator('del').first()).toBeVisible();
  await a.page.getByRole('button', { name: 'Restaurer cette version' }).click();
  await a.page.waitForURL(url);
  await expect(a.page.locator('#body')).toHaveValue('Deuxième version, par Awa.');
  await a.close();
  await b.close();
});

test('a failed save loses nothing: the local copy survives a reload, then autosave stores it', async ({ browser }) => {
  const { page, close } = await session(browser, createAccount('author'));
  const url = await newDraft(page, `Pluies sur Douala ${unique()}`);
  await saved(page);
  // The server cannot be reached (every Server Action call fails) while the reporter types.
  const offline = /\/newsroom\/articles\/\d+$/;
  await page.route(offline, (route) => (route.request().method() === 'POST' ? route.abort() : route.continue()));
  await page.locator('#body').fill('Texte tapé pendant la coupure.');
  await expect(page.locator('.nr-savestate')).toHaveAttribute('data-state', 'failed', { timeout: 15_000 });
  await expect(page.locator('.nr-savestate')).toHaveText('Échec de l’enregistrement : votre texte est conservé sur cet appareil.');
  await page.reload();
  await expect(page.getByText('Vos modifications non enregistrées ont été récupérées sur cet appareil.')).toBeVisible();
  await expect(page.locator('#body')).toHaveValue('Texte tapé pendant la coupure.');
  // Back online: the next autosave stores it on the server.
  await page.unroute(offline);
  await saved(page);
  const other = await session(browser, createAccount('editor'));
  await other.page.goto(url);
  await expect(other.page.locator('#body')).toHaveValue('Texte tapé pendant la coupure.');
  await other.close();
  await close();
});

test('unpublishing answers 410 Gone, and the server refuses a contributor’s replayed publish', async ({ browser, request }) => {
  const editor = await session(browser, createAccount('editor'));
  const page = editor.page;
  const title = `Grève des transporteurs ${unique()}`;
  const url = await newDraft(page, title);
  await page.locator('#body').fill('Les taxis sont à l’arrêt.');
  await saved(page);
  // Capture the publish call (a Server Action: its id and body) to replay it as a contributor below.
  const publishCall = page.waitForRequest((r) => r.method() === 'POST' && r.headers()['next-action'] !== undefined && (r.postData() ?? '').includes('"publish"'));
  await page.getByRole('button', { name: 'Publier maintenant' }).click();
  const call = await publishCall;
  await expect(page.getByText('Article publié.')).toBeVisible();
  const path = readerPathOf(title);
  await seenByReaders(request, path, title);
  await page.getByRole('button', { name: 'Dépublier' }).click();
  await expect(page.getByText('Article dépublié.')).toBeVisible();
  await expect.poll(async () => (await request.get(path)).status(), { timeout: 5_000 }).toBe(410);
  const gone = await request.get(path);
  expect(await gone.text()).toContain('lang="fr"');
  await expect.poll(async () => (await request.get('/fr/rss.xml')).text(), { timeout: 5_000 }).not.toContain(title);
  await editor.close();

  // A contributor replays the editor's publish call on the same (now unpublished) article: 403, nothing changes.
  const contributor = await session(browser, createAccount('contributor'));
  const headers = Object.fromEntries(Object.entries(call.headers()).filter(([name]) => name !== 'cookie'));
  const replay = await contributor.page.request.post(url, { headers, data: call.postData() ?? '' });
  expect(replay.status()).toBe(403);
  expect((await request.get(path)).status()).toBe(410);
  expect(articles('a.title = ?', [title])[0]!.status).toBe('unpublished');
  await contributor.close();
});
