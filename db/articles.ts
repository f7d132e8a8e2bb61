import { and, asc, count, desc, eq, exists, inArray, ne, sql } from 'drizzle-orm';
import type { Locale } from '@/i18n/routing';
import { getDb, type Db } from './client';
import { isVisible, isVisibleById } from './visibility';
import { memoize } from '@/lib/memo';
import { photoForPage, type PhotoForPage } from './media';
import {
  articles,
  articleSlugHistory,
  articleTags,
  authors,
  authorTranslations,
  articleCorrections,
  categoryTranslations,
  tagTranslations,
  type ArticleGenre,
} from './schema';

/** What every listing shows of an article: headline, standfirst, image, byline, time and section. */
export interface ArticleCard {
  id: number;
  locale: string;
  slug: string;
  title: string;
  standfirst: string;
  kind: 'article' | 'video';
  /** Editorial genre: cards and articles show a label for every genre but news. */
  genre: ArticleGenre;
  videoDurationSeconds: number | null;
  heroImage: string | null;
  heroWidth: number | null;
  heroHeight: number | null;
  heroAlt: string;
  /** A library photo (issue 12) in the article's language: wins over `heroImage` (the drawn illustrations). */
  photo: PhotoForPage | null;
  publishedAt: Date;
  updatedAt: Date;
  category: { id: number; slug: string; name: string };
  author: { id: number; slug: string; name: string; kind: 'person' | 'agency' };
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageCount: number;
}

export { isVisible } from './visibility';

const cardColumns = {
  id: articles.id,
  locale: articles.locale,
  slug: articles.slug,
  title: articles.title,
  standfirst: articles.standfirst,
  kind: articles.kind,
  genre: articles.genre,
  videoDurationSeconds: articles.videoDurationSeconds,
  heroImage: articles.heroImage,
  heroWidth: articles.heroWidth,
  heroHeight: articles.heroHeight,
  heroAlt: articles.heroAlt,
  heroMediaId: articles.heroMediaId,
  publishedAt: articles.publishedAt,
  updatedAt: articles.updatedAt,
  categoryId: articles.categoryId,
  categorySlug: categoryTranslations.slug,
  categoryName: categoryTranslations.name,
  authorId: articles.authorId,
  authorSlug: authorTranslations.slug,
  authorName: authorTranslations.name,
  authorKind: authors.kind,
};

type CardRow = ReturnType<ReturnType<typeof selectCards>['all']>[number];

function toCard(row: CardRow): ArticleCard {
  return {
    id: row.id,
    locale: row.locale,
    slug: row.slug,
    title: row.title,
    standfirst: row.standfirst,
    kind: row.kind,
    genre: row.genre,
    videoDurationSeconds: row.videoDurationSeconds,
    heroImage: row.heroImage,
    heroWidth: row.heroWidth,
    heroHeight: row.heroHeight,
    heroAlt: row.heroAlt,
    photo: row.heroMediaId ? photoForPage(row.heroMediaId, row.locale) : null,
    publishedAt: row.publishedAt ?? row.updatedAt,
    updatedAt: row.updatedAt,
    category: { id: row.categoryId, slug: row.categorySlug, name: row.categoryName },
    author: { id: row.authorId, slug: row.authorSlug, name: row.authorName, kind: row.authorKind },
  };
}

/** Cards query: article joined with its section and byline in the article's own language. */
function selectCards(db: Db) {
  return db
    .select(cardColumns)
    .from(articles)
    .innerJoin(
      categoryTranslations,
      and(eq(categoryTranslations.categoryId, articles.categoryId), eq(categoryTranslations.locale, articles.locale)),
    )
    .innerJoin(
      authorTranslations,
      and(eq(authorTranslations.authorId, articles.authorId), eq(authorTranslations.locale, articles.locale)),
    )
    .innerJoin(authors, eq(authors.id, articles.authorId));
}

export interface ListFilter {
  categoryId?: number;
  authorId?: number;
  tagId?: number;
  kind?: 'article' | 'video';
  excludeIds?: number[];
}

/**
 * How a topic filter reaches its articles. `tagged`: from the topic's rows in article_tags, each article looked
 * up and the whole set sorted (cost grows with the topic's size). `newest`: down the listing index, newest first,
 * each article checked for the topic, stopping at the page's end (cost grows with the page's depth divided by
 * the topic's share of the archive). SQLite picks `tagged` for an IN filter; on a topic holding 10 % of 100,000
 * articles that sorted ~10,000 rows for 12 (60–100 ms), so pageOfArticles chooses by the numbers it has.
 */
export type TagPlan = 'tagged' | 'newest';

