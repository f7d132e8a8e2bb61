import Database from 'better-sqlite3';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from './client';
import { DatabaseNewerThanCodeError, MIGRATIONS_FOLDER, migrateDatabase } from './migrate';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosque-migrate-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const tables = (path: string) =>
  (new Database(path, { readonly: true }).prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map((r) => r.name);

describe('migrateDatabase', () => {
  it('refuses a database migrated by a newer Kiosque, and leaves it untouched', () => {
    const path = join(dir, 'k.db');
    const db = openDatabase(path);
    migrateDatabase(db);
    db.$client.prepare('insert into __drizzle_migrations (hash, created_at) values (?, ?)').run('newer', Date.now() + 86_400_000);
    const rows = () => db.$client.prepare('select count(*) as n from __drizzle_migrations').get();
    const before = rows();
    expect(() => migrateDatabase(db)).toThrow(DatabaseNewerThanCodeError);
    expect(rows()).toEqual(before);
    db.$client.close();
  });

  it('applies pending migrations in one transaction: a failing migration leaves no trace', () => {
    // A copy of the real migrations plus a third one that creates a table, then fails.
    const folder = join(dir, 'migrations');
    cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
    const journalPath = join(folder, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
    const last = journal.entries[journal.entries.length - 1];
    journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag: '0002_broken' });
    writeFileSync(journalPath, JSON.stringify(journal));
    writeFileSync(
      join(folder, '0002_broken.sql'),
      'CREATE TABLE `half_done` (`id` integer primary key);\n--> statement-breakpoint\nINSERT INTO `no_such_table` VALUES (1);\n',
    );

    // Fresh database: the two good migrations and the broken one are pending together.
    const path = join(dir, 'fresh.db');
    const db = openDatabase(path);
    expect(() => migrateDatabase(db, folder)).toThrow(/no_such_table/);
    db.$client.close();
    expect(tables(path)).not.toContain('half_done');
    expect(tables(path)).not.toContain('articles'); // the good ones were rolled back with it

    // The same with the good migrations already applied: the broken one alone is rolled back.
    const path2 = join(dir, 'migrated.db');
    const db2 = openDatabase(path2);
    migrateDatabase(db2);
    expect(() => migrateDatabase(db2, folder)).toThrow();
    expect(tables(path2)).toContain('articles');
    expect(tables(path2)).not.toContain('half_done');
    expect(db2.$client.prepare('select count(*) as n from __drizzle_migrations').get()).toEqual({ n: journal.entries.length - 1 });
    db2.$client.close();
  });
});

describe('migrations 0003–0004: existing content kept, the search index holds text', () => {
  it('re-indexes the articles of an existing database as the text readers see', async () => {
    // A database as the previous release left it: migrations 0000–0002, Markdown in the index.
    const folder = join(dir, 'migrations-0002');
    cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
    const journalPath = join(folder, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
    journal.entries = journal.entries.filter((e: { idx: number }) => e.idx <= 2);
    writeFileSync(journalPath, JSON.stringify(journal));
    const db = openDatabase(join(dir, 'old.db'));
    migrateDatabase(db, folder);
    // Raw SQL: the current schema module describes columns this old database does not have yet.
    db.$client.exec(`insert into categories(key) values ('c'); insert into authors(key, kind) values ('a', 'person');
      insert into stories(key, created_at) values ('s', 1); insert into tags(key) values ('t');`);
    const id = Number(
      db.$client
        .prepare(`insert into articles(story_id, locale, slug, title, body, category_id, author_id, status, published_at, created_at, updated_at)
          values (1, 'fr', 'x', 'Titre', 'Voir [le port](https://kribi.example/quai).', 1, 1, 'published', 5, 1, 7)`)
        .run().lastInsertRowid,
    );
    db.$client.exec(`insert into article_tags values (${id}, 1); insert into article_views_daily values (${id}, '2024-01-01', 5);`);
    const matches = (q: string) => (db.$client.prepare('select rowid from articles_fts where articles_fts match ?').all(q) as { rowid: number }[]).map((r) => r.rowid);
    expect(matches('kribi')).toEqual([id]); // before: the URL was indexed
    migrateDatabase(db);
    expect(matches('kribi')).toEqual([]);
    expect(matches('port')).toEqual([id]);
    // The articles table was rebuilt (0003) with foreign keys off: its children were not cascaded away.
    expect(db.$client.prepare('select count(*) as n from article_tags').get()).toEqual({ n: 1 });
    expect(db.$client.prepare('select count(*) as n from article_views_daily').get()).toEqual({ n: 1 });
    expect(db.$client.prepare('select text_changed_at as t from articles').get()).toEqual({ t: 7 });
    db.$client.close();
  });
});
