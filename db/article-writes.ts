/**
 * The newsroom's article writes: create, save (optimistic concurrency), revisions and restore, review, publish and
 * schedule, unpublish, delete, corrections, translations, editing presence, and the newsroom's lists.
 *
 * Every function that changes something takes the acting account, checks the role × action policy first
 * (lib/auth/policy.ts) against the article's owner and status, and writes its audit line in the same transaction
 * as the change (autosaves and saves make revisions, not audit lines). Refreshing the reader pages is not done
 * here: lib/publishing/ wraps these functions and refreshes every page an article appears on.
 */
import { and, asc, count, desc, eq, gt, gte, inArray, isNull, like, lte, ne, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { locales, type Locale } from '@/i18n/routing';
import { paths } from '@/i18n/paths';
import { assertCan, type Action } from '@/lib/auth/policy';
import { isUsableSlug, slugify, uniqueSlug } from '@/lib/slug';
import { audit, SYSTEM_ACTOR, type AuditActor } from './audit';
import { getDb, type Db } from './client';
import {
  articleCorrections,
  articleGenres,
  articleKinds,
  articleRevisions,
  articles,
  articleSlugHistory,
  articleTags,
  authors,
  authorTranslations,
  categories,
  categoryTranslations,
  editingPresence,
  goneUrls,
  stories,
  tags,
  tagTranslations,
  users,
  wireItems,
  wireTakes,
  type ArticleRow,
  type ArticleStatus,
  type UserRole,
} from './schema';
import { crops, VARIANTS } from './seed/illustrations';
import { SlugTakenError } from './newsroom';
import { altTextOf, bodyPhotosMissingAlt, mediaExists } from './media';
import { normalizeVideoUrl } from '@/lib/video/embed';
import { MAX_VIDEO_SECONDS, parseDurationInput } from '@/lib/video/duration';

export { SlugTakenError };

/** Who acts: the account's id and role, and its email for the audit line. */
export interface NewsroomActor {
  id: number;
  role: UserRole;
  label: string;
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/* ------------------------------------------------------------------------------------------------------------
 * Errors
 * ---------------------------------------------------------------------------------------------------------- */

export class ArticleNotFoundError extends Error {
  constructor(public readonly id: number) {
    super(`no article ${id}`);
    this.name = 'ArticleNotFoundError';
  }
}

/** A save based on an older version than the server's: nothing was written; `current` is what the server has. */
export class ConflictError extends Error {
  constructor(public readonly current: EditableArticle) {
    super(`conflict: article ${current.id} is at version ${current.version}`);
    this.name = 'ConflictError';
  }
}

export type WorkflowRefusal =
  | 'empty_title'
  | 'empty_body'
  | 'not_published'
  | 'not_submittable'
  | 'translation_exists'
  | 'same_locale'
  | 'not_a_translation'
  | 'unknown_revision'
  | 'unknown_reference'
  | 'hero_alt_missing'
  | 'body_photo_alt_missing';

/** A workflow step that the article's state does not allow (publishing an empty article…): nothing changed. */
export class WorkflowError extends Error {
  constructor(public readonly code: WorkflowRefusal) {
    super(`refused: ${code}`);
    this.name = 'WorkflowError';
  }
}

/* ------------------------------------------------------------------------------------------------------------
 * Input
 * ---------------------------------------------------------------------------------------------------------- */

export const TITLE_MAX = 200;
export const STANDFIRST_MAX = 600;
export const BODY_MAX = 200_000;
export const SEO_TITLE_MAX = 70;
export const SEO_DESCRIPTION_MAX = 200;
export const TOPICS_MAX = 20;
export const TOPIC_NAME_MAX = 80;
export const CORRECTION_MAX = 2_000;

export interface Illustration {
  path: string;
  width: number;
  height: number;
}

/** The hero images an article may use until the media issue lands: the SVG illustrations under public/media. */
export const illustrations: readonly Illustration[] = (() => {
  const keys = ['politics', 'economy', 'society', 'sport', 'culture', 'international', 'videos'];
  const out: Illustration[] = [];
  for (const key of keys) {
    for (let variant = 1; variant <= VARIANTS; variant++) {
      const [width, height] = crops['16x9'];
      out.push({ path: `/media/${key}-${variant}-16x9.svg`, width, height });
    }
  }
  return out;
})();
const illustrationByPath = new Map(illustrations.map((i) => [i.path, i]));

const text = (max: number) => z.string().trim().max(max);
const id = z.coerce.number().int().positive();

/**
 * The article form, validated on the server with this schema (the newsroom form uses the same). Numbers may come
 * as strings (form data). An empty slug means "suggest one from the title".
 */
export const articleInput = z
  .object({
    title: text(TITLE_MAX),
    standfirst: text(STANDFIRST_MAX).default(''),
    body: z.string().max(BODY_MAX).default(''),
    slug: z
      .string()
      .trim()
      .max(200)
      .refine((s) => s === '' || isUsableSlug(s), { message: 'invalid_slug' })
      .optional(),
    categoryId: id,
    authorId: id,
    tagIds: z.array(id).max(TOPICS_MAX).default([]),
    newTopics: z.array(z.string().trim().min(1).max(TOPIC_NAME_MAX)).max(TOPICS_MAX).default([]),
    genre: z.enum(articleGenres).default('news'),
    seoTitle: text(SEO_TITLE_MAX).default(''),
    seoDescription: text(SEO_DESCRIPTION_MAX).default(''),
    heroImage: z
      .string()
      .refine((p) => illustrationByPath.has(p), { message: 'unknown_image' })
      .nullable()
      .default(null),
    /** A photo from the media library (db/media.ts); wins over `heroImage`. Empty form value = none. */
    heroMediaId: z.preprocess((v) => (v === '' || v === undefined || v === 0 ? null : v), id.nullable()).optional(),
    heroAlt: text(300).default(''),
    heroCaption: text(500).default(''),
    heroCredit: text(200).default(''),
    kind: z.enum(articleKinds).default('article'),
    /** Seconds, or as typed: "1:03", "1:02:03", ISO 8601 "PT1M3S" (lib/video/duration.ts). */
    videoDurationSeconds: z
      .preprocess(
        (v) => (typeof v === 'string' ? (v.trim() === '' ? null : (parseDurationInput(v) ?? Number.NaN)) : v),
        z.number({ error: 'video_duration_invalid' }).int().min(0).max(MAX_VIDEO_SECONDS).nullable(),
      )
      .default(null),
    /** A YouTube / Dailymotion / Facebook video (stored as its canonical watch URL) or one of our video files. */
    videoUrl: z
      .string()
      .max(500)
      .nullable()
      .default(null)
      .transform((v, ctx) => {
        if (v === null || v.trim() === '') return null;
        const normalized = normalizeVideoUrl(v);
        if (normalized === null) {
          ctx.addIssue({ code: 'custom', message: 'video_url_unsupported' });
          return z.NEVER;
        }
        return normalized;
      }),
    videoTitle: text(200).default(''),
  })
  .superRefine((v, ctx) => {
    if (new Set(v.tagIds).size + v.newTopics.length > TOPICS_MAX) {
      ctx.addIssue({ code: 'custom', path: ['tagIds'], message: 'too_many_topics' });
    }
    if (v.kind === 'video' && v.videoDurationSeconds === null) {
      ctx.addIssue({ code: 'custom', path: ['videoDurationSeconds'], message: 'video_duration_required' });
    }
  });

export type ArticleInput = z.input<typeof articleInput>;
type ParsedInput = z.output<typeof articleInput>;

const createInput = z.object({ locale: z.enum(locales) });

/* ------------------------------------------------------------------------------------------------------------
 * Reading for the form
 * ---------------------------------------------------------------------------------------------------------- */

/** The fields a revision keeps besides title, standfirst and body. */
interface RevisionFields {
  slug: string;
  categoryId: number;
  authorId: number;
  tagIds: number[];
  genre: ParsedInput['genre'];
  seoTitle: string;
  seoDescription: string;
  heroImage: string | null;
  heroMediaId: number | null;
  heroAlt: string;
  heroCaption: string;
  heroCredit: string;
  kind: ParsedInput['kind'];
  videoDurationSeconds: number | null;
  videoUrl: string | null;
  videoTitle: string;
}

export interface EditableArticle extends RevisionFields {
  id: number;
  storyId: number;
  locale: Locale;
  title: string;
  standfirst: string;
  body: string;
  heroWidth: number | null;
  heroHeight: number | null;
  status: ArticleStatus;
  version: number;
  owner: { id: number; name: string } | null;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  textChangedAt: Date | null;
  reviewRequestedAt: Date | null;
  /** Reader URL while the article is visible, else null. */
  readerPath: string | null;
  /** The other language versions of the story. */
  versions: { id: number; locale: Locale; status: ArticleStatus; title: string }[];
  corrections: { id: number; note: string; createdAt: Date; by: string | null }[];
  translatedFromId: number | null;
  /** The source version's text changed since this translation was made or last marked reviewed. */
  sourceUpdated: boolean;
}

function tagIdsOf(db: Db | Tx, articleId: number): number[] {
  return db
    .select({ id: articleTags.tagId })
    .from(articleTags)
    .where(eq(articleTags.articleId, articleId))
    .orderBy(asc(articleTags.tagId))
    .all()
    .map((r) => r.id);
}

function sourceUpdated(db: Db | Tx, row: Pick<ArticleRow, 'storyId' | 'translatedFromId' | 'sourceReviewedAt' | 'createdAt'>): boolean {
  if (!row.translatedFromId) return false;
  const reviewed = row.sourceReviewedAt ?? row.createdAt;
  const source = db.select({ textChangedAt: articles.textChangedAt }).from(articles).where(eq(articles.id, row.translatedFromId)).get();
  if (source?.textChangedAt && source.textChangedAt.getTime() > reviewed.getTime()) return true;
  // A translation of wire copy: a newer version from the agency changes its source too, even before anyone
  // edits the taken article.
  const wire = db
    .select({ id: wireItems.id })
    .from(wireTakes)
    .innerJoin(articles, eq(articles.id, wireTakes.articleId))
    .innerJoin(wireItems, eq(wireItems.id, wireTakes.itemId))
    .where(and(eq(articles.storyId, row.storyId), gt(wireItems.updatedAt, reviewed)))
    .get();
  return !!wire;
}

function readerPathOf(db: Db | Tx, row: ArticleRow, now: Date): string | null {
  if (row.status !== 'published' || !row.publishedAt || row.publishedAt > now) return null;
  const category = db
    .select({ slug: categoryTranslations.slug })
    .from(categoryTranslations)
    .where(and(eq(categoryTranslations.categoryId, row.categoryId), eq(categoryTranslations.locale, row.locale)))
    .get();
  return category ? paths.article(row.locale as Locale, category.slug, row.slug) : null;
}

function toEditable(db: Db | Tx, row: ArticleRow, now = new Date()): EditableArticle {
  const owner = row.ownerId ? db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, row.ownerId)).get() : undefined;
  const versions = db
    .select({ id: articles.id, locale: articles.locale, status: articles.status, title: articles.title })
    .from(articles)
    .where(and(eq(articles.storyId, row.storyId), ne(articles.id, row.id)))
    .orderBy(asc(articles.locale))
    .all() as EditableArticle['versions'];
  const corrections = db
    .select({ id: articleCorrections.id, note: articleCorrections.note, createdAt: articleCorrections.createdAt, by: users.name })
    .from(articleCorrections)
    .leftJoin(users, eq(users.id, articleCorrections.userId))
    .where(eq(articleCorrections.articleId, row.id))
    .orderBy(asc(articleCorrections.createdAt), asc(articleCorrections.id))
    .all();
  return {
    id: row.id,
    storyId: row.storyId,
    locale: row.locale as Locale,
    title: row.title,
    standfirst: row.standfirst,
    body: row.body,
    ...fieldsOf(row, tagIdsOf(db, row.id)),
    heroWidth: row.heroWidth,
    heroHeight: row.heroHeight,
    status: row.status,
    version: row.version,
    owner: owner ?? null,
    publishedAt: row.publishedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    textChangedAt: row.textChangedAt,
    reviewRequestedAt: row.reviewRequestedAt,
    readerPath: readerPathOf(db, row, now),
    versions,
    corrections,
    translatedFromId: row.translatedFromId,
    sourceUpdated: sourceUpdated(db, row),
  };
}

