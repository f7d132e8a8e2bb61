/**
 * Online backup and checked restore of a Kiosque SQLite database.
 *
 * Backup uses SQLite's backup API (better-sqlite3 `db.backup()`): it copies a consistent snapshot while the
 * portal keeps reading and writing (WAL). The copy is a single self-contained file (no -wal), checked with
 * `PRAGMA integrity_check` before it is reported done.
 *
 * Restore refuses a file that is damaged, that is not a Kiosque database, or that a newer Kiosque migrated, and
 * refuses to replace a database that a running process still has open. It writes the new database next to the
 * target, checks it, and moves it into place with an atomic rename; the replaced database is kept as `.bak`.
 */
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, closeSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { assertNotNewerThanCode, MIGRATIONS_FOLDER } from './migrate';

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

/** `kiosque-20261127T004512.db` (UTC). */
export function backupFileName(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, '');
  return `kiosque-${stamp}.db`;
}

function integrity(db: Database.Database): string {
  const rows = db.pragma('integrity_check') as { integrity_check: string }[];
  return rows.map((r) => r.integrity_check).join('; ');
}

function fsyncDir(dir: string) {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Not supported on every platform/filesystem; the rename itself is still atomic.
  }
}

export interface BackupResult {
  path: string;
  bytes: number;
  pages: number;
}

/**
 * Copies the live database at `sourcePath` to `destination` (a file path; default
 * `data/backups/kiosque-<UTC stamp>.db` next to the database's `data/` directory). Safe while the portal runs.
 */
export async function backupDatabase(sourcePath: string, destination?: string): Promise<BackupResult> {
  const source = resolve(sourcePath);
  if (!existsSync(source)) throw new BackupError(`No database at ${source}`);
  const target = resolve(destination ?? join(dirname(source), 'backups', backupFileName()));
  if (existsSync(target)) throw new BackupError(`${target} already exists; not overwriting a backup`);
  mkdirSync(dirname(target), { recursive: true });
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  const db = new Database(source, { fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  let pages = 0;
  try {
    // Copy everything in one step: one read snapshot, so concurrent writers cannot force endless restarts.
    await db.backup(partial, {
      progress: ({ totalPages }) => {
        pages = totalPages;
        return Math.max(totalPages, 1_000_000);
      },
    });
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    db.close();
  }
  const copy = new Database(partial, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE'); // a self-contained file: no -wal to carry around
    const check = integrity(copy);
    if (check !== 'ok') throw new BackupError(`Backup failed its integrity check: ${check}`);
  } catch (error) {
    copy.close();
    rmSync(partial, { force: true });
    throw error;
  }
  copy.close();
  renameSync(partial, target);
  fsyncDir(dirname(target));
  return { path: target, bytes: statSync(target).size, pages };
}

/** Throws a BackupError unless `file` is an intact Kiosque database this code can run on. */
export function checkRestorable(file: string, migrationsFolder = MIGRATIONS_FOLDER): void {
  let db: Database.Database;
  try {
    db = new Database(resolve(file), { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new BackupError(`Cannot open ${file}: ${(error as Error).message}`);
  }
  try {
    let check: string;
    try {
      check = integrity(db);
    } catch (error) {
      throw new BackupError(`${file} is not a readable SQLite database: ${(error as Error).message}`);
    }
    if (check !== 'ok') throw new BackupError(`${file} failed its integrity check: ${check}`);
    const tables = new Set(
      (db.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map((r) => r.name),
    );
    for (const required of ['__drizzle_migrations', 'articles', 'stories']) {
      if (!tables.has(required)) throw new BackupError(`${file} is not a Kiosque database (no ${required} table)`);
    }
    assertNotNewerThanCode(db, migrationsFolder);
  } finally {
    db.close();
  }
}

/** True when some other connection has the database open in WAL mode (its -wal/-shm files stay around). */
function inUse(target: string): boolean {
  if (!existsSync(target)) return false;
  // Opening and closing the last connection checkpoints and removes -wal/-shm; if they survive, someone else
  // (the portal, a newsroom tool) still holds the database open.
  const db = new Database(target, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 2000');
    const mode = db.pragma('journal_mode', { simple: true });
    if (mode === 'wal') db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  return existsSync(`${target}-wal`) || existsSync(`${target}-shm`);
}

export interface RestoreResult {
  path: string;
  previous: string | null;
}

/**
 * Replaces the database at `targetPath` with the backup `backupFile`. Stop the portal first: a database still
 * open elsewhere is refused (its processes would keep writing to the replaced file).
 */
export async function restoreDatabase(backupFile: string, targetPath: string, migrationsFolder = MIGRATIONS_FOLDER): Promise<RestoreResult> {
  const source = resolve(backupFile);
  const target = resolve(targetPath);
  if (source === target) throw new BackupError('The backup and the target are the same file');
  checkRestorable(source, migrationsFolder);
  if (existsSync(target)) {
    const current = new Database(target, { readonly: true, fileMustExist: true });
    try {
      assertNotNewerThanCode(current, migrationsFolder);
    } finally {
      current.close();
    }
    if (inUse(target)) throw new BackupError(`${target} is open in another process (stop the portal before restoring)`);
  }
  mkdirSync(dirname(target), { recursive: true });
  const temp = join(dirname(target), `.${basename(target)}.restore-${process.pid}.tmp`);
  rmSync(temp, { force: true });
  try {
    const from = new Database(source, { readonly: true, fileMustExist: true });
    try {
      await from.backup(temp);
    } finally {
      from.close();
    }
    const check = new Database(temp, { fileMustExist: true });
    try {
      const result = integrity(check);
      if (result !== 'ok') throw new BackupError(`The restored copy failed its integrity check: ${result}`);
      check.pragma('journal_mode = WAL');
    } finally {
      check.close();
    }
    let previous: string | null = null;
    if (existsSync(target)) {
      previous = `${target}.bak`;
      copyFileSync(target, previous);
    }
    rmSync(`${target}-wal`, { force: true });
    rmSync(`${target}-shm`, { force: true });
    renameSync(temp, target);
    fsyncDir(dirname(target));
    return { path: target, previous };
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
