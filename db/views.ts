import { and, eq, sql } from 'drizzle-orm';
import { isVisible } from './visibility';
import { getDb, type Db } from './client';
import { articles, articleViewsDaily } from './schema';
import { safeWrite, type WriteResult } from './write';

/** A view may be counted only for an article a reader can see (published, publication time passed). */
export function isCountableArticle(articleId: number, now = new Date(), db: Db = getDb()): boolean {
  return !!db
    .select({ id: articles.id })
    .from(articles)
    .where(and(eq(articles.id, articleId), isVisible(now)))
    .get();
}

export interface DailyViews {
  articleId: number;
  /** Site day, YYYY-MM-DD in Africa/Douala. */
  day: string;
  views: number;
}

/**
 * Adds aggregated views to the daily table in one transaction (one upsert per article and day). Rows of
 * articles deleted since the views were counted are skipped. Never throws: a refused write (busy, read-only,
 * full disk) is logged by safeWrite and reported as `ok: false`, so the caller can keep the views for later.
 */
export function recordViews(batch: readonly DailyViews[], db: Db = getDb()): WriteResult<void> {
  return safeWrite(
    'record_views',
    (tx) => {
      for (const { articleId, day, views } of batch) {
        if (views <= 0) continue;
        const exists = tx.select({ id: articles.id }).from(articles).where(eq(articles.id, articleId)).get();
        if (!exists) continue;
        tx.insert(articleViewsDaily)
          .values({ articleId, day, views })
          .onConflictDoUpdate({
            target: [articleViewsDaily.articleId, articleViewsDaily.day],
            set: { views: sql`${articleViewsDaily.views} + excluded.views` },
          })
          .run();
      }
    },
    db,
  );
}
