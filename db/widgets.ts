import { and, asc, count, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Locale } from '@/i18n/routing';
import { siteDay } from '@/lib/format';
import { cardsByIds, listArticles, type ArticleCard } from './articles';
import { isVisible } from './visibility';
import { getDb } from './client';
import { articles, articleTags, articleViewsDaily, categories, categoryTranslations, tagTranslations } from './schema';

/*
 * The four reader widgets. Each is one function, each query is driven by an index (tests/query-plans.test.ts),
 * and each is limited to the reader's language and to what a reader may see (published, publication time passed).
 */

const DAY_MS = 86_400_000;

/** The site days (Africa/Douala, YYYY-MM-DD) of the rolling window ending today: today and the `days - 1` before. */
export function siteDayWindow(now: Date, days: number): { from: string; to: string } {
  // Africa/Douala is UTC+1 all year (no DST), so whole days back from now land on the previous site days.
  return { from: siteDay(new Date(now.getTime() - (days - 1) * DAY_MS)), to: siteDay(now) };
}

export interface HotArticle extends ArticleCard {
  views: number;
}

export const HOT_WINDOW_DAYS = 7;

/** The most-read articles of `locale` over the last 7 site days, most read first. */
export function hotThisWeek(locale: Locale, limit = 5, now = new Date()): HotArticle[] {
  const { from, to } = siteDayWindow(now, HOT_WINDOW_DAYS);
  const total = sql<number>`sum(${articleViewsDaily.views})`;
  const rows = getDb()
    .select({ id: articleViewsDaily.articleId, views: total })
    // CROSS JOIN fixes the join order in SQLite: walk the week's rows of article_views_daily (index on day),
    // then look each article up by id — never all the articles of a language.
    .from(articleViewsDaily)
    .crossJoin(articles)
    .where(
      and(
        gte(articleViewsDaily.day, from),
        lte(articleViewsDaily.day, to),
        eq(articles.id, articleViewsDaily.articleId),
        eq(articles.locale, locale),
        isVisible(now),
      ),
    )
    .groupBy(articleViewsDaily.articleId)
    .orderBy(desc(total), desc(articleViewsDaily.articleId))
    .limit(limit)
    .all();
  const views = new Map(rows.map((r) => [r.id, Number(r.views)]));
  return cardsByIds(
    locale,
    rows.map((r) => r.id),
    now,
  ).map((card) => ({ ...card, views: views.get(card.id) ?? 0 }));
}

export interface CategoryCount {
  id: number;
  key: string;
  slug: string;
  name: string;
  count: number;
}

/** Sections with the number of articles a reader of `locale` can see in each, most first (empty ones left out). */
export function popularCategories(locale: Locale, now = new Date()): CategoryCount[] {
  // A correlated count per section walks the covering index articles_category_listing
  // (category_id, locale, status, published_at): no article row is read.
  const n = sql<number>`(select count(*) from ${articles} where ${articles.categoryId} = ${categories.id}
    and ${articles.locale} = ${locale} and ${isVisible(now)})`;
  const rows = getDb()
    .select({ id: categories.id, key: categories.key, slug: categoryTranslations.slug, name: categoryTranslations.name, count: n })
    .from(categories)
    .innerJoin(categoryTranslations, and(eq(categoryTranslations.categoryId, categories.id), eq(categoryTranslations.locale, locale)))
    .orderBy(asc(categories.position), asc(categories.id))
    .all();
  return rows
    .map((r) => ({ ...r, count: Number(r.count) }))
    .filter((r) => r.count > 0)
    .sort((a, b) => b.count - a.count);
}

export interface TopicCount {
  id: number;
  slug: string;
  name: string;
  count: number;
}

export const TOPICS_WINDOW_DAYS = 28;

