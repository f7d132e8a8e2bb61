/**
 * `npm run db:generate` fills the full-text index on worker threads (scripts/generate/text-workers.ts): the index
 * must hold exactly what the triggers would have written, for every article, and search must find it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';

const dir = mkdtempSync(join(tmpdir(), 'kiosque-generate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the large-data generator', () => {
  it('indexes the text readers see of every article, as the triggers would', { timeout: 60_000 }, () => {
    const out = join(dir, 'gen.db');
    const run = spawnSync('node_modules/.bin/tsx', ['scripts/generate-data.ts', '--articles', '600', '--out', out], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const db = openDatabase(out).$client;
    try {
      const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
      expect(count('SELECT count(*) AS n FROM articles')).toBe(600);
      expect(count('SELECT count(*) AS n FROM articles_fts')).toBe(600);
      // kiosque_text is the function the triggers call: the worker threads' text must be the same, byte for byte.
      expect(
        count(
          `SELECT count(*) AS n FROM articles a LEFT JOIN articles_fts f ON f.rowid = a.id
           WHERE f.rowid IS NULL OR f.body IS NOT kiosque_text(a.body) OR f.title IS NOT a.title OR f.standfirst IS NOT a.standfirst`,
        ),
      ).toBe(0);
      // No Markdown syntax reached the index (the bodies have headings and emphasis).
      expect(count("SELECT count(*) AS n FROM articles WHERE body LIKE '%## %' OR body LIKE '%**%'")).toBeGreaterThan(0);
      expect(count("SELECT count(*) AS n FROM articles_fts WHERE body LIKE '%## %' OR body LIKE '%**%'")).toBe(0);
    } finally {
      db.close();
    }
  });
});