function rowOf(db: Db | Tx, articleId: number): ArticleRow | undefined {
  return db.select().from(articles).where(eq(articles.id, articleId)).get();
}

function requireRow(db: Db | Tx, articleId: number): ArticleRow {
  const row = rowOf(db, articleId);
  if (!row) throw new ArticleNotFoundError(articleId);
  return row;
}

/** Everything the article form needs, or null for an unknown id. */
export function getEditableArticle(articleId: number): EditableArticle | null {
  const db = getDb();
  const row = rowOf(db, articleId);
  return row ? toEditable(db, row) : null;
}

/** What the form offers in a locale: sections, bylines (people and agencies), topics, illustrations. */
export function articleFormOptions(locale: Locale) {
  const db = getDb();
  return {
    categories: db
      .select({ id: categories.id, name: categoryTranslations.name })
      .from(categories)
      .innerJoin(categoryTranslations, and(eq(categoryTranslations.categoryId, categories.id), eq(categoryTranslations.locale, locale)))
      .orderBy(asc(categories.position), asc(categories.id))
      .all(),
    authors: db
      .select({ id: authors.id, name: authorTranslations.name, kind: authors.kind })
      .from(authors)
      .innerJoin(authorTranslations, and(eq(authorTranslations.authorId, authors.id), eq(authorTranslations.locale, locale)))
      .orderBy(asc(authors.kind), asc(authorTranslations.name))
      .all(),
    topics: db
      .select({ id: tags.id, name: tagTranslations.name })
      .from(tags)
      .innerJoin(tagTranslations, and(eq(tagTranslations.tagId, tags.id), eq(tagTranslations.locale, locale)))
      .orderBy(asc(tagTranslations.name))
      .all(),
    illustrations,
  };
}

