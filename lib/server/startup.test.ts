import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { MIGRATIONS_FOLDER, migrateDatabase } from '@/db/migrate';
import { parseConfig } from '../config';
import { schemaProblem } from './startup';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosque-startup-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('start: the database schema', () => {
  it('a migrated database starts', () => {
    const db = openDatabase(join(dir, 'ok.db'));
    migrateDatabase(db);
    db.$client.close();
    expect(schemaProblem(join(dir, 'ok.db'))).toBeNull();
  });

  it('a missing database: says to migrate', () => {
    expect(schemaProblem(join(dir, 'missing.db'))).toMatch(/does not exist: run `npm run db:migrate`/);
  });

  it('a database an upgrade has not migrated yet: says to migrate', () => {
    const folder = join(dir, 'old-migrations');
    cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
    const journalPath = join(folder, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
    const known = journal.entries.length;
    journal.entries = journal.entries.slice(0, 1);
    writeFileSync(journalPath, JSON.stringify(journal));
    const db = openDatabase(join(dir, 'old.db'));
    migrateDatabase(db, folder);
    db.$client.close();
    expect(schemaProblem(join(dir, 'old.db'))).toMatch(new RegExp(`has 1 of the ${known} migrations.*npm run db:migrate`));
  });

  it('a database migrated by a newer Kiosque: refuses', () => {
    const db = openDatabase(join(dir, 'newer.db'));
    migrateDatabase(db);
    db.$client.prepare('insert into __drizzle_migrations (hash, created_at) values (?, ?)').run('future', Date.now() + 365 * 86_400_000);
    db.$client.close();
    expect(schemaProblem(join(dir, 'newer.db'))).toMatch(/newer version of Kiosque.*refusing to run/);
  });
});

describe('start: every environment variable', () => {
  it.each([
    ['REVALIDATE_TOKEN', 'short'],
    ['REVALIDATE_TOKEN', 'has spaces in the token'],
    ['PORT', '70000'],
    ['TRUSTED_PROXIES', 'my-cdn'],
    ['IP_HASH_SECRET', 'tooshort'],
    ['VIEWS_WINDOW_MINUTES', '0'],
    ['VIEWS_PER_ADDRESS_PER_HOUR', 'many'],
    ['VIEWS_PER_ARTICLE_PER_HOUR', '-1'],
    ['VIEWS_FLUSH_INTERVAL_MS', '10'],
    ['SEARCH_PER_CLIENT_PER_MINUTE', '1.5'],
    ['SEARCH_MAX_IN_FLIGHT', '0'],
    ['SEARCH_MAX_PER_SECOND', 'x'],
    ['LOG_REQUESTS', 'yes'],
    ['LOG_LEVEL', 'verbose'],
    ['WEATHER_CACHE_SECONDS', '3600'],
  ])('%s=%s refuses to start, naming the variable', (name, value) => {
    expect(() => parseConfig({ [name]: value })).toThrow(new RegExp(`Invalid environment variable ${name}:`));
  });

  it('an empty environment starts with the documented defaults', () => {
    expect(parseConfig({})).toMatchObject({
      TRUSTED_PROXIES: 'loopback',
      VIEWS_WINDOW_MINUTES: 30,
      VIEWS_PER_ADDRESS_PER_HOUR: 6000,
      VIEWS_PER_ARTICLE_PER_HOUR: 30000,
      VIEWS_FLUSH_INTERVAL_MS: 5000,
      SEARCH_PER_CLIENT_PER_MINUTE: 30,
      SEARCH_MAX_IN_FLIGHT: 4,
      SEARCH_MAX_PER_SECOND: 25,
      LOG_REQUESTS: true,
      LOG_LEVEL: 'info',
      PORT: 3000,
    });
  });
});