/** The topics most used by articles of `locale` published in the last four weeks, most used first. */
export function recentTopics(locale: Locale, limit = 12, now = new Date(), windowDays = TOPICS_WINDOW_DAYS): TopicCount[] {
  const since = new Date(now.getTime() - windowDays * DAY_MS);
  const n = count(articleTags.articleId);
  return getDb()
    .select({ id: tagTranslations.tagId, slug: tagTranslations.slug, name: tagTranslations.name, count: n })
    .from(articles)
    .innerJoin(articleTags, eq(articleTags.articleId, articles.id))
    .innerJoin(tagTranslations, and(eq(tagTranslations.tagId, articleTags.tagId), eq(tagTranslations.locale, locale)))
    .where(and(eq(articles.locale, locale), isVisible(now), gte(articles.publishedAt, since)))
    .groupBy(tagTranslations.tagId)
    .orderBy(desc(n), asc(tagTranslations.name))
    .limit(limit)
    .all();
}

export interface RelatedSource {
  id: number;
  locale: string;
  categoryId: number;
}

/** How much a shared topic, the same section and freshness weigh in the related score. */
export const RELATED_WEIGHTS = { sharedTag: 10, sameSection: 4, recency: 3, recencyHalfDays: 14 } as const;

/**
 * Candidates per shared topic: the newest article versions tagged with it (index article_tags_tag, newest id
 * first). A popular topic can hold tens of thousands of articles: scoring them all took 270–430 ms per article
 * page at 100,000 articles, and the recency weight makes old ones lose anyway.
 */
export const RELATED_CANDIDATES_PER_TOPIC = 300;

/**
 * Articles to read next: same language, never the article itself, scored by the number of shared topics,
 * same section and recency; when fewer than `limit` share a topic, filled with the latest of the same section.
 */
export function relatedArticles(article: RelatedSource, limit = 4, now = new Date()): ArticleCard[] {
  const locale = article.locale as Locale;
  const w = RELATED_WEIGHTS;
  const shared = count(articleTags.tagId);
  const score = sql<number>`${shared} * ${sql.raw(String(w.sharedTag))}
    + (case when ${articles.categoryId} = ${article.categoryId} then ${sql.raw(String(w.sameSection))} else 0 end)
    + ${sql.raw(String(w.recency))} / (1.0 + (${now.getTime()} - ${articles.publishedAt}) / ${sql.raw(`${DAY_MS * w.recencyHalfDays}.0`)})`;
  const db = getDb();
  const sourceTags = db.select({ tagId: articleTags.tagId }).from(articleTags).where(eq(articleTags.articleId, article.id)).all().map((r) => r.tagId);
  const candidates = new Set<number>();
  for (const tagId of sourceTags) {
    const newest = db
      .select({ id: articleTags.articleId })
      .from(articleTags)
      .where(eq(articleTags.tagId, tagId))
      .orderBy(desc(articleTags.articleId))
      .limit(RELATED_CANDIDATES_PER_TOPIC)
      .all();
    for (const { id } of newest) if (id !== article.id) candidates.add(id); // never the article itself
  }
  let rows: { id: number; score: number }[] = [];
  if (candidates.size) {
    rows = db
      .select({ id: articles.id, score })
      // CROSS JOIN: start from the candidates' topic rows (primary key of article_tags), then each article by id.
      .from(articleTags)
      .crossJoin(articles)
      .where(
        and(
          // Up to 300 ids per topic: one JSON parameter instead of one bound parameter each (building and binding
          // ~1,000 parameters was most of this function's time on a cache miss).
          sql`${articleTags.articleId} in (select value from json_each(${JSON.stringify([...candidates])}))`,
          inArray(articleTags.tagId, sourceTags),
          eq(articles.id, articleTags.articleId),
          eq(articles.locale, locale),
          isVisible(now),
        ),
      )
      .groupBy(articles.id)
      .orderBy(desc(score), desc(articles.id))
      .limit(limit)
      .all();
  }
  const ids = rows.map((r) => r.id);
  const cards = cardsByIds(locale, ids, now);
  if (cards.length < limit) {
    cards.push(...listArticles(locale, { categoryId: article.categoryId, excludeIds: [article.id, ...ids] }, limit - cards.length, 0, now));
  }
  return cards;
}
