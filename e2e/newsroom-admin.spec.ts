/**
 * The newsroom's administration pages against the production build, in both interface languages: an
 * administrator made with the CLI logs in, creates an editor account, renames a section and sees the new name on
 * the reader front page; the page is axe-clean; the new editor is refused the accounts page (403).
 * Desktop project only (playwright.config.ts); serial, because both languages edit the same section.
 */
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { expect, test, type Browser, type Page } from '@playwright/test';

test.describe.configure({ mode: 'serial', timeout: 180_000 });

// Unique accounts per run: the e2e database outlives a run when the server is reused.
const run = Date.now().toString(36);

const ui = {
  fr: {
    email: 'Adresse électronique',
    password: 'Mot de passe',
    login: 'Se connecter',
    usersTitle: 'Comptes',
    name: 'Nom',
    role: 'Rôle',
    language: 'Langue de l’interface',
    initialPassword: 'Mot de passe initial',
    editor: 'Éditeur',
    create: 'Créer le compte',
    created: (email: string) => `Compte ${email} créé.`,
    sectionsTitle: 'Rubriques',
    edit: /^Modifier /,
    legend: 'Version française',
    save: 'Enregistrer',
    saved: 'Rubrique enregistrée.',
    mainNav: 'Navigation principale',
    forbidden: 'Action non autorisée',
    slugTaken: 'Cette adresse est déjà utilisée dans cette langue.',
    sectionEdited: 'Rubrique modifiée',
    pages: { '/newsroom/topics': 'Sujets', '/newsroom/authors': 'Auteurs et agences', '/newsroom/settings': 'Réglages du site', '/newsroom/audit': 'Journal d’audit' },
  },
  en: {
    email: 'Email address',
    password: 'Password',
    login: 'Log in',
    usersTitle: 'Accounts',
    name: 'Name',
    role: 'Role',
    language: 'Interface language',
    initialPassword: 'Initial password',
    editor: 'Editor',
    create: 'Create account',
    created: (email: string) => `Account ${email} created.`,
    sectionsTitle: 'Sections',
    edit: /^Edit /,
    legend: 'English version',
    save: 'Save',
    saved: 'Section saved.',
    mainNav: 'Main navigation',
    forbidden: 'Action not allowed',
    slugTaken: 'This address is already used in this language.',
    sectionEdited: 'Section edited',
    pages: { '/newsroom/topics': 'Topics', '/newsroom/authors': 'Authors and agencies', '/newsroom/settings': 'Site settings', '/newsroom/audit': 'Audit log' },
  },
} as const;

function addUser(email: string, name: string, role: string, password: string, locale: string) {
  execFileSync('npm', ['run', '-s', 'user', '--', 'add', '--email', email, '--name', name, '--role', role, '--locale', locale], {
    input: `${password}\n`,
    env: { ...process.env, DATABASE_PATH: 'data/e2e.db' },
    stdio: ['pipe', 'ignore', 'inherit'],
  });
}

async function login(page: Page, locale: 'fr' | 'en', email: string, password: string) {
  const t = ui[locale];
  await page.goto('/newsroom/login');
  await page.getByLabel(t.email).fill(email);
  await page.getByLabel(t.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: t.login }).click();
  await expect(page).toHaveURL(/\/newsroom$/);
}

async function newPage(browser: Browser, locale: 'fr' | 'en') {
  const context = await browser.newContext({ locale: locale === 'fr' ? 'fr-FR' : 'en-US', timezoneId: 'UTC' });
  return context.newPage();
}