/* ------------------------------------------------------------------------------------------------------------
 * Helpers of the writes
 * ---------------------------------------------------------------------------------------------------------- */

function scopeOf(row: ArticleRow) {
  return { ownerId: row.ownerId, status: row.status };
}

function check(actor: NewsroomActor, action: Action, row?: ArticleRow) {
  assertCan(actor, action, row ? scopeOf(row) : undefined);
}

/**
 * The actor of automatic changes (the wire desk: agency withholds, kills, expiries, auto-publication): allowed
 * everything, recorded as `system` in the audit log, owning nothing.
 */
export const SYSTEM_NEWSROOM_ACTOR: NewsroomActor = Object.freeze({ id: 0, role: 'administrator', label: 'system' });

/** The account id to store (owner, revision author), or null for the system actor. */
function accountId(actor: NewsroomActor): number | null {
  return actor.id > 0 ? actor.id : null;
}

function auditActor(actor: NewsroomActor): AuditActor {
  return { id: accountId(actor), label: actor.label };
}

function slugTaken(tx: Db | Tx, locale: string, slug: string, exceptId?: number): boolean {
  const row = tx
    .select({ id: articles.id })
    .from(articles)
    .where(and(eq(articles.locale, locale), eq(articles.slug, slug), exceptId ? ne(articles.id, exceptId) : undefined))
    .get();
  return !!row;
}

function suggestSlug(tx: Db | Tx, locale: string, title: string, exceptId?: number): string {
  return uniqueSlug(slugify(title), (s) => slugTaken(tx, locale, s, exceptId));
}

/** Topics named inline in the form: found by name in the locale, else created (same name in every locale). */
function ensureTopics(tx: Tx, locale: string, names: string[]): number[] {
  const ids: number[] = [];
  for (const name of names) {
    const existing = tx
      .select({ id: tagTranslations.tagId })
      .from(tagTranslations)
      .where(and(eq(tagTranslations.locale, locale), sql`lower(${tagTranslations.name}) = lower(${name})`))
      .get();
    if (existing) {
      ids.push(existing.id);
      continue;
    }
    const base = slugify(name);
    const key = uniqueSlug(base, (k) => !!tx.select({ id: tags.id }).from(tags).where(eq(tags.key, k)).get());
    const { id: tagId } = tx.insert(tags).values({ key }).returning({ id: tags.id }).get();
    for (const l of locales) {
      const slug = uniqueSlug(base, (s) => !!tx.select({ id: tagTranslations.tagId }).from(tagTranslations).where(and(eq(tagTranslations.locale, l), eq(tagTranslations.slug, s))).get());
      tx.insert(tagTranslations).values({ tagId, locale: l, name, slug }).run();
    }
    ids.push(tagId);
  }
  return ids;
}

function assertReferences(tx: Db | Tx, input: { categoryId: number; authorId: number; tagIds: number[]; heroMediaId?: number | null }) {
  if (input.heroMediaId && !mediaExists(tx, input.heroMediaId)) throw new WorkflowError('unknown_reference');
  const category = tx.select({ id: categories.id }).from(categories).where(eq(categories.id, input.categoryId)).get();
  const author = tx.select({ id: authors.id }).from(authors).where(eq(authors.id, input.authorId)).get();
  const known = input.tagIds.length ? tx.select({ id: tags.id }).from(tags).where(inArray(tags.id, input.tagIds)).all().length : 0;
  if (!category || !author || known !== new Set(input.tagIds).size) throw new WorkflowError('unknown_reference');
}

function setTags(tx: Tx, articleId: number, tagIds: number[]) {
  tx.delete(articleTags).where(eq(articleTags.articleId, articleId)).run();
  for (const tagId of new Set(tagIds)) tx.insert(articleTags).values({ articleId, tagId }).run();
}

function heroOf(input: Pick<ParsedInput, 'heroImage'>) {
  const image = input.heroImage ? illustrationByPath.get(input.heroImage) : undefined;
  return { heroImage: image?.path ?? null, heroWidth: image?.width ?? null, heroHeight: image?.height ?? null };
}

function contentColumns(input: ParsedInput) {
  return {
    title: input.title,
    standfirst: input.standfirst,
    body: input.body,
    categoryId: input.categoryId,
    authorId: input.authorId,
    genre: input.genre,
    seoTitle: input.seoTitle,
    seoDescription: input.seoDescription,
    ...heroOf(input),
    heroMediaId: input.heroMediaId ?? null,
    heroAlt: input.heroAlt,
    heroCaption: input.heroCaption,
    heroCredit: input.heroCredit,
    kind: input.kind,
    videoDurationSeconds: input.kind === 'video' ? input.videoDurationSeconds : null,
    videoUrl: input.kind === 'video' ? input.videoUrl : null,
    videoTitle: input.kind === 'video' ? input.videoTitle : '',
  };
}

function fieldsOf(row: ArticleRow, tagIds: number[]): RevisionFields {
  return {
    slug: row.slug,
    categoryId: row.categoryId,
    authorId: row.authorId,
    tagIds,
    genre: row.genre,
    seoTitle: row.seoTitle,
    seoDescription: row.seoDescription,
    heroImage: row.heroImage,
    heroMediaId: row.heroMediaId,
    heroAlt: row.heroAlt,
    heroCaption: row.heroCaption,
    heroCredit: row.heroCredit,
    kind: row.kind,
    videoDurationSeconds: row.videoDurationSeconds,
    videoUrl: row.videoUrl,
    videoTitle: row.videoTitle,
  };
}

type RevisionReason = (typeof articleRevisions.$inferInsert)['reason'];

/** Autosaves by the same person within this window update their last autosave revision instead of adding one. */
const AUTOSAVE_COALESCE_MS = 5 * 60_000;

