import { readMigrationFiles } from 'drizzle-orm/migrator';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { resolve } from 'node:path';
import type { Db } from './client';

export const MIGRATIONS_FOLDER = resolve(process.cwd(), 'db/migrations');

export class DatabaseNewerThanCodeError extends Error {}

/**
 * Throws `DatabaseNewerThanCodeError` when the database records a migration later than any this code knows
 * (a newer Kiosque migrated it). Works on any better-sqlite3 connection, read-only included.
 */
export function assertNotNewerThanCode(client: Db['$client'], migrationsFolder = MIGRATIONS_FOLDER): { known: number; applied: number } {
  const known = readMigrationFiles({ migrationsFolder });
  const latestKnown = Math.max(0, ...known.map((m) => m.folderMillis));
  const hasTable = client
    .prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'")
    .get();
  const appliedRows = hasTable
    ? (client.prepare('select hash, created_at as createdAt from __drizzle_migrations').all() as { hash: string; createdAt: number }[])
    : [];
  const newer = appliedRows.filter((r) => Number(r.createdAt) > latestKnown);
  if (newer.length > 0) {
    throw new DatabaseNewerThanCodeError(
      `The database was migrated by a newer version of Kiosque (${newer.length} unknown migration(s)); refusing to run.`,
    );
  }
  return { known: known.length, applied: appliedRows.length };
}

/**
 * Applies pending migrations in one transaction (drizzle's migrator wraps them in BEGIN/COMMIT), and refuses a
 * database that a newer Kiosque has migrated: running old code on it could corrupt what the new code wrote.
 */
export function migrateDatabase(db: Db, migrationsFolder = MIGRATIONS_FOLDER): { applied: number } {
  const { known, applied } = assertNotNewerThanCode(db.$client, migrationsFolder);
  if (known === applied) return { applied: 0 };
  // Table rebuilds (the only way SQLite changes a CHECK constraint) drop and recreate a parent table: with foreign
  // keys on, that DROP would cascade into every child row. SQLite's documented procedure: keys off outside the
  // transaction, migrate, then verify every reference before turning them back on.
  const client = db.$client;
  const keysWereOn = client.pragma('foreign_keys', { simple: true }) === 1;
  client.pragma('foreign_keys = OFF');
  try {
    migrate(db, { migrationsFolder });
    const broken = client.pragma('foreign_key_check') as unknown[];
    if (broken.length > 0) throw new Error(`migration left ${broken.length} broken foreign key reference(s)`);
  } finally {
    if (keysWereOn) client.pragma('foreign_keys = ON');
  }
  return { applied: known - applied };
}