function filterConditions(locale: Locale, filter: ListFilter, now: Date, tagPlan: TagPlan = 'tagged') {
  const conditions = [eq(articles.locale, locale), isVisible(now)];
  if (filter.categoryId !== undefined) conditions.push(eq(articles.categoryId, filter.categoryId));
  if (filter.authorId !== undefined) conditions.push(eq(articles.authorId, filter.authorId));
  if (filter.kind !== undefined) conditions.push(eq(articles.kind, filter.kind));
  if (filter.tagId !== undefined) {
    const db = getDb();
    conditions.push(
      tagPlan === 'newest'
        ? exists(db.select({ one: sql`1` }).from(articleTags).where(and(eq(articleTags.articleId, articles.id), eq(articleTags.tagId, filter.tagId))))
        : inArray(articles.id, db.select({ id: articleTags.articleId }).from(articleTags).where(eq(articleTags.tagId, filter.tagId))),
    );
  }
  for (const id of filter.excludeIds ?? []) conditions.push(ne(articles.id, id));
  return and(...conditions);
}

/** Newest first, most recent publication time; ties broken by id for a stable order across pages. */
export function listArticles(locale: Locale, filter: ListFilter, limit: number, offset = 0, now = new Date(), tagPlan: TagPlan = 'tagged'): ArticleCard[] {
  const rows = selectCards(getDb())
    .where(filterConditions(locale, filter, now, tagPlan))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(limit)
    .offset(offset)
    .all();
  return rows.map(toCard);
}

export function countArticles(locale: Locale, filter: ListFilter, now = new Date()): number {
  const row = getDb().select({ n: count() }).from(articles).where(filterConditions(locale, filter, now)).get();
  return row?.n ?? 0;
}

/** Visible articles in a language, at most a minute old: only an estimate for choosing a topic page's plan. */
const visibleArticles = memoize(60_000, (locale: Locale) => countArticles(locale, {}));

/**
 * The cheaper way to a topic's page (see TagPlan): walking the listing index reads about (offset + limit) ×
 * all / tagged entries; reading the topic's rows looks up all `tagged` articles and sorts them, about twice the
 * work per row (measured at 100,000 articles: 9,800 tagged rows 38 ms; a 6,000-entry walk 12 ms).
 */
export function topicPagePlan(tagged: number, all: number, offset: number, limit: number): TagPlan {
  if (tagged <= 0) return 'tagged';
  return ((offset + limit) * all) / tagged < 2 * tagged ? 'newest' : 'tagged';
}

export const PAGE_SIZE = 12;

/** One page of a listing, or null when the page number is beyond the last page (→ 404). */
export function pageOfArticles(locale: Locale, filter: ListFilter, page: number, pageSize = PAGE_SIZE): Page<ArticleCard> | null {
  const now = new Date();
  const total = countArticles(locale, filter, now);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  if (!Number.isInteger(page) || page < 1 || page > pageCount) return null;
  const offset = (page - 1) * pageSize;
  const plan = filter.tagId === undefined ? 'tagged' : topicPagePlan(total, visibleArticles(locale), offset, pageSize);
  return { items: listArticles(locale, filter, pageSize, offset, now, plan), total, page, pageCount };
}

export interface ArticleDetail extends ArticleCard {
  storyId: number;
  body: string;
  heroCaption: string;
  heroCredit: string;
  videoUrl: string | null;
  videoTitle: string;
  author: ArticleCard['author'] & { url: string | null };
  tags: { id: number; slug: string; name: string }[];
  /** The other language versions a reader can switch to (published ones only). */
  translations: { locale: Locale; slug: string; categorySlug: string; title: string }[];
  seoTitle: string;
  seoDescription: string;
  /** dateModified: the last change of the text (or a correction), never before the publication. */
  modifiedAt: Date;
  /** The text changed after publication ("Updated" is shown). */
  textUpdated: boolean;
  /** Editors' dated correction notes, oldest first. */
  corrections: { id: number; note: string; createdAt: Date }[];
  /**
   * When the text last changed (articles.text_changed_at, recorded by the newsroom). See lib/article-dates.ts.
   */
  textChangedAt?: Date | null;
}

/** A change within a minute of publication is part of publishing it, not an update. */
const UPDATE_THRESHOLD_MS = 60_000;

function tagsOf(articleId: number, locale: Locale) {
  return getDb()
    .select({ id: tagTranslations.tagId, slug: tagTranslations.slug, name: tagTranslations.name })
    .from(articleTags)
    .innerJoin(tagTranslations, and(eq(tagTranslations.tagId, articleTags.tagId), eq(tagTranslations.locale, locale)))
    .where(eq(articleTags.articleId, articleId))
    .orderBy(asc(tagTranslations.name))
    .all();
}

function translationsOf(storyId: number, exceptId: number, now: Date): ArticleDetail['translations'] {
  return getDb()
    .select({ locale: articles.locale, slug: articles.slug, categorySlug: categoryTranslations.slug, title: articles.title })
    .from(articles)
    .innerJoin(
      categoryTranslations,
      and(eq(categoryTranslations.categoryId, articles.categoryId), eq(categoryTranslations.locale, articles.locale)),
    )
    .where(and(eq(articles.storyId, storyId), ne(articles.id, exceptId), isVisible(now)))
    .all() as ArticleDetail['translations'];
}

export type ArticleLookup =
  | { type: 'found'; article: ArticleDetail }
  | { type: 'redirect'; categorySlug: string; slug: string }
  | { type: 'missing' };