function recordRevision(tx: Tx, articleId: number, userId: number | null, reason: RevisionReason, now: Date) {
  const row = requireRow(tx, articleId);
  const values = {
    articleId,
    version: row.version,
    userId,
    reason,
    createdAt: now,
    title: row.title,
    standfirst: row.standfirst,
    body: row.body,
    fields: JSON.stringify(fieldsOf(row, tagIdsOf(tx, articleId))),
  };
  if (reason === 'autosave') {
    const last = tx
      .select({ id: articleRevisions.id, reason: articleRevisions.reason, userId: articleRevisions.userId, createdAt: articleRevisions.createdAt })
      .from(articleRevisions)
      .where(eq(articleRevisions.articleId, articleId))
      .orderBy(desc(articleRevisions.id))
      .limit(1)
      .get();
    if (last && last.reason === 'autosave' && last.userId === userId && now.getTime() - last.createdAt.getTime() < AUTOSAVE_COALESCE_MS) {
      tx.update(articleRevisions).set(values).where(eq(articleRevisions.id, last.id)).run();
      return;
    }
  }
  tx.insert(articleRevisions).values(values).run();
}

function sectionSlug(tx: Db | Tx, categoryId: number, locale: string): string | null {
  return (
    tx
      .select({ slug: categoryTranslations.slug })
      .from(categoryTranslations)
      .where(and(eq(categoryTranslations.categoryId, categoryId), eq(categoryTranslations.locale, locale)))
      .get()?.slug ?? null
  );
}

/** The reader URLs an article answers at: its current URL and its old slugs (which redirect to it). */
export function readerUrlsOf(db: Db | Tx, row: Pick<ArticleRow, 'id' | 'locale' | 'slug' | 'categoryId'>): string[] {
  const section = sectionSlug(db, row.categoryId, row.locale);
  if (!section) return [];
  const locale = row.locale as Locale;
  const old = db
    .select({ slug: articleSlugHistory.slug })
    .from(articleSlugHistory)
    .where(and(eq(articleSlugHistory.articleId, row.id), eq(articleSlugHistory.locale, row.locale)))
    .all();
  return [row.slug, ...old.map((o) => o.slug)].map((slug) => paths.article(locale, section, slug));
}

function wasLive(row: ArticleRow): boolean {
  return row.status === 'published' || row.status === 'unpublished';
}

function markGone(tx: Tx, row: ArticleRow, now: Date) {
  for (const path of readerUrlsOf(tx, row)) {
    tx.insert(goneUrls).values({ path, articleId: row.id, at: now }).onConflictDoUpdate({ target: goneUrls.path, set: { articleId: row.id, at: now } }).run();
  }
}

function clearGone(tx: Tx, row: ArticleRow) {
  tx.delete(goneUrls).where(eq(goneUrls.articleId, row.id)).run();
  const urls = readerUrlsOf(tx, row);
  if (urls.length) tx.delete(goneUrls).where(inArray(goneUrls.path, urls)).run();
}

/** Moves the slug; the old one goes to the history when readers may know it (the article is or was live). */
function changeSlug(tx: Tx, row: ArticleRow, newSlug: string, now: Date) {
  if (row.slug === newSlug) return;
  if (slugTaken(tx, row.locale, newSlug, row.id)) throw new SlugTakenError(`slug "${newSlug}" is already used in ${row.locale}`);
  tx.delete(articleSlugHistory).where(and(eq(articleSlugHistory.locale, row.locale), eq(articleSlugHistory.slug, newSlug))).run();
  if (wasLive(row)) {
    tx.insert(articleSlugHistory)
      .values({ locale: row.locale, slug: row.slug, articleId: row.id, changedAt: now })
      .onConflictDoUpdate({ target: [articleSlugHistory.locale, articleSlugHistory.slug], set: { articleId: row.id, changedAt: now } })
      .run();
  }
  tx.update(articles).set({ slug: newSlug }).where(eq(articles.id, row.id)).run();
}

function transaction<T>(run: (tx: Tx) => T): T {
  return getDb().transaction(run, { behavior: 'immediate' });
}

/* ------------------------------------------------------------------------------------------------------------
 * Create and save
 * ---------------------------------------------------------------------------------------------------------- */

/** A new draft owned by `actor`, with its first revision ('save'). */
export function createArticle(actor: NewsroomActor, data: ArticleInput & { locale: Locale }, now = new Date()): { id: number; version: number } {
  check(actor, 'article.create');
  const { locale } = createInput.parse(data);
  const input = articleInput.parse(data);
  if (input.newTopics.length) check(actor, 'topic.create');
  return transaction((tx) => {
    assertReferences(tx, input);
    let slug: string;
    if (input.slug) {
      if (slugTaken(tx, locale, input.slug)) throw new SlugTakenError(`slug "${input.slug}" is already used in ${locale}`);
      slug = input.slug;
    } else slug = suggestSlug(tx, locale, input.title);
    const { id: storyId } = tx.insert(stories).values({ createdAt: now }).returning({ id: stories.id }).get();
    const { id } = tx
      .insert(articles)
      .values({
        storyId,
        locale,
        slug,
        ...contentColumns(input),
        status: 'draft',
        publishedAt: null,
        createdAt: now,
        updatedAt: now,
        textChangedAt: now,
        version: 1,
        ownerId: accountId(actor),
      })
      .returning({ id: articles.id })
      .get();
    tx.delete(articleSlugHistory).where(and(eq(articleSlugHistory.locale, locale), eq(articleSlugHistory.slug, slug))).run();
    setTags(tx, id, [...input.tagIds, ...ensureTopics(tx, locale, input.newTopics)]);
    recordRevision(tx, id, accountId(actor), 'save', now);
    audit(auditActor(actor), { action: 'article.create', targetType: 'article', targetId: id, detail: { locale, title: input.title } }, tx, now);
    return { id, version: 1 };
  });
}

function sameContent(row: ArticleRow, rowTags: number[], input: ParsedInput): boolean {
  const next = contentColumns(input);
  for (const [key, value] of Object.entries(next)) {
    if ((row as unknown as Record<string, unknown>)[key] !== value) return false;
  }
  if (input.slug && input.slug !== row.slug) return false;
  if (input.newTopics.length) return false;
  const a = [...new Set(input.tagIds)].sort((x, y) => x - y);
  return a.length === rowTags.length && a.every((v, i) => v === rowTags[i]);
}

export interface SaveResult {
  version: number;
  /** False when the content was identical to the server's (nothing written). */
  changed: boolean;
  /** The slug before the save, when the save changed it. */
  oldSlug?: string;
}

/**
 * Saves the form. `baseVersion` is the version the form was loaded at: when the server's is newer and the content
 * differs, nothing is written and ConflictError carries the server's article. Identical content is a no-op.
 */
