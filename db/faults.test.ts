/**
 * The database under stress: another process holding the write lock (the newsroom, a backup), a read-only
 * database file, a full disk. Readers must keep getting content; writes fail cleanly with a log line.
 */
import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setLogSink } from '@/lib/log';
import { listArticles } from './articles';
import { getDb, openDatabase, type Db } from './client';
import { migrateDatabase } from './migrate';
import { seedDemo } from './seed';
import { createUser, findUserById, setRole } from './users';
import { safeWrite } from './write';

let dir: string;
let seeded: string;
const children: ChildProcess[] = [];
const globalForDb = globalThis as unknown as { kiosqueDb?: Db };

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosque-faults-'));
  seeded = join(dir, 'seeded.db');
  const db = openDatabase(seeded);
  migrateDatabase(db);
  seedDemo(db);
  db.$client.pragma('wal_checkpoint(TRUNCATE)');
  db.$client.close();
});

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  globalForDb.kiosqueDb?.$client.close();
  delete globalForDb.kiosqueDb;
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The portal's own connection (getDb) on a fresh copy of the seeded database. */
function portalOn(name: string): string {
  const path = join(dir, name);
  copyFileSync(seeded, path);
  process.env.DATABASE_PATH = path;
  getDb();
  return path;
}

/** Another process that takes the write lock (BEGIN IMMEDIATE, one write) and keeps it for `ms`. */
async function holdWriteLock(path: string, ms: number): Promise<ChildProcess> {
  const code = `
    const db = new (require('better-sqlite3'))(process.argv[1]);
    db.pragma('journal_mode = WAL');
    db.exec('BEGIN IMMEDIATE');
    db.prepare("update articles set updated_at = updated_at where id = (select min(id) from articles)").run();
    process.stdout.write('locked\\n');
    setTimeout(() => { db.exec('COMMIT'); db.close(); process.stdout.write('released\\n'); }, Number(process.argv[2]));`;
  const child = spawn(process.execPath, ['-e', code, path, String(ms)], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (data: Buffer) => data.toString().includes('locked') && resolve());
    child.once('exit', (code) => reject(new Error(`lock holder exited with ${code}`)));
  });
  return child;
}

function captureLogs() {
  const lines: Record<string, unknown>[] = [];
  const restore = setLogSink((line) => lines.push(JSON.parse(line)));
  return { lines, restore };
}

const touchArticle = (db: Db) => db.$client.prepare('update articles set updated_at = updated_at where id = (select min(id) from articles)').run().changes;

describe('SQLite busy: another process holds the write lock', () => {
  it('readers keep getting articles at full speed (WAL)', async () => {
    portalOn('busy-read.db');
    await holdWriteLock(process.env.DATABASE_PATH!, 3000);
    const started = performance.now();
    const cards = listArticles('fr', {}, 10);
    expect(performance.now() - started).toBeLessThan(500);
    expect(cards).toHaveLength(10);
  });

  it('a write waits for the lock and succeeds when it is released within busy_timeout', async () => {
    portalOn('busy-wait.db');
    const holder = await holdWriteLock(process.env.DATABASE_PATH!, 600);
    const started = performance.now();
    const result = safeWrite('touch', touchArticle);
    expect(result).toEqual({ ok: true, value: 1 });
    expect(performance.now() - started).toBeGreaterThan(300); // it did wait for the other process
    await new Promise((r) => holder.once('exit', r));
  });

  it('a newsroom change that reads before it writes waits for another process’s write instead of failing', async () => {
    // A deferred transaction would read first, then find its snapshot stale once the other writer commits
    // (SQLITE_BUSY at once, busy_timeout or not). Every newsroom write transaction takes the lock first.
    portalOn('busy-read-then-write.db');
    const system = { id: null, label: 'system' };
    const user = await createUser({ email: 'redaction@example.org', name: 'Rédaction', role: 'author', password: 'une phrase de passe assez longue' }, system);
    const holder = await holdWriteLock(process.env.DATABASE_PATH!, 400);
    setRole(user.id, 'editor', system);
    expect(findUserById(user.id)?.role).toBe('editor');
    await new Promise((r) => holder.once('exit', r));
  });

  it('a write that waits longer than busy_timeout fails cleanly with a log line; reads go on', async () => {
    portalOn('busy-fail.db');
    getDb().$client.pragma('busy_timeout = 300');
    await holdWriteLock(process.env.DATABASE_PATH!, 5000);
    const { lines, restore } = captureLogs();
    const started = performance.now();
    const result = safeWrite('touch', touchArticle);
    const waited = performance.now() - started;
    restore();
    expect(result).toEqual({ ok: false, code: 'SQLITE_BUSY' });
    expect(waited).toBeGreaterThanOrEqual(250);
    expect(waited).toBeLessThan(3000);
    expect(lines).toContainEqual(expect.objectContaining({ level: 'error', msg: 'db_write_failed', operation: 'touch', code: 'SQLITE_BUSY' }));
    expect(listArticles('en', {}, 5)).toHaveLength(5);
  });
});

describe('read-only database file', () => {
  // chmod 0444 does not stop root (the tests run as root: CAP_DAC_OVERRIDE bypasses file modes), so the file is
  // opened with SQLITE_OPEN_READONLY — the state SQLite falls back to when a non-root process cannot write the
  // file, with the same SQLITE_READONLY errors on write.
  it('writes fail with a logged JSON error line while reading continues', () => {
    const path = join(dir, 'readonly.db');
    copyFileSync(seeded, path);
    const db = openDatabase(path, { readonly: true });
    const { lines, restore } = captureLogs();
    const result = safeWrite('touch', touchArticle, db);
    restore();
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.code).toMatch(/^SQLITE_READONLY/);
    expect(lines[0]).toMatchObject({ level: 'error', msg: 'db_write_failed', operation: 'touch' });
    process.env.DATABASE_PATH = path;
    globalForDb.kiosqueDb = db;
    expect(listArticles('fr', {}, 3)).toHaveLength(3);
  });
});

describe('full disk', () => {
  // A full disk is simulated with max_page_count: SQLite then fails writes with SQLITE_FULL ("database or disk
  // is full"), the error it returns on ENOSPC.
  it('writes fail with SQLITE_FULL and a log line, nothing half-written, reads continue', () => {
    const path = portalOn('full.db');
    const client = getDb().$client;
    const pages = client.pragma('page_count', { simple: true }) as number;
    client.pragma(`max_page_count = ${pages}`);
    const { lines, restore } = captureLogs();
    const result = safeWrite('bulk', (db) => {
      const insert = db.$client.prepare('insert into article_views_daily (article_id, day, views) values ((select min(id) from articles), ?, 1)');
      for (let i = 0; i < 5000; i++) insert.run(`day-${i}`);
    });
    restore();
    expect(result).toEqual({ ok: false, code: 'SQLITE_FULL' });
    expect(lines[0]).toMatchObject({ msg: 'db_write_failed', code: 'SQLITE_FULL' });
    expect(new Database(path, { readonly: true }).prepare("select count(*) as n from article_views_daily where day like 'day-%'").get()).toEqual({ n: 0 });
    expect(listArticles('fr', {}, 3)).toHaveLength(3);
  });
});
