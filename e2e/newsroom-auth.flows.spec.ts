/**
 * Newsroom accounts and sessions against the production server: the session cookie never reaches reader pages,
 * login is throttled, a disabled account's session stops at once, log out, and the request guard lets real
 * Server Actions through while refusing bogus ones.
 */
import { expect, test } from '@playwright/test';
import { createAccount, disableAccount, login } from './support/newsroom';
import { expectNoAxeViolations } from './support/axe';

test.describe.configure({ timeout: 90_000 });

test('login sets a newsroom-only, HttpOnly, SameSite=Lax cookie that reader pages never receive nor set', async ({ page }) => {
  const account = createAccount('contributor');
  await login(page, account);
  const cookies = await page.context().cookies();
  expect(cookies).toHaveLength(1);
  expect(cookies[0]).toMatchObject({ name: 'kiosque_session', path: '/newsroom', httpOnly: true, sameSite: 'Lax' });

  // A reader page requested by the same browser: no Cookie header goes out, no Set-Cookie comes back.
  const [request] = await Promise.all([page.waitForRequest((r) => r.url().endsWith('/fr')), page.goto('/fr')]);
  expect(await request.headerValue('cookie')).toBeNull();
  const response = await request.response();
  expect(await response!.headerValue('set-cookie')).toBeNull();
  expect(await response!.headerValue('cache-control')).toMatch(/public/);
});

test('newsroom pages are private, not stored, not indexed, and robots.txt keeps crawlers out', async ({ request }) => {
  for (const path of ['/newsroom/login', '/newsroom']) {
    const res = await request.get(path, { maxRedirects: 0 });
    expect(res.headers()['cache-control'], path).toBe('private, no-store');
    expect(res.headers()['x-robots-tag'], path).toContain('noindex');
  }
  expect(await (await request.get('/robots.txt')).text()).toMatch(/Disallow: \/newsroom/);
});

test('an unknown email and a wrong password get the same answer; the fifth failure locks the account, even against the right password', async ({ page }) => {
  const account = createAccount('author');
  await page.goto('/newsroom/login');
  const error = page.locator('.nr-error');
  // One login at a time: wait for each answer (React resets the form when it arrives).
  const submit = async () => {
    await page.locator('form.nr-form button').click();
    // The answer has arrived and React has reset the form (only then is the next password typed).
    await expect(page.locator('#password')).toHaveValue('');
    await expect(page.locator('form.nr-form button')).toBeEnabled();
  };
  await page.locator('#email').fill('nobody-here@example.org');
  await page.locator('#password').fill('whatever whatever');
  await submit();
  await expect(error).toHaveText('Adresse ou mot de passe incorrect.');
  for (let i = 0; i < 5; i++) {
    await page.locator('#email').fill(account.email);
    await page.locator('#password').fill(`wrong password ${i}`);
    await submit();
    await expect(error).toContainText(i < 4 ? 'incorrect' : 'Trop de tentatives');
  }
  // Locked now, even with the right password.
  await page.locator('#password').fill(account.password);
  await submit();
  await expect(error).toContainText('Trop de tentatives. Réessayez dans 15 minutes.');
  await expect(page).toHaveURL(/\/newsroom\/login$/);
});

test('a disabled account is logged out at its next request; log out ends the session', async ({ page, browser }) => {
  const account = createAccount('editor', 'en');
  await login(page, account);
  await expect(page.locator('h1')).toHaveText('Articles');
  disableAccount(account);
  await page.goto('/newsroom/account');
  await expect(page).toHaveURL(/\/newsroom\/login$/);

  const other = createAccount('contributor', 'en');
  const context = await browser.newContext({ locale: 'en-US' });
  const second = await context.newPage();
  await login(second, other);
  const token = (await context.cookies())[0]!.value;
  await second.getByRole('button', { name: 'Log out' }).click();
  await expect(second).toHaveURL(/\/newsroom\/login\?out=1$/);
  await expect(second.getByRole('status')).toHaveText('You are logged out.');
  // The old token is dead on the server, not only forgotten by the browser.
  const replay = await second.request.get('/newsroom/account', { headers: { cookie: `kiosque_session=${token}` }, maxRedirects: 0 });
  expect(replay.status()).toBe(307);
  await context.close();
});

test('the account page works in English, is axe clean, and changing the password ends the other sessions', async ({ page, browser }) => {
  const account = createAccount('author', 'en');
  const elsewhere = await browser.newContext();
  const phone = await elsewhere.newPage();
  await login(phone, account);
  await login(page, account);
  await page.goto('/newsroom/account');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectNoAxeViolations(page);
  await page.getByLabel('Current password').fill(account.password);
  await page.getByLabel('New password (at least 12 characters)').fill('a brand new passphrase');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('status')).toHaveText('Password changed. Your other sessions are closed.');
  await phone.goto('/newsroom/account');
  await expect(phone).toHaveURL(/\/newsroom\/login$/);
  await page.goto('/newsroom/account');
  await expect(page.locator('h1')).toHaveText('My account');
  await elsewhere.close();
});

test('Server Actions: refused on reader pages and with a malformed id; a real login action goes through', async ({ request }) => {
  const id = 'a'.repeat(42);
  expect((await request.post('/fr', { headers: { 'next-action': id }, data: 'x' })).status()).toBe(400);
  expect((await request.post('/newsroom/login', { headers: { 'next-action': 'not-an-id' }, data: 'x' })).status()).toBe(400);
  // A well-formed id that names no action: Next's own answer, never a 5xx.
  const unknown = await request.post('/newsroom/login', { headers: { 'next-action': id }, data: 'x' });
  expect(unknown.status()).toBeLessThan(500);
});