export function saveArticle(
  actor: NewsroomActor,
  articleId: number,
  data: { baseVersion: number; input: ArticleInput; reason: 'autosave' | 'save' },
  now = new Date(),
): SaveResult {
  const input = articleInput.parse(data.input);
  return transaction((tx) => {
    const row = requireRow(tx, articleId);
    check(actor, 'article.edit', row);
    if (input.newTopics.length) check(actor, 'topic.create');
    const rowTags = tagIdsOf(tx, articleId);
    if (sameContent(row, rowTags, input)) return { version: row.version, changed: false };
    if (row.version !== data.baseVersion) throw new ConflictError(toEditable(tx, row, now));
    assertReferences(tx, input);
    // A live or scheduled article keeps the publish rule: its hero photo must have alt text in its language.
    const live = row.status === 'published' || row.status === 'scheduled';
    if (live && input.heroMediaId && !altTextOf(tx, input.heroMediaId, row.locale).trim()) {
      throw new WorkflowError('hero_alt_missing');
    }
    const columns = contentColumns(input);
    // Likewise every photo its text shows without alt text of its own (the page gives it the library's).
    if (live && columns.body !== row.body && bodyPhotosMissingAlt(columns.body, row.locale, tx).length) throw new WorkflowError('body_photo_alt_missing');
    const textChanged = row.title !== columns.title || row.standfirst !== columns.standfirst || row.body !== columns.body;
    const version = row.version + 1;
    let oldSlug: string | undefined;
    if (input.slug && input.slug !== row.slug) {
      oldSlug = row.slug;
      changeSlug(tx, row, input.slug, now);
    }
    tx.update(articles)
      .set({ ...columns, version, updatedAt: now, ...(textChanged ? { textChangedAt: now } : {}) })
      .where(eq(articles.id, articleId))
      .run();
    setTags(tx, articleId, [...input.tagIds, ...ensureTopics(tx, row.locale, input.newTopics)]);
    recordRevision(tx, articleId, accountId(actor), data.reason, now);
    if (oldSlug && row.status === 'unpublished') markGone(tx, requireRow(tx, articleId), now);
    return { version, changed: true, ...(oldSlug ? { oldSlug } : {}) };
  });
}

/* ------------------------------------------------------------------------------------------------------------
 * Revisions
 * ---------------------------------------------------------------------------------------------------------- */

export interface RevisionSummary {
  id: number;
  version: number;
  reason: RevisionReason;
  createdAt: Date;
  by: string | null;
  title: string;
}

/** Newest first. */
export function listRevisions(articleId: number): RevisionSummary[] {
  return getDb()
    .select({
      id: articleRevisions.id,
      version: articleRevisions.version,
      reason: articleRevisions.reason,
      createdAt: articleRevisions.createdAt,
      by: users.name,
      title: articleRevisions.title,
    })
    .from(articleRevisions)
    .leftJoin(users, eq(users.id, articleRevisions.userId))
    .where(eq(articleRevisions.articleId, articleId))
    .orderBy(desc(articleRevisions.id))
    .all();
}

export interface Revision extends RevisionSummary {
  articleId: number;
  standfirst: string;
  body: string;
  fields: Partial<RevisionFields>;
}

export function getRevision(revisionId: number): Revision | null {
  const row = getDb()
    .select({ revision: articleRevisions, by: users.name })
    .from(articleRevisions)
    .leftJoin(users, eq(users.id, articleRevisions.userId))
    .where(eq(articleRevisions.id, revisionId))
    .get();
  if (!row) return null;
  const r = row.revision;
  let fields: Partial<RevisionFields> = {};
  try {
    fields = JSON.parse(r.fields) as Partial<RevisionFields>;
  } catch {
    fields = {};
  }
  return { id: r.id, articleId: r.articleId, version: r.version, reason: r.reason, createdAt: r.createdAt, by: row.by, title: r.title, standfirst: r.standfirst, body: r.body, fields };
}

/**
 * Puts a revision's content back (a new revision 'restore'). The slug stays as it is (a restore never moves a
 * URL); topics, section or byline that no longer exist are left out.
 */
export function restoreRevision(actor: NewsroomActor, articleId: number, revisionId: number, baseVersion: number, now = new Date()): { version: number } {
  const revision = getRevision(revisionId);
  return transaction((tx) => {
    const row = requireRow(tx, articleId);
    check(actor, 'article.restore', row);
    if (!revision || revision.articleId !== articleId) throw new WorkflowError('unknown_revision');
    if (row.version !== baseVersion) throw new ConflictError(toEditable(tx, row, now));
    const f = revision.fields;
    const exists = <T>(table: 'categories' | 'authors', value: number | undefined, fallback: T) => {
      if (value === undefined) return fallback;
      const t = table === 'categories' ? categories : authors;
      return tx.select({ id: t.id }).from(t).where(eq(t.id, value)).get() ? value : fallback;
    };
    const tagIds = (f.tagIds ?? []).length ? tx.select({ id: tags.id }).from(tags).where(inArray(tags.id, f.tagIds ?? [])).all().map((t) => t.id) : [];
    const image = f.heroImage ? illustrationByPath.get(f.heroImage) : undefined;
    const textChanged = row.title !== revision.title || row.standfirst !== revision.standfirst || row.body !== revision.body;
    const version = row.version + 1;
    const kind = f.kind ?? row.kind;
    tx.update(articles)
      .set({
        title: revision.title,
        standfirst: revision.standfirst,
        body: revision.body,
        categoryId: exists('categories', f.categoryId, row.categoryId) as number,
        authorId: exists('authors', f.authorId, row.authorId) as number,
        genre: f.genre ?? row.genre,
        seoTitle: f.seoTitle ?? row.seoTitle,
        seoDescription: f.seoDescription ?? row.seoDescription,
        heroImage: image?.path ?? null,
        heroWidth: image?.width ?? null,
        heroHeight: image?.height ?? null,
        // A photo deleted from the library since that version is simply left out.
        heroMediaId: f.heroMediaId && mediaExists(tx, f.heroMediaId) ? f.heroMediaId : null,
        heroAlt: f.heroAlt ?? row.heroAlt,
        heroCaption: f.heroCaption ?? row.heroCaption,
        heroCredit: f.heroCredit ?? row.heroCredit,
        kind,
        videoDurationSeconds: kind === 'video' ? (f.videoDurationSeconds ?? row.videoDurationSeconds ?? 0) : null,
        videoUrl: kind === 'video' ? (f.videoUrl ?? null) : null,
        videoTitle: kind === 'video' ? (f.videoTitle ?? '') : '',
        version,
        updatedAt: now,
        ...(textChanged ? { textChangedAt: now } : {}),
      })
      .where(eq(articles.id, articleId))
      .run();
    setTags(tx, articleId, tagIds);
    recordRevision(tx, articleId, accountId(actor), 'restore', now);
    audit(auditActor(actor), { action: 'article.restore', targetType: 'article', targetId: articleId, detail: { revisionId, fromVersion: revision.version } }, tx, now);
    return { version };
  });
}

/* ------------------------------------------------------------------------------------------------------------
 * Workflow
 * ---------------------------------------------------------------------------------------------------------- */

