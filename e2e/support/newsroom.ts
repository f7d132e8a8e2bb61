/**
 * Newsroom accounts for the e2e specs, made the way an operator makes them: with `npm run user -- add`, the
 * password on standard input, against the e2e database the test server uses.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { expect, type Page } from '@playwright/test';
import { E2E_DB } from './fixtures';

export type Role = 'contributor' | 'author' | 'editor' | 'administrator';

export interface Account {
  email: string;
  password: string;
  name: string;
  role: Role;
}

function cli(args: string[], input = '') {
  return execFileSync('node_modules/.bin/tsx', ['scripts/user.ts', ...args], {
    input,
    env: { ...process.env, DATABASE_PATH: E2E_DB },
    encoding: 'utf8',
  });
}

/** A fresh account of that role (unique email), in the given interface language. */
export function createAccount(role: Role, locale: 'fr' | 'en' = 'fr', name?: string): Account {
  const id = randomBytes(4).toString('hex');
  const account = { email: `${role}-${id}@example.org`, password: `pass-${randomBytes(9).toString('base64url')}`, name: name ?? `${role} ${id}`, role };
  cli(['add', '--email', account.email, '--name', account.name, '--role', role, '--locale', locale], `${account.password}\n`);
  return account;
}

export function disableAccount(account: Account) {
  cli(['disable', '--email', account.email]);
}

/** Logs in through the login form, as a person would, and lands on the newsroom's home. */
export async function login(page: Page, account: Account) {
  await page.goto('/newsroom/login');
  await page.locator('#email').fill(account.email);
  await page.locator('#password').fill(account.password);
  await Promise.all([page.waitForURL(/\/newsroom$/), page.locator('form.nr-form button[type=submit]').click()]);
  await expect(page.locator('h1')).toBeVisible();
}
