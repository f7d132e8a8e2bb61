/**
 * For the newsroom e2e specs: what the database says after a newsroom action in the browser, and waiting for
 * what a reader sees. The specs drive the product through its UI; these helpers only read the e2e database
 * (data/e2e.db) — except `scheduleForTest`, a fixture that prepares a scheduled article directly in the
 * database, for the "no traffic" scheduler check (the server's scheduler discovers it within its one-minute
 * safety net, then publishes it on time).
 */
import Database from 'better-sqlite3';
import { expect, type APIRequestContext } from '@playwright/test';
import { E2E_DB } from './fixtures';

export function openNewsroomDb(path = E2E_DB): Database.Database {
  const db = new Database(path);
  db.pragma('busy_timeout = 5000');
  return db;
}

export interface ArticleState {
  id: number;
  locale: 'fr' | 'en';
  slug: string;
  title: string;
  status: string;
  version: number;
  publishedAt: number | null;
  categorySlug: string;
  readerPath: string;
}

/** An article's state by title (newest first when several share it), with the reader path it has or would have. */
export function articleByTitle(db: Database.Database, title: string): ArticleState | undefined {
  return db
    .prepare(
      `select a.id, a.locale, a.slug, a.title, a.status, a.version, a.published_at as publishedAt, c.slug as categorySlug,
              '/' || a.locale || '/' || c.slug || '/' || a.slug as readerPath
       from articles a join category_translations c on c.category_id = a.category_id and c.locale = a.locale
       where a.title = ? order by a.id desc limit 1`,
    )
    .get(title) as ArticleState | undefined;
}

/** The audit trail of one article, oldest first: `actor action`. */
export function auditTrail(db: Database.Database, articleId: number): string[] {
  return (db.prepare(`select actor, action from audit_log where target_type = 'article' and target_id = ? order by id`).all(String(articleId)) as { actor: string; action: string }[]).map(
    (l) => `${l.actor} ${l.action}`,
  );
}

export function isGone(db: Database.Database, path: string): boolean {
  return db.prepare('select 1 from gone_urls where path = ?').get(path) !== undefined;
}

/**
 * Test fixture: makes an existing draft scheduled for `at` (as the newsroom's "schedule" does, without its audit
 * line). Use it only to check the scheduler with no traffic; the newsroom UI is the real way to schedule.
 */
export function scheduleForTest(db: Database.Database, articleId: number, at: Date): void {
  db.prepare(`update articles set status = 'scheduled', published_at = ? where id = ?`).run(at.getTime(), articleId);
}

/** Polls `url` until `check(status, body)` holds, for at most `seconds` (default 5: the newsroom's promise). */
export async function expectReaderSees(
  request: APIRequestContext,
  url: string,
  check: (status: number, body: string) => boolean,
  seconds = 5,
): Promise<void> {
  await expect
    .poll(
      async () => {
        const res = await request.get(url, { maxRedirects: 0 });
        return check(res.status(), await res.text());
      },
      { timeout: seconds * 1000, intervals: [250] },
    )
    .toBe(true);
}