/** Draft (or unpublished) → in review. */
export function submitForReview(actor: NewsroomActor, articleId: number, now = new Date()): void {
  transaction((tx) => {
    const row = requireRow(tx, articleId);
    check(actor, 'article.submit', row);
    if (row.status !== 'draft' && row.status !== 'unpublished' && row.status !== 'review') throw new WorkflowError('not_submittable');
    tx.update(articles).set({ status: 'review', reviewRequestedAt: now, updatedAt: now }).where(eq(articles.id, articleId)).run();
    recordRevision(tx, articleId, accountId(actor), 'submit', now);
    audit(auditActor(actor), { action: 'article.submit', targetType: 'article', targetId: articleId }, tx, now);
  });
}

export interface NewsroomListItem {
  id: number;
  storyId: number;
  locale: Locale;
  title: string;
  status: ArticleStatus;
  genre: ArticleRow['genre'];
  publishedAt: Date | null;
  updatedAt: Date;
  reviewRequestedAt: Date | null;
  owner: { id: number; name: string } | null;
  section: string | null;
  sourceUpdated: boolean;
  /** Every language version of the story (this one included), with its state. */
  versions: { id: number; locale: Locale; status: ArticleStatus; title: string }[];
}

function listItems(db: Db, rows: ArticleRow[]): NewsroomListItem[] {
  if (!rows.length) return [];
  const storyIds = [...new Set(rows.map((r) => r.storyId))];
  const siblings = db
    .select({ id: articles.id, storyId: articles.storyId, locale: articles.locale, status: articles.status, title: articles.title })
    .from(articles)
    .where(inArray(articles.storyId, storyIds))
    .orderBy(asc(articles.locale))
    .all();
  const ownerIds = [...new Set(rows.map((r) => r.ownerId).filter((v): v is number => v !== null))];
  const owners = new Map(ownerIds.length ? db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ownerIds)).all().map((u) => [u.id, u]) : []);
  return rows.map((row) => ({
    id: row.id,
    storyId: row.storyId,
    locale: row.locale as Locale,
    title: row.title,
    status: row.status,
    genre: row.genre,
    publishedAt: row.publishedAt,
    updatedAt: row.updatedAt,
    reviewRequestedAt: row.reviewRequestedAt,
    owner: row.ownerId ? (owners.get(row.ownerId) ?? null) : null,
    section: sectionName(db, row.categoryId, row.locale),
    sourceUpdated: sourceUpdated(db, row),
    versions: siblings.filter((s) => s.storyId === row.storyId).map(({ id, locale, status, title }) => ({ id, locale: locale as Locale, status, title })),
  }));
}

function sectionName(db: Db, categoryId: number, locale: string): string | null {
  return (
    db
      .select({ name: categoryTranslations.name })
      .from(categoryTranslations)
      .where(and(eq(categoryTranslations.categoryId, categoryId), eq(categoryTranslations.locale, locale)))
      .get()?.name ?? null
  );
}

/** Articles waiting for an editor, oldest request first. */
export function listReviewQueue(): NewsroomListItem[] {
  const db = getDb();
  const rows = db.select().from(articles).where(eq(articles.status, 'review')).orderBy(asc(articles.reviewRequestedAt), asc(articles.id)).all();
  return listItems(db, rows);
}

export const NEWSROOM_PAGE_SIZE = 25;

export interface NewsroomListFilter {
  status?: ArticleStatus;
  ownerId?: number;
  locale?: Locale;
  /** Words of the title (case-insensitive substring). */
  q?: string;
  page?: number;
}

