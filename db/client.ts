import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { bodyPhotoRefsJson } from '@/lib/body-photos';
import { markdownToText } from '@/lib/plain-text';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** Opens a SQLite file with the settings every Kiosque process relies on. */
export function openDatabase(path: string, options: { readonly?: boolean } = {}): Db {
  const file = resolve(path);
  if (!options.readonly) mkdirSync(dirname(file), { recursive: true });
  const sqlite = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  // WAL lets readers go on while a writer (newsroom, view flush, backup) holds the write lock;
  // busy_timeout makes a writer wait for the lock instead of failing at once.
  // busy_timeout first: even the journal_mode pragma needs a lock, and without a timeout a second process (the
  // user CLI while the server writes) fails at once with "database is locked".
  sqlite.pragma('busy_timeout = 5000');
  if (!options.readonly) sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  // The search index holds the text readers see, not Markdown: its triggers (migration 0003) call this function,
  // so every connection that may write articles must have it (all of Kiosque's connections are opened here).
  sqlite.function('kiosque_text', { deterministic: true, varargs: false }, (markdown: unknown) =>
    markdownToText(typeof markdown === 'string' ? markdown : ''),
  );
  // The library photos a body places (a JSON array): the triggers of migration 0010 keep article_body_photos, the
  // photos' "uses" in article bodies, in step with every write of articles.body (lib/body-photos.ts).
  sqlite.function('kiosque_body_photos', { deterministic: true, varargs: false }, (markdown: unknown) => bodyPhotoRefsJson(markdown));
  return drizzle({ client: sqlite, schema }) as Db;
}

const globalForDb = globalThis as unknown as { kiosqueDb?: Db };

/** The process-wide connection, opened on first use from DATABASE_PATH. */
export function getDb(): Db {
  if (!globalForDb.kiosqueDb) {
    globalForDb.kiosqueDb = openDatabase(process.env.DATABASE_PATH || 'data/kiosque.db');
  }
  return globalForDb.kiosqueDb;
}
