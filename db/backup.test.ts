import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackupError, backupDatabase, backupFileName, restoreDatabase } from './backup';
import { openDatabase } from './client';
import { DatabaseNewerThanCodeError, migrateDatabase } from './migrate';

let dir: string;
const children: ChildProcess[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosque-backup-'));
});

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** A migrated Kiosque database with an extra `ticks` table the writer fills with 1, 2, 3, … */
function kiosqueDb(path: string) {
  const db = openDatabase(path);
  migrateDatabase(db);
  db.$client.exec('create table ticks (n integer primary key)');
  db.$client.close();
}

/** Another process writing one row per transaction, as fast as it can (like the newsroom or the view flush). */
function startWriter(path: string): ChildProcess {
  const code = `
    const Database = require('better-sqlite3');
    const db = new Database(process.argv[1]);
    db.pragma('journal_mode = WAL'); db.pragma('busy_timeout = 5000'); db.pragma('synchronous = NORMAL');
    const insert = db.prepare('insert into ticks (n) values (?)');
    let n = db.prepare('select coalesce(max(n), 0) as n from ticks').get().n;
    const loop = () => { for (let i = 0; i < 20; i++) insert.run(++n); setImmediate(loop); };
    loop();`;
  const child = spawn(process.execPath, ['-e', code, path], { stdio: 'ignore', cwd: process.cwd() });
  children.push(child);
  return child;
}

function ticks(path: string): { count: number; max: number } {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    return db.prepare('select count(*) as count, coalesce(max(n), 0) as max from ticks').get() as { count: number; max: number };
  } finally {
    db.close();
  }
}

async function waitFor(check: () => boolean, ms = 10_000) {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('backup under write load, then restore', () => {
  it('copies a consistent snapshot and restores it with nothing lost up to the backup point', async () => {
    const live = join(dir, 'kiosque.db');
    kiosqueDb(live);
    const writer = startWriter(live);
    await waitFor(() => ticks(live).count >= 2000);
    const before = ticks(live).max;

    const backup = await backupDatabase(live, join(dir, 'backups', 'b.db'));
    const afterBackup = ticks(live).max;
    writer.kill('SIGKILL');
    await new Promise((r) => writer.once('exit', r));

    // The backup holds every row committed before it started, without gaps (a consistent snapshot), and the
    // writer kept going during the backup.
    const copied = ticks(backup.path);
    expect(copied.max).toBeGreaterThanOrEqual(before);
    expect(copied.count).toBe(copied.max);
    expect(ticks(live).max).toBeGreaterThan(before);
    expect(afterBackup).toBeGreaterThan(0);
    expect(existsSync(`${backup.path}-wal`)).toBe(false);

    // Restore over the (now stopped) live database: the backup's content, intact, and the old file kept.
    const liveRowsBefore = ticks(live).count;
    const restored = await restoreDatabase(backup.path, live);
    expect(restored.previous).toBe(`${live}.bak`);
    expect(ticks(live)).toEqual(copied);
    expect(ticks(`${live}.bak`).count).toBe(liveRowsBefore);
    const check = new Database(live, { readonly: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    check.close();
  }, 60_000);

  it('names backups by UTC time and never overwrites one', async () => {
    expect(backupFileName(new Date('2026-11-27T00:45:12.345Z'))).toBe('kiosque-20261127T004512.db');
    const live = join(dir, 'kiosque.db');
    kiosqueDb(live);
    const first = await backupDatabase(live);
    expect(first.path).toBe(join(dir, 'backups', first.path.split('/').pop()!));
    await expect(backupDatabase(live, first.path)).rejects.toThrow(/already exists/);
  });
});

describe('restore refuses what it must not install', () => {
  let live: string;
  beforeEach(() => {
    live = join(dir, 'kiosque.db');
    kiosqueDb(live);
  });

  it('a damaged file', async () => {
    const bad = join(dir, 'bad.db');
    const bytes = readFileSync(live);
    bytes.fill(0x5a, 4096, 12_288); // scribble over pages 2 and 3
    writeFileSync(bad, bytes);
    await expect(restoreDatabase(bad, live)).rejects.toBeInstanceOf(BackupError);
    expect(existsSync(`${live}.bak`)).toBe(false);
  });

  it('a file that is not a database, or not a Kiosque one', async () => {
    const text = join(dir, 'notes.db');
    writeFileSync(text, 'hello');
    await expect(restoreDatabase(text, live)).rejects.toThrow(BackupError);
    const other = join(dir, 'other.db');
    new Database(other).exec('create table t (x)').close();
    await expect(restoreDatabase(other, live)).rejects.toThrow(/not a Kiosque database/);
  });

  it('a backup migrated by a newer Kiosque', async () => {
    const newer = join(dir, 'newer.db');
    await backupDatabase(live, newer);
    const db = new Database(newer);
    db.prepare('insert into __drizzle_migrations (hash, created_at) values (?, ?)').run('from-the-future', Date.now() + 365 * 86_400_000);
    db.close();
    await expect(restoreDatabase(newer, live)).rejects.toBeInstanceOf(DatabaseNewerThanCodeError);
  });

  it('replacing a database another process still has open', async () => {
    const backup = await backupDatabase(live, join(dir, 'b.db'));
    const portal = new Database(live);
    portal.pragma('journal_mode = WAL');
    portal.prepare('select count(*) from articles').get();
    try {
      await expect(restoreDatabase(backup.path, live)).rejects.toThrow(/open in another process/);
    } finally {
      portal.close();
    }
    await expect(restoreDatabase(backup.path, live)).resolves.toMatchObject({ path: live });
  });
});