/**
 * Resolves `/{locale}/{categorySlug}/{slug}`. A right slug under the wrong section, or an old slug, answers a
 * redirect to the canonical URL; anything unpublished is missing.
 */
export function findArticle(locale: Locale, categorySlug: string, slug: string, now = new Date()): ArticleLookup {
  const db = getDb();
  const row = selectCards(db)
    .where(and(eq(articles.locale, locale), eq(articles.slug, slug), isVisible(now)))
    .get();
  if (!row) {
    const moved = db
      .select({ slug: articles.slug, categorySlug: categoryTranslations.slug })
      .from(articleSlugHistory)
      .innerJoin(articles, eq(articles.id, articleSlugHistory.articleId))
      .innerJoin(
        categoryTranslations,
        and(eq(categoryTranslations.categoryId, articles.categoryId), eq(categoryTranslations.locale, articles.locale)),
      )
      .where(and(eq(articleSlugHistory.locale, locale), eq(articleSlugHistory.slug, slug), isVisible(now)))
      .get();
    return moved ? { type: 'redirect', ...moved } : { type: 'missing' };
  }
  if (row.categorySlug !== categorySlug) return { type: 'redirect', categorySlug: row.categorySlug, slug: row.slug };
  const article = detailOf(row, now);
  return article ? { type: 'found', article } : { type: 'missing' };
}

/** Any version by id, whatever its state: the newsroom's preview (only ever rendered behind a session). */
export function articleDetailById(id: number, now = new Date()): ArticleDetail | null {
  const row = selectCards(getDb()).where(eq(articles.id, id)).get();
  return row ? detailOf(row, now) : null;
}

function detailOf(row: CardRow, now: Date): ArticleDetail | null {
  const extra = getDb()
    .select({
      storyId: articles.storyId,
      body: articles.body,
      heroCaption: articles.heroCaption,
      heroCredit: articles.heroCredit,
      videoUrl: articles.videoUrl,
      videoTitle: articles.videoTitle,
      authorUrl: authors.url,
      seoTitle: articles.seoTitle,
      seoDescription: articles.seoDescription,
      textChangedAt: articles.textChangedAt,
    })
    .from(articles)
    .innerJoin(authors, eq(authors.id, articles.authorId))
    .where(eq(articles.id, row.id))
    .get();
  if (!extra) return null;
  const card = toCard(row);
  const corrections = getDb()
    .select({ id: articleCorrections.id, note: articleCorrections.note, createdAt: articleCorrections.createdAt })
    .from(articleCorrections)
    .where(eq(articleCorrections.articleId, row.id))
    .orderBy(asc(articleCorrections.createdAt), asc(articleCorrections.id))
    .all();
  const textChanged = extra.textChangedAt?.getTime() ?? 0;
  const modifiedAt = new Date(Math.max(card.publishedAt.getTime(), textChanged));
  return {
    ...card,
    storyId: extra.storyId,
    body: extra.body,
    heroCaption: extra.heroCaption,
    heroCredit: extra.heroCredit,
    videoUrl: extra.videoUrl,
    videoTitle: extra.videoTitle,
    author: { ...card.author, url: extra.authorUrl },
    seoTitle: extra.seoTitle,
    seoDescription: extra.seoDescription,
    modifiedAt,
    textChangedAt: extra.textChangedAt,
    textUpdated: textChanged - card.publishedAt.getTime() > UPDATE_THRESHOLD_MS,
    corrections,
    tags: tagsOf(row.id, row.locale as Locale),
    translations: translationsOf(extra.storyId, row.id, now),
  };
}

/** The most recent visible versions, for prerendering at build time and for sitemaps. */
export function recentArticlePaths(limit: number, now = new Date()) {
  return getDb()
    .select({ locale: articles.locale, slug: articles.slug, categorySlug: categoryTranslations.slug })
    .from(articles)
    .innerJoin(
      categoryTranslations,
      and(eq(categoryTranslations.categoryId, articles.categoryId), eq(categoryTranslations.locale, articles.locale)),
    )
    .where(isVisible(now))
    .orderBy(desc(articles.publishedAt))
    .limit(limit)
    .all();
}

/** Used by tests and the seed: raw count of rows by status, whatever their visibility. */
export function countByStatus() {
  return getDb()
    .select({ status: articles.status, n: count() })
    .from(articles)
    .groupBy(articles.status)
    .all();
}


/** Cards for the given ids, in the given order (ids that are not visible in `locale` are left out). */
export function cardsByIds(locale: Locale, ids: number[], now = new Date()): ArticleCard[] {
  if (!ids.length) return [];
  const rows = selectCards(getDb())
    // Unary `+` keeps SQLite from using the listing index for these filters: the ids are the way in.
    .where(
      and(
        inArray(articles.id, ids),
        sql`+${articles.locale} = ${locale}`,
        isVisibleById(now),
      ),
    )
    .all();
  const byId = new Map(rows.map((r) => [r.id, toCard(r)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
