import { readMigrationFiles } from 'drizzle-orm/migrator';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { resolve } from 'node:path';
import type { Db } from './client';

export const MIGRATIONS_FOLDER = resolve(process.cwd(), 'db/migrations');

export class DatabaseNewerThanCodeError extends Error {}

/**
 * Applies pending migrations in one transaction (drizzle's migrator wraps them in BEGIN/COMMIT), and refuses a
 * database that a newer Kiosque has migrated: running old code on it could corrupt what the new code wrote.
 */
export function migrateDatabase(db: Db, migrationsFolder = MIGRATIONS_FOLDER): { applied: number } {
  const known = readMigrationFiles({ migrationsFolder });
  const latestKnown = Math.max(0, ...known.map((m) => m.folderMillis));
  const hashes = new Set(known.map((m) => m.hash));
  const client = db.$client;
  const hasTable = client
    .prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'")
    .get();
  const appliedRows = hasTable
    ? (client.prepare('select hash, created_at as createdAt from __drizzle_migrations').all() as { hash: string; createdAt: number }[])
    : [];
  const unknown = appliedRows.filter((r) => Number(r.createdAt) > latestKnown || !hashes.has(r.hash));
  if (unknown.some((r) => Number(r.createdAt) > latestKnown)) {
    throw new DatabaseNewerThanCodeError(
      `The database was migrated by a newer version of Kiosque (${unknown.length} unknown migration(s)); refusing to run.`,
    );
  }
  migrate(db, { migrationsFolder });
  return { applied: known.length - appliedRows.length };
}