for (const locale of ['fr', 'en'] as const) {
  test(`${locale}: an administrator creates an editor and renames a section that readers see renamed; the editor gets 403 on accounts`, async ({ browser }) => {
    const t = ui[locale];
    const admin = { email: `admin-${locale}-${run}@example.org`, password: `admin passphrase ${run}` };
    addUser(admin.email, `Admin ${locale}`, 'administrator', admin.password, locale);
    const page = await newPage(browser, locale);
    await login(page, locale, admin.email, admin.password);

    // Accounts page: in the administrator's language, axe-clean.
    const users = await page.goto('/newsroom/users');
    expect(users?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.usersTitle);
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    const axe = await new AxeBuilder({ page }).setLegacyMode(true).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

    // Create an editor account whose interface is in the same language.
    const editor = { email: `editor-${locale}-${run}@example.org`, password: `editor passphrase ${run}` };
    const create = page.locator('section', { has: page.getByRole('heading', { level: 2, name: new RegExp(locale === 'fr' ? 'Créer un compte' : 'Create an account') }) });
    await create.getByLabel(t.email).fill(editor.email);
    await create.getByLabel(t.name, { exact: true }).fill(`Editor ${locale}`);
    await create.getByLabel(t.role).selectOption('editor');
    await create.getByLabel(t.language).selectOption(locale);
    await create.getByLabel(t.initialPassword).fill(editor.password);
    await create.getByRole('button', { name: t.create }).click();
    await expect(create.getByRole('status')).toHaveText(t.created(editor.email));
    await expect(page.getByTestId(`user-${editor.email}`)).toContainText(t.editor);

    // Rename the first section in the interface's language; a taken slug is refused in that language first.
    await page.goto('/newsroom/sections');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.sectionsTitle);
    const first = page.locator('.nr-item').first();
    await first.locator('summary').click();
    const form = first.getByRole('form', { name: t.edit });
    const fieldset = form.getByRole('group', { name: t.legend });
    const nameField = fieldset.getByLabel(t.name, { exact: true });
    const slugField = fieldset.getByLabel(/slug/);
    const oldName = await nameField.inputValue();
    const oldSlug = await slugField.inputValue();
    const secondSlug = await page.locator('.nr-item').nth(1).locator(`input[name="${locale}.slug"]`).inputValue();
    await slugField.fill(secondSlug);
    await form.getByRole('button', { name: t.save }).click();
    await expect(form.getByText(t.slugTaken)).toBeVisible();

    const newName = `${oldName} ${run}`;
    await nameField.fill(newName);
    await slugField.fill(oldSlug);
    await form.getByRole('button', { name: t.save }).click();
    await expect(form.getByRole('status')).toHaveText(t.saved);

    // The reader's front page (prerendered at build) shows the new name in its navigation.
    const reader = await newPage(browser, locale);
    await expect(async () => {
      await reader.goto(`/${locale}`);
      await expect(reader.getByRole('navigation', { name: t.mainNav }).getByRole('link', { name: newName, exact: true })).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 15_000 });

    // Put the old name back (other specs read the seeded names), and readers see it again.
    await nameField.fill(oldName);
    await form.getByRole('button', { name: t.save }).click();
    await expect(form.getByRole('status')).toHaveText(t.saved);
    await expect(async () => {
      await reader.goto(`/${locale}`);
      await expect(reader.getByRole('navigation', { name: t.mainNav }).getByRole('link', { name: oldName, exact: true })).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 15_000 });

    // The audit log shows the rename with who did it, newest first (this administrator's newest line; other specs
    // write to the same log meanwhile); the other administration pages open.
    await page.goto('/newsroom/audit');
    await expect(page.locator('tbody tr').filter({ hasText: admin.email }).first()).toContainText(t.sectionEdited);
    for (const [path, title] of Object.entries(t.pages)) {
      expect((await page.goto(path))?.status(), path).toBe(200);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    }

    // The new editor logs in and is refused the accounts page by the server, in their language.
    const editorPage = await newPage(browser, locale);
    await login(editorPage, locale, editor.email, editor.password);
    const refused = await editorPage.goto('/newsroom/users');
    expect(refused?.status()).toBe(403);
    await expect(editorPage.getByRole('heading', { level: 1 })).toHaveText(t.forbidden);
  });
}
