/**
 * The one visibility rule of Kiosque: a reader sees an article version only when its status is `published` and
 * its publication time has passed. Every reader query says so through this module, never in its own words.
 *
 * `scheduled` rows are not visible here, whatever their time: the scheduler (lib/scheduler.ts) turns them into
 * `published` when their time comes, so a reader never sees one that the refresh of the caches has not followed.
 * The status is an equality on 'published' so that the listing indexes (locale, status, published_at) stay the
 * way in (tests/query-plans.test.ts).
 */
import { and, eq, lte, sql, type SQL } from 'drizzle-orm';
import { articles } from './schema';

export const VISIBLE_STATUS = 'published' as const;

/** Drizzle condition on the `articles` table. */
export function isVisible(now: Date = new Date()): SQL {
  return and(eq(articles.status, VISIBLE_STATUS), lte(articles.publishedAt, now))!;
}

/**
 * The same rule with unary `+` on each column: keeps SQLite from choosing a listing index when the ids are the
 * way in (lookups of given ids).
 */
export function isVisibleById(now: Date = new Date()): SQL {
  return sql`+${articles.status} = ${VISIBLE_STATUS} and +${articles.publishedAt} <= ${now.getTime()}`;
}

/**
 * The same rule as a raw SQL fragment for prepared statements: `alias.status = 'published' and alias.published_at
 * <= @now` (the statement binds the current time in milliseconds as `now`, or the given parameter name). `byId`
 * adds the unary `+` for joins that reach the row by another key (without planner statistics SQLite would
 * otherwise walk the articles_schedule index, every published row, for each joined row).
 */
export function visibleSql(alias: string, nowParam = 'now', options: { byId?: boolean } = {}): string {
  if (!/^[a-z_][a-z0-9_]*$/i.test(alias) || !/^[a-z_][a-z0-9_]*$/i.test(nowParam)) throw new Error('visibleSql: bad identifier');
  const plus = options.byId ? '+' : '';
  return `${plus}${alias}.status = '${VISIBLE_STATUS}' and ${plus}${alias}.published_at <= @${nowParam}`;
}