/** The newsroom's article list, most recently changed first, each row annotated with its story's versions. */
export function listNewsroomArticles(filter: NewsroomListFilter = {}, pageSize = NEWSROOM_PAGE_SIZE) {
  const db = getDb();
  const q = filter.q?.trim().slice(0, 200);
  const where = and(
    filter.status ? eq(articles.status, filter.status) : undefined,
    filter.ownerId !== undefined ? eq(articles.ownerId, filter.ownerId) : undefined,
    filter.locale ? eq(articles.locale, filter.locale) : undefined,
    q ? like(articles.title, `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
  );
  const escapeClause = q ? sql` escape '\\'` : sql``;
  const whereSql = where ? sql`${where}${escapeClause}` : undefined;
  const total = db.select({ n: count() }).from(articles).where(whereSql).get()?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, Math.trunc(filter.page ?? 1)), pageCount);
  const rows = db
    .select()
    .from(articles)
    .where(whereSql)
    .orderBy(desc(articles.updatedAt), desc(articles.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .all();
  return { items: listItems(db, rows), total, page, pageCount };
}

export interface PublishResult {
  status: 'published' | 'scheduled';
  publishedAt: Date;
}

/**
 * Publishes now, or schedules when `at` is in the future (the scheduler publishes it then). A first publication
 * is dated now; a republication keeps its original date. Refuses an article without title or body.
 */
export function publishArticle(actor: NewsroomActor, articleId: number, opts: { at?: Date } = {}, now = new Date()): PublishResult {
  return transaction((tx) => {
    const row = requireRow(tx, articleId);
    check(actor, 'article.publish', row);
    if (!row.title.trim()) throw new WorkflowError('empty_title');
    if (!row.body.trim()) throw new WorkflowError('empty_body');
    // A reader of this language must be told what the photo shows (issue 12): no alt text, no publication.
    if (row.heroMediaId && !altTextOf(tx, row.heroMediaId, row.locale).trim()) throw new WorkflowError('hero_alt_missing');
    if (bodyPhotosMissingAlt(row.body, row.locale, tx).length) throw new WorkflowError('body_photo_alt_missing');
    // An agency embargo is never beaten: a story taken from an embargoed wire item is scheduled at the embargo.
    const embargo = wireEmbargoOf(tx, row.storyId);
    if (embargo && embargo.getTime() > Math.max(now.getTime(), opts.at?.getTime() ?? 0)) opts = { ...opts, at: embargo };
    const scheduled = opts.at !== undefined && opts.at.getTime() > now.getTime();
    const everLive = wasLive(row) || !!tx.select({ id: articleRevisions.id }).from(articleRevisions).where(and(eq(articleRevisions.articleId, articleId), eq(articleRevisions.reason, 'publish'))).get();
    const publishedAt = scheduled ? opts.at! : everLive && row.publishedAt && row.publishedAt <= now ? row.publishedAt : now;
    const status = scheduled ? 'scheduled' : 'published';
    tx.update(articles).set({ status, publishedAt, updatedAt: now, reviewRequestedAt: null }).where(eq(articles.id, articleId)).run();
    const after = requireRow(tx, articleId);
    if (!scheduled) clearGone(tx, after);
    recordRevision(tx, articleId, accountId(actor), scheduled ? 'schedule' : 'publish', now);
    audit(
      auditActor(actor),
      { action: scheduled ? 'article.schedule' : 'article.publish', targetType: 'article', targetId: articleId, detail: { at: publishedAt.toISOString(), title: row.title, locale: row.locale } },
      tx,
      now,
    );
    return { status, publishedAt };
  });
}

/** The latest embargo of the wire items a story was taken from (db/wire.ts), or null. */
function wireEmbargoOf(tx: Db | Tx, storyId: number): Date | null {
  const row = tx
    .select({ at: sql<number | null>`max(${wireItems.embargoUntil})` })
    .from(wireTakes)
    .innerJoin(articles, eq(articles.id, wireTakes.articleId))
    .innerJoin(wireItems, eq(wireItems.id, wireTakes.itemId))
    .where(eq(articles.storyId, storyId))
    .get();
  return row?.at ? new Date(row.at) : null;
}

/**
 * Takes a live article off the site (its URLs answer 410 until it is published again); a scheduled article goes
 * back to draft.
 */
export function unpublishArticle(actor: NewsroomActor, articleId: number, now = new Date()): { status: ArticleStatus } {
  return transaction((tx) => {
    const row = requireRow(tx, articleId);
    check(actor, 'article.unpublish', row);
    if (row.status !== 'published' && row.status !== 'scheduled') throw new WorkflowError('not_published');
    const live = row.status === 'published' && !!row.publishedAt && row.publishedAt <= now;
    const status: ArticleStatus = live ? 'unpublished' : 'draft';
    tx.update(articles).set({ status, updatedAt: now, ...(live ? {} : { publishedAt: null }) }).where(eq(articles.id, articleId)).run();
    if (live) markGone(tx, row, now);
    recordRevision(tx, articleId, accountId(actor), 'unpublish', now);
    audit(auditActor(actor), { action: 'article.unpublish', targetType: 'article', targetId: articleId, detail: { title: row.title, locale: row.locale } }, tx, now);
    return { status };
  });
}

/** What a deleted article was: enough to refresh the pages it appeared on. */
export interface DeletedArticle {
  id: number;
  locale: Locale;
  wasLive: boolean;
  urls: string[];
  /** Where it appeared, for the refresh. */
  places: ReaderPlaces | null;
}

/** Deletes a version for good (its revisions and corrections go with it); its reader URLs answer 410. */
export function deleteArticle(actor: NewsroomActor, articleId: number, now = new Date()): DeletedArticle {
  return transaction((tx) => {
    const row = requireRow(tx, articleId);
    check(actor, 'article.delete', row);
    const urls = readerUrlsOf(tx, row);
    const places = readerPlacesOf(articleId, now);
    const live = wasLive(row);
    if (live) markGone(tx, row, now);
    // Translations made from this version keep existing; they are no longer translations of anything.
    tx.update(articles).set({ translatedFromId: null }).where(eq(articles.translatedFromId, articleId)).run();
    tx.delete(articles).where(eq(articles.id, articleId)).run();
    const left = tx.select({ n: count() }).from(articles).where(eq(articles.storyId, row.storyId)).get()?.n ?? 0;
    if (left === 0) tx.delete(stories).where(eq(stories.id, row.storyId)).run();
    audit(auditActor(actor), { action: 'article.delete', targetType: 'article', targetId: articleId, detail: { title: row.title, locale: row.locale, slug: row.slug, status: row.status, places } }, tx, now);
    return { id: articleId, locale: row.locale as Locale, wasLive: live, urls, places };
  });
}

/** An editor's dated correction note: readers see it on the article, and it moves dateModified. */
export function addCorrection(actor: NewsroomActor, articleId: number, note: string, now = new Date()): { id: number } {
  const text = z.string().trim().min(1).max(CORRECTION_MAX).parse(note);
  return transaction((tx) => {
    const row = requireRow(tx, articleId);
    check(actor, 'article.correct', row);
    const { id } = tx.insert(articleCorrections).values({ articleId, note: text, userId: accountId(actor), createdAt: now }).returning({ id: articleCorrections.id }).get();
    tx.update(articles).set({ textChangedAt: now, updatedAt: now }).where(eq(articles.id, articleId)).run();
    recordRevision(tx, articleId, accountId(actor), 'correction', now);
    audit(auditActor(actor), { action: 'article.correct', targetType: 'article', targetId: articleId, detail: { correctionId: id } }, tx, now);
    return { id };
  });
}

/* ------------------------------------------------------------------------------------------------------------
 * Translations
 * ---------------------------------------------------------------------------------------------------------- */

/**
 * Creates the `targetLocale` version of the story, pre-filled from `articleId` (text to translate, same section,
 * byline, topics, genre, image), owned by `actor`, as a draft.
 */
export function translateArticle(actor: NewsroomActor, articleId: number, targetLocale: Locale, now = new Date()): { id: number; version: number } {
  const locale = z.enum(locales).parse(targetLocale);
  return transaction((tx) => {
    const source = requireRow(tx, articleId);
    check(actor, 'article.translate', source);
    if (source.locale === locale) throw new WorkflowError('same_locale');
    const existing = tx.select({ id: articles.id }).from(articles).where(and(eq(articles.storyId, source.storyId), eq(articles.locale, locale))).get();
    if (existing) throw new WorkflowError('translation_exists');
    const { id } = tx
      .insert(articles)
      .values({
        storyId: source.storyId,
        locale,
        slug: suggestSlug(tx, locale, source.title),
        title: source.title,
        standfirst: source.standfirst,
        body: source.body,
        kind: source.kind,
        videoDurationSeconds: source.videoDurationSeconds,
        videoUrl: source.videoUrl,
        videoTitle: source.videoTitle,
        categoryId: source.categoryId,
        authorId: source.authorId,
        heroImage: source.heroImage,
        heroWidth: source.heroWidth,
        heroHeight: source.heroHeight,
        heroAlt: source.heroAlt,
        heroCaption: source.heroCaption,
        heroCredit: source.heroCredit,
        genre: source.genre,
        status: 'draft',
        publishedAt: null,
        createdAt: now,
        updatedAt: now,
        textChangedAt: now,
        version: 1,
        ownerId: accountId(actor),
        translatedFromId: source.id,
        sourceReviewedAt: now,
      })
      .returning({ id: articles.id })
      .get();
    setTags(tx, id, tagIdsOf(tx, source.id));
    recordRevision(tx, id, accountId(actor), 'translate', now);
    audit(auditActor(actor), { action: 'article.translate', targetType: 'article', targetId: id, detail: { from: source.id, locale } }, tx, now);
    return { id, version: 1 };
  });
}

/** Someone checked the translation against its source as it is now: the "source updated" flag goes away. */
export function markTranslationReviewed(actor: NewsroomActor, articleId: number, now = new Date()): void {
  transaction((tx) => {
    const row = requireRow(tx, articleId);
    check(actor, 'article.edit', row);
    if (!row.translatedFromId) throw new WorkflowError('not_a_translation');
    tx.update(articles).set({ sourceReviewedAt: now }).where(eq(articles.id, articleId)).run();
    audit(auditActor(actor), { action: 'article.translation_reviewed', targetType: 'article', targetId: articleId, detail: { source: row.translatedFromId } }, tx, now);
  });
}

/* ------------------------------------------------------------------------------------------------------------
 * Presence
 * ---------------------------------------------------------------------------------------------------------- */

export const PRESENCE_WINDOW_MS = 30_000;

/** "I am editing this": returns the others who are (last heartbeat within 30 s, `seenAt`), by name. */
export function heartbeatPresence(actor: NewsroomActor, articleId: number, now = new Date()): { userId: number; name: string; seenAt: Date }[] {
  const db = getDb();
  requireRow(db, articleId);
  db.insert(editingPresence)
    .values({ articleId, userId: actor.id, seenAt: now })
    .onConflictDoUpdate({ target: [editingPresence.articleId, editingPresence.userId], set: { seenAt: now } })
    .run();
  // Old entries of anyone go away (a closed laptop never says goodbye).
  db.delete(editingPresence).where(lte(editingPresence.seenAt, new Date(now.getTime() - 10 * PRESENCE_WINDOW_MS))).run();
  return db
    .select({ userId: users.id, name: users.name, seenAt: editingPresence.seenAt })
    .from(editingPresence)
    .innerJoin(users, eq(users.id, editingPresence.userId))
    .where(and(eq(editingPresence.articleId, articleId), ne(editingPresence.userId, actor.id), gte(editingPresence.seenAt, new Date(now.getTime() - PRESENCE_WINDOW_MS)), isNull(users.disabledAt)))
    .orderBy(asc(users.name))
    .all();
}

export function leavePresence(actor: NewsroomActor, articleId: number): void {
  getDb().delete(editingPresence).where(and(eq(editingPresence.articleId, articleId), eq(editingPresence.userId, actor.id))).run();
}

/* ------------------------------------------------------------------------------------------------------------
 * Scheduler support
 * ---------------------------------------------------------------------------------------------------------- */

/** The earliest publication time among scheduled articles, or null. */
export function nextScheduledAt(): Date | null {
  const row = getDb()
    .select({ at: articles.publishedAt })
    .from(articles)
    .where(eq(articles.status, 'scheduled'))
    .orderBy(asc(articles.publishedAt))
    .limit(1)
    .get();
  return row?.at ?? null;
}

/**
 * Flips every scheduled article whose time has passed to published, atomically (UPDATE … WHERE status =
 * 'scheduled' AND published_at <= now): with two processes, each row is flipped once, by one of them. Returns the
 * ids this call flipped, each with its audit line by `system`.
 */
export function publishDue(now = new Date()): number[] {
  return transaction((tx) => {
    const flipped = tx
      .update(articles)
      .set({ status: 'published', updatedAt: now })
      .where(and(eq(articles.status, 'scheduled'), lte(articles.publishedAt, now)))
      .returning({ id: articles.id, title: articles.title, locale: articles.locale })
      .all();
    for (const a of flipped) {
      clearGone(tx, requireRow(tx, a.id));
      audit(SYSTEM_ACTOR, { action: 'article.publish', targetType: 'article', targetId: a.id, detail: { scheduled: true, title: a.title, locale: a.locale } }, tx, now);
    }
    return flipped.map((a) => a.id);
  });
}

/**
 * What changed for readers in (since, until], whichever process did it: articles whose publication time fell in
 * the window (index articles_schedule: scheduled articles flipped by any process), and the publications,
 * unpublications, corrections, restores and deletions recorded in the audit log in the window (index
 * audit_log_at). Every process refreshes its own caches for these; a deletion brings the places it had.
 */
export function changedBetween(since: Date, until: Date): { ids: number[]; deleted: ReaderPlaces[] } {
  const db = getDb();
  const due = db
    .select({ id: articles.id })
    .from(articles)
    .where(and(eq(articles.status, 'published'), sql`${articles.publishedAt} > ${since.getTime()}`, lte(articles.publishedAt, until)))
    .all()
    .map((r) => r.id);
  const logged = db.$client
    .prepare(
      `select action, cast(target_id as integer) as id, detail from audit_log
       where at > ? and at <= ? and target_type = 'article'
         and action in ('article.publish', 'article.unpublish', 'article.correct', 'article.restore', 'article.delete')`,
    )
    .all(since.getTime(), until.getTime()) as { action: string; id: number; detail: string }[];
  const deleted: ReaderPlaces[] = [];
  const ids = new Set(due);
  for (const line of logged) {
    if (line.action !== 'article.delete') {
      ids.add(line.id);
      continue;
    }
    try {
      const places = (JSON.parse(line.detail) as { places?: ReaderPlaces | null }).places;
      if (places) deleted.push(places);
    } catch {
      // A line without places: nothing to refresh from it.
    }
  }
  return { ids: [...ids], deleted };
}

/* ------------------------------------------------------------------------------------------------------------
 * Where an article appears (for the refresh)
 * ---------------------------------------------------------------------------------------------------------- */

export interface ReaderPlaces {
  locale: Locale;
  /** Article URLs: current and old slugs. */
  articleUrls: string[];
  sectionSlug: string | null;
  topicSlugs: string[];
  authorSlug: string | null;
  /** Article URLs of the other language versions (their hreflang and "read in" links point here). */
  otherVersionUrls: string[];
  /** Readers see it now (published, time passed). */
  live: boolean;
}

/** Every reader URL an article's state touches, whatever its status (the refresh runs before and after a change). */
export function readerPlacesOf(articleId: number, now = new Date()): ReaderPlaces | null {
  const db = getDb();
  const row = rowOf(db, articleId);
  if (!row) return null;
  const locale = row.locale as Locale;
  const topicSlugs = db
    .select({ slug: tagTranslations.slug })
    .from(articleTags)
    .innerJoin(tagTranslations, and(eq(tagTranslations.tagId, articleTags.tagId), eq(tagTranslations.locale, row.locale)))
    .where(eq(articleTags.articleId, articleId))
    .all()
    .map((t) => t.slug);
  const author = db
    .select({ slug: authorTranslations.slug })
    .from(authorTranslations)
    .where(and(eq(authorTranslations.authorId, row.authorId), eq(authorTranslations.locale, row.locale)))
    .get();
  const others = db.select().from(articles).where(and(eq(articles.storyId, row.storyId), ne(articles.id, row.id), or(eq(articles.status, 'published'), eq(articles.status, 'unpublished')))).all();
  return {
    locale,
    articleUrls: readerUrlsOf(db, row),
    sectionSlug: sectionSlug(db, row.categoryId, row.locale),
    topicSlugs,
    authorSlug: author?.slug ?? null,
    otherVersionUrls: others.flatMap((o) => readerUrlsOf(db, o).slice(0, 1)),
    live: row.status === 'published' && !!row.publishedAt && row.publishedAt <= now,
  };
}

export { isGoneUrl } from './gone';
