/**
 * The wire desk's data: feeds (configuration, poll state, lease), agency items with every version, and the
 * articles taken from them. Agency rules are applied here, through the newsroom's article writes (policy, audit
 * line in the same transaction, gone URLs) with the `system` actor:
 *  - a new version applies only when newer (agency version number, else version time, else changed content);
 *    a repeat (same content) or an older version is ignored; a canceled item stays canceled;
 *  - withheld → every article made from the item (its story: both languages) is unpublished;
 *  - canceled (kill) → every such article is deleted (its URLs answer 410);
 *  - embargo → publishing any article of the story schedules it at the embargo (db/article-writes publishArticle);
 *    a live article whose item gains a future embargo is unpublished;
 *  - expires → the scheduler unpublishes the story's live articles (expireWireDue);
 *  - a new version of a taken item flags the story's articles "wire updated" until an editor marks them reviewed.
 * Reader refreshes are the caller's (lib/wire/desk.ts): every function that changes what readers see returns the
 * places to refresh, before and after.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, like, lte, or, sql } from 'drizzle-orm';
import { locales, type Locale } from '@/i18n/routing';
import { assertCan } from '@/lib/auth/policy';
import { primaryLanguage } from '@/lib/wire/parse';
import type { WireFormat, WireItemInput } from '@/lib/wire/types';
import {
  BODY_MAX,
  createArticle,
  deleteArticle,
  publishArticle,
  readerPlacesOf,
  STANDFIRST_MAX,
  SYSTEM_NEWSROOM_ACTOR,
  TITLE_MAX,
  unpublishArticle,
  WorkflowError,
  type NewsroomActor,
  type ReaderPlaces,
} from './article-writes';
import { audit, SYSTEM_ACTOR } from './audit';
import { getDb } from './client';
import {
  articleGenres,
  articles,
  authors,
  authorTranslations,
  categories,
  wireFeeds,
  wireItems,
  wireItemVersions,
  wireTakes,
  type ArticleGenre,
  type WireFeedRow,
  type WireItemRow,
} from './schema';

export class WireError extends Error {
  constructor(
    public readonly code: 'unknown_feed' | 'unknown_item' | 'not_usable' | 'already_taken' | 'no_section' | 'not_an_agency' | 'name_taken' | 'unknown_locale',
  ) {
    super(`wire: ${code}`);
    this.name = 'WireError';
  }
}

/* ------------------------------------------------------------------------------------------------------------
 * Feeds
 * ---------------------------------------------------------------------------------------------------------- */

export interface FeedSettings {
  name: string;
  agencyId: number;
  url: string;
  format: WireFormat;
  pollIntervalSeconds: number;
  language: Locale;
  defaultCategoryId: number | null;
  autoPublishCategoryId: number | null;
  autoPublishGenre: ArticleGenre | null;
  enabled: boolean;
}

/** A feed as pages may see it: never the credentials nor the push token hash. */
export interface FeedView extends FeedSettings {
  id: number;
  hasCredentials: boolean;
  hasPushToken: boolean;
  lastPollAt: Date | null;
  lastSuccessAt: Date | null;
  lastErrorAt: Date | null;
  lastError: string | null;
  failures: number;
  nextPollAt: Date | null;
  itemCount: number;
}

function viewOf(row: WireFeedRow, itemCount = 0): FeedView {
  return {
    id: row.id,
    name: row.name,
    agencyId: row.agencyId,
    url: row.url,
    format: row.format,
    pollIntervalSeconds: row.pollIntervalSeconds,
    language: row.language as Locale,
    defaultCategoryId: row.defaultCategoryId,
    autoPublishCategoryId: row.autoPublishCategoryId,
    autoPublishGenre: row.autoPublishGenre,
    enabled: row.enabled,
    hasCredentials: !!row.credentials,
    hasPushToken: !!row.pushTokenHash,
    lastPollAt: row.lastPollAt,
    lastSuccessAt: row.lastSuccessAt,
    lastErrorAt: row.lastErrorAt,
    lastError: row.lastError,
    failures: row.failures,
    nextPollAt: row.nextPollAt,
    itemCount,
  };
}

function assertAgency(agencyId: number) {
  const a = getDb().select({ kind: authors.kind }).from(authors).where(eq(authors.id, agencyId)).get();
  if (a?.kind !== 'agency') throw new WireError('not_an_agency');
}

function assertLocale(language: string): asserts language is Locale {
  if (!(locales as readonly string[]).includes(language)) throw new WireError('unknown_locale');
}

/** Creates a feed. `actor` null: the command line (`npm run import:wire`), audited as `system`. */
export function createFeed(actor: NewsroomActor | null, settings: FeedSettings, now = new Date()): FeedView {
  if (actor) assertCan(actor, 'wire.feeds');
  assertAgency(settings.agencyId);
  assertLocale(settings.language);
  const db = getDb();
  return db.transaction(
    (tx) => {
      if (tx.select({ id: wireFeeds.id }).from(wireFeeds).where(eq(wireFeeds.name, settings.name)).get()) throw new WireError('name_taken');
      const row = tx
        .insert(wireFeeds)
        .values({ ...settings, nextPollAt: now, createdAt: now, updatedAt: now })
        .returning()
        .get();
      audit(actor ? { id: actor.id, label: actor.label } : SYSTEM_ACTOR, { action: 'wire.feed_create', targetType: 'wire_feed', targetId: row.id, detail: { name: row.name } }, tx, now);
      return viewOf(row);
    },
    { behavior: 'immediate' },
  );
}

export function updateFeed(actor: NewsroomActor, feedId: number, settings: FeedSettings, now = new Date()): FeedView {
  assertCan(actor, 'wire.feeds');
  assertAgency(settings.agencyId);
  assertLocale(settings.language);
  return getDb().transaction(
    (tx) => {
      const clash = tx.select({ id: wireFeeds.id }).from(wireFeeds).where(eq(wireFeeds.name, settings.name)).get();
      if (clash && clash.id !== feedId) throw new WireError('name_taken');
      const row = tx.update(wireFeeds).set({ ...settings, updatedAt: now, nextPollAt: now }).where(eq(wireFeeds.id, feedId)).returning().get();
      if (!row) throw new WireError('unknown_feed');
      audit({ id: actor.id, label: actor.label }, { action: 'wire.feed_update', targetType: 'wire_feed', targetId: feedId, detail: { name: row.name } }, tx, now);
      return viewOf(row);
    },
    { behavior: 'immediate' },
  );
}

/** Stores (already encrypted) credentials, or removes them with null. The value is never read back to a page. */
export function setFeedCredentials(actor: NewsroomActor, feedId: number, encrypted: string | null, now = new Date()): void {
  assertCan(actor, 'wire.feeds');
  getDb().transaction((tx) => {
    const r = tx.update(wireFeeds).set({ credentials: encrypted, updatedAt: now }).where(eq(wireFeeds.id, feedId)).run();
    if (!r.changes) throw new WireError('unknown_feed');
    audit({ id: actor.id, label: actor.label }, { action: encrypted ? 'wire.feed_credentials_set' : 'wire.feed_credentials_removed', targetType: 'wire_feed', targetId: feedId }, tx, now);
  }, { behavior: 'immediate' });
}

export function hashPushToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A new push token for the feed (shown once to the administrator; the database keeps its SHA-256). */
export function rotatePushToken(actor: NewsroomActor, feedId: number, now = new Date()): string {
  assertCan(actor, 'wire.feeds');
  const token = randomBytes(24).toString('base64url');
  getDb().transaction((tx) => {
    const r = tx.update(wireFeeds).set({ pushTokenHash: hashPushToken(token), updatedAt: now }).where(eq(wireFeeds.id, feedId)).run();
    if (!r.changes) throw new WireError('unknown_feed');
    audit({ id: actor.id, label: actor.label }, { action: 'wire.feed_push_token', targetType: 'wire_feed', targetId: feedId }, tx, now);
  }, { behavior: 'immediate' });
  return token;
}

export function feedByPushToken(token: string): WireFeedRow | null {
  if (token.length < 16 || token.length > 200) return null;
  return getDb().select().from(wireFeeds).where(eq(wireFeeds.pushTokenHash, hashPushToken(token))).get() ?? null;
}

export function feedRow(feedId: number): WireFeedRow | null {
  return getDb().select().from(wireFeeds).where(eq(wireFeeds.id, feedId)).get() ?? null;
}

export function feedByName(name: string): WireFeedRow | null {
  return getDb().select().from(wireFeeds).where(eq(wireFeeds.name, name)).get() ?? null;
}

export function listFeeds(): FeedView[] {
  const db = getDb();
  const counts = new Map(
    db
      .select({ feedId: wireItems.feedId, n: sql<number>`count(*)` })
      .from(wireItems)
      .groupBy(wireItems.feedId)
      .all()
      .map((r) => [r.feedId, r.n] as const),
  );
  return db
    .select()
    .from(wireFeeds)
    .orderBy(asc(wireFeeds.name))
    .all()
    .map((row) => viewOf(row, counts.get(row.id) ?? 0));
}

/** The agency authors (for the feed form), in `locale`. */
export function listAgencies(locale: Locale): { id: number; name: string }[] {
  return getDb()
    .select({ id: authors.id, name: authorTranslations.name })
    .from(authors)
    .innerJoin(authorTranslations, and(eq(authorTranslations.authorId, authors.id), eq(authorTranslations.locale, locale)))
    .where(eq(authors.kind, 'agency'))
    .orderBy(asc(authorTranslations.name))
    .all();
}

/* ------------------------------------------------------------------------------------------------------------
 * Poll state and lease
 * ---------------------------------------------------------------------------------------------------------- */

export const BACKOFF_MAX_MS = 6 * 3_600_000;

/**
 * Claims up to `limit` enabled, due feeds with a URL for `owner` until `now + leaseMs`: an atomic UPDATE on rows
 * whose lease is free or expired, so two processes never poll one feed at once.
 */
export function claimDueFeeds(owner: string, now: Date, leaseMs: number, limit = 4): WireFeedRow[] {
  const db = getDb();
  return db.transaction(
    (tx) => {
      const due = tx
        .select({ id: wireFeeds.id })
        .from(wireFeeds)
        .where(
          and(
            eq(wireFeeds.enabled, true),
            sql`${wireFeeds.url} <> ''`,
            or(isNull(wireFeeds.nextPollAt), lte(wireFeeds.nextPollAt, now)),
            or(isNull(wireFeeds.leaseUntil), lte(wireFeeds.leaseUntil, now)),
          ),
        )
        .orderBy(asc(wireFeeds.nextPollAt))
        .limit(limit)
        .all()
        .map((r) => r.id);
      if (!due.length) return [];
      return tx
        .update(wireFeeds)
        .set({ leaseOwner: owner, leaseUntil: new Date(now.getTime() + leaseMs), lastPollAt: now })
        .where(and(inArray(wireFeeds.id, due), or(isNull(wireFeeds.leaseUntil), lte(wireFeeds.leaseUntil, now))))
        .returning()
        .all();
    },
    { behavior: 'immediate' },
  );
}

/** When the next enabled feed is due (for the poller's timer), or null. */
export function nextFeedDueAt(): Date | null {
  const row = getDb()
    .select({ at: sql<number | null>`min(coalesce(max(${wireFeeds.nextPollAt}, coalesce(${wireFeeds.leaseUntil}, 0)), 0))` })
    .from(wireFeeds)
    .where(and(eq(wireFeeds.enabled, true), sql`${wireFeeds.url} <> ''`))
    .get();
  return row?.at === null || row?.at === undefined ? null : new Date(row.at);
}

export function recordPollSuccess(feedId: number, owner: string, validators: { etag: string | null; lastModified: string | null }, now = new Date()): void {
  const feed = feedRow(feedId);
  if (!feed) return;
  getDb()
    .update(wireFeeds)
    .set({
      etag: validators.etag,
      lastModified: validators.lastModified,
      lastSuccessAt: now,
      failures: 0,
      nextPollAt: new Date(now.getTime() + feed.pollIntervalSeconds * 1000),
      leaseOwner: null,
      leaseUntil: null,
    })
    .where(and(eq(wireFeeds.id, feedId), eq(wireFeeds.leaseOwner, owner)))
    .run();
}

/** Exponential back-off: interval × 2^failures, at most 6 hours. */
export function backoffMs(intervalSeconds: number, failures: number): number {
  return Math.min(BACKOFF_MAX_MS, intervalSeconds * 1000 * 2 ** Math.min(failures, 20));
}

export function recordPollError(feedId: number, owner: string, message: string, now = new Date()): void {
  const feed = feedRow(feedId);
  if (!feed) return;
  const failures = feed.failures + 1;
  getDb()
    .update(wireFeeds)
    .set({
      lastErrorAt: now,
      lastError: message.slice(0, 500),
      failures,
      nextPollAt: new Date(now.getTime() + backoffMs(feed.pollIntervalSeconds, failures)),
      leaseOwner: null,
      leaseUntil: null,
    })
    .where(and(eq(wireFeeds.id, feedId), eq(wireFeeds.leaseOwner, owner)))
    .run();
}

/** A manual "poll now": due at once (and the error count kept). */
export function pollFeedNow(actor: NewsroomActor, feedId: number, now = new Date()): void {
  assertCan(actor, 'wire.feeds');
  getDb().update(wireFeeds).set({ nextPollAt: now }).where(eq(wireFeeds.id, feedId)).run();
}

/* ------------------------------------------------------------------------------------------------------------
 * Ingest
 * ---------------------------------------------------------------------------------------------------------- */

export interface IngestResult {
  created: number;
  updated: number;
  ignored: number;
  /** Items created or given a new version, whose consequences apply (applyWireEffects). */
  changed: number[];
}

function contentHash(i: WireItemInput): string {
  return createHash('sha256')
    .update(
      JSON.stringify([i.status, i.embargoUntil?.getTime() ?? null, i.expiresAt?.getTime() ?? null, i.headline, i.standfirst, i.body, i.edNote, i.link, i.byline, i.correction]),
    )
    .digest('hex');
}

function isNewer(current: WireItemRow, incoming: WireItemInput, hash: string): boolean {
  if (current.status === 'canceled') return false; // a kill is final
  if (hash === current.contentHash) return false; // a repeat
  if (incoming.version !== null && current.agencyVersion !== null) return incoming.version > current.agencyVersion;
  const a = incoming.versionAt?.getTime();
  const b = current.versionAt?.getTime();
  if (a !== undefined && b !== undefined && a !== b) return a > b;
  if (a === undefined && b !== undefined && incoming.version === null) return true;
  // Same stamp (or none) but different content: agencies that update in place without a new date.
  return a === b || b === undefined;
}

function itemLanguage(item: WireItemInput, feedLanguage: string): string {
  const lang = primaryLanguage(item.language);
  return lang && (locales as readonly string[]).includes(lang) ? lang : feedLanguage;
}

/** Guids of `items` whose stored version has the same source hash (repeats) or is a kill (final): no need to convert. */
export function settledGuids(agencyId: number, items: WireItemInput[]): Set<string> {
  const hashes = new Map(items.filter((i) => i.sourceHash).map((i) => [i.guid, i.sourceHash!]));
  if (!hashes.size) return new Set();
  const rows = getDb()
    .select({ guid: wireItems.guid, hash: wireItems.contentHash, status: wireItems.status })
    .from(wireItems)
    .where(and(eq(wireItems.agencyId, agencyId), inArray(wireItems.guid, [...hashes.keys()])))
    .all();
  return new Set(rows.filter((r) => r.status === 'canceled' || r.hash === hashes.get(r.guid)).map((r) => r.guid));
}

/** Applies a parsed document's items for a feed, in one transaction. */
export function ingestItems(feed: Pick<WireFeedRow, 'id' | 'agencyId' | 'language'>, items: WireItemInput[], now = new Date()): IngestResult {
  const db = getDb();
  const result: IngestResult = { created: 0, updated: 0, ignored: 0, changed: [] };
  db.transaction(
    (tx) => {
      // The same guid twice in one document: the later entry is compared like any incoming version.
      for (const item of items) {
        const hash = item.sourceHash ?? contentHash(item);
        const current = tx.select().from(wireItems).where(and(eq(wireItems.agencyId, feed.agencyId), eq(wireItems.guid, item.guid))).get();
        const isNew = !current;
        if (current && !isNewer(current, item, hash)) {
          result.ignored++;
          continue;
        }
        // Only now is the body converted (parsers convert lazily): repeats never pay for it.
        const columns = {
          agencyVersion: item.version,
          versionAt: item.versionAt,
          contentHash: hash,
          status: item.status,
          embargoUntil: item.embargoUntil,
          expiresAt: item.expiresAt,
          edNote: item.edNote.slice(0, 10_000),
          language: itemLanguage(item, feed.language),
          headline: item.headline.slice(0, 1000),
          standfirst: item.standfirst.slice(0, 5000),
          body: item.body.slice(0, BODY_MAX),
          link: item.link,
          byline: item.byline,
          correction: item.correction,
          feedId: feed.id,
          updatedAt: now,
        };
        let itemId: number;
        let version: number;
        if (isNew) {
          const row = tx.insert(wireItems).values({ ...columns, agencyId: feed.agencyId, guid: item.guid, version: 1, firstSeenAt: now }).returning({ id: wireItems.id }).get();
          itemId = row.id;
          version = 1;
          result.created++;
        } else {
          version = current!.version + 1;
          itemId = current!.id;
          tx.update(wireItems).set({ ...columns, version }).where(eq(wireItems.id, itemId)).run();
          result.updated++;
        }
        tx.insert(wireItemVersions)
          .values({
            itemId,
            version,
            agencyVersion: item.version,
            versionAt: item.versionAt,
            status: item.status,
            embargoUntil: item.embargoUntil,
            expiresAt: item.expiresAt,
            edNote: columns.edNote,
            headline: columns.headline,
            standfirst: columns.standfirst,
            body: columns.body,
            receivedAt: now,
          })
          .run();
        result.changed.push(itemId);
      }
    },
    { behavior: 'immediate' },
  );
  return result;
}

/* ------------------------------------------------------------------------------------------------------------
 * Consequences for articles
 * ---------------------------------------------------------------------------------------------------------- */

/** Every article of every story taken from the item (both languages, translations included). */
function derivedArticles(itemId: number) {
  const db = getDb();
  const stories = db
    .select({ storyId: articles.storyId })
    .from(wireTakes)
    .innerJoin(articles, eq(articles.id, wireTakes.articleId))
    .where(eq(wireTakes.itemId, itemId))
    .all()
    .map((r) => r.storyId);
  if (!stories.length) return [];
  return db
    .select({ id: articles.id, status: articles.status, publishedAt: articles.publishedAt })
    .from(articles)
    .where(inArray(articles.storyId, [...new Set(stories)]))
    .all();
}

export interface EffectsResult {
  /** Reader places before and after each change: refresh them all. */
  places: (ReaderPlaces | null)[];
  unpublished: number[];
  deleted: number[];
  published: number[];
  scheduled: number[];
}

function emptyEffects(): EffectsResult {
  return { places: [], unpublished: [], deleted: [], published: [], scheduled: [] };
}

function unpublishQuietly(articleId: number, into: EffectsResult, now: Date) {
  const before = readerPlacesOf(articleId, now);
  try {
    unpublishArticle(SYSTEM_NEWSROOM_ACTOR, articleId, now);
  } catch (error) {
    if (error instanceof WorkflowError) return; // already off the site (another process, an editor)
    throw error;
  }
  into.unpublished.push(articleId);
  into.places.push(before, readerPlacesOf(articleId, now));
}

/** Applies the agency's status of each item to the articles made from it, and auto-publishes for trusted feeds. */
export function applyWireEffects(itemIds: number[], now = new Date()): EffectsResult {
  const out = emptyEffects();
  const db = getDb();
  for (const itemId of itemIds) {
    const item = db.select().from(wireItems).where(eq(wireItems.id, itemId)).get();
    if (!item) continue;
    const derived = derivedArticles(itemId);
    if (item.status === 'canceled') {
      for (const a of derived) {
        const before = readerPlacesOf(a.id, now);
        const deleted = deleteArticle(SYSTEM_NEWSROOM_ACTOR, a.id, now);
        out.deleted.push(a.id);
        out.places.push(before, deleted.places);
      }
      continue;
    }
    if (item.status === 'withheld') {
      for (const a of derived) if (a.status === 'published' || a.status === 'scheduled') unpublishQuietly(a.id, out, now);
      continue;
    }
    const embargo = item.embargoUntil && item.embargoUntil > now ? item.embargoUntil : null;
    if (embargo) {
      for (const a of derived) {
        if (a.status === 'published' && a.publishedAt && a.publishedAt <= now) unpublishQuietly(a.id, out, now);
        else if (a.status === 'scheduled' && a.publishedAt && a.publishedAt < embargo) {
          publishArticle(SYSTEM_NEWSROOM_ACTOR, a.id, { at: embargo }, now);
          out.scheduled.push(a.id);
        }
      }
    }
    if (!derived.length && item.feedId) {
      const feed = feedRow(item.feedId);
      if (feed?.autoPublishCategoryId && item.headline.trim() && item.body.trim()) {
        const { articleId } = takeItem(SYSTEM_NEWSROOM_ACTOR, itemId, { categoryId: feed.autoPublishCategoryId, genre: feed.autoPublishGenre ?? 'news', auto: true }, now);
        const before = readerPlacesOf(articleId, now);
        const published = publishArticle(SYSTEM_NEWSROOM_ACTOR, articleId, {}, now);
        (published.status === 'published' ? out.published : out.scheduled).push(articleId);
        out.places.push(before, readerPlacesOf(articleId, now));
      }
    }
  }
  return out;
}

/** Unpublishes the live (or scheduled) articles of items whose `expires` time has passed. Run by the scheduler. */
export function expireWireDue(now = new Date()): EffectsResult {
  const out = emptyEffects();
  const rows = getDb()
    .selectDistinct({ id: articles.id })
    .from(wireItems)
    .innerJoin(wireTakes, eq(wireTakes.itemId, wireItems.id))
    .innerJoin(articles, sql`${articles.storyId} = (select story_id from articles a2 where a2.id = ${wireTakes.articleId})`)
    .where(and(isNotNull(wireItems.expiresAt), lte(wireItems.expiresAt, now), inArray(articles.status, ['published', 'scheduled'])))
    .all();
  for (const r of rows) unpublishQuietly(r.id, out, now);
  return out;
}

/** The next expiry of a taken item still on the site (for the scheduler's timer), or null. */
export function nextWireExpiryAt(now = new Date()): Date | null {
  const row = getDb()
    .select({ at: sql<number | null>`min(${wireItems.expiresAt})` })
    .from(wireItems)
    .innerJoin(wireTakes, eq(wireTakes.itemId, wireItems.id))
    .innerJoin(articles, eq(articles.id, wireTakes.articleId))
    .where(and(gt(wireItems.expiresAt, now), inArray(articles.status, ['published', 'scheduled'])))
    .get();
  return row?.at ? new Date(row.at) : null;
}

/* ------------------------------------------------------------------------------------------------------------
 * Taking copy
 * ---------------------------------------------------------------------------------------------------------- */

function cut(s: string, max: number): string {
  return s.length <= max ? s : s.slice(0, max - 1).trimEnd() + '…';
}

/**
 * "Take": a draft in the item's language, byline the agency, the feed's default section (or `categoryId`), the
 * item's text; linked to the item (internally) so that the agency's later versions and statuses reach it.
 */
export function takeItem(
  actor: NewsroomActor,
  itemId: number,
  opts: { categoryId?: number; genre?: ArticleGenre; auto?: boolean } = {},
  now = new Date(),
): { articleId: number } {
  assertCan(actor, 'wire.take');
  const db = getDb();
  return db.transaction(
    () => {
      const item = db.select().from(wireItems).where(eq(wireItems.id, itemId)).get();
      if (!item) throw new WireError('unknown_item');
      if (item.status !== 'usable') throw new WireError('not_usable');
      const existing = db.select({ articleId: wireTakes.articleId }).from(wireTakes).innerJoin(articles, eq(articles.id, wireTakes.articleId)).where(and(eq(wireTakes.itemId, itemId), eq(articles.locale, item.language))).get();
      if (existing) throw new WireError('already_taken');
      const feed = item.feedId ? feedRow(item.feedId) : null;
      const categoryId = opts.categoryId ?? feed?.defaultCategoryId ?? null;
      if (!categoryId || !db.select({ id: categories.id }).from(categories).where(eq(categories.id, categoryId)).get()) throw new WireError('no_section');
      if (!(locales as readonly string[]).includes(item.language)) throw new WireError('unknown_locale');
      const genre = opts.genre && (articleGenres as readonly string[]).includes(opts.genre) ? opts.genre : 'news';
      const { id } = createArticle(
        actor,
        {
          locale: item.language as Locale,
          title: cut(item.headline || '—', TITLE_MAX),
          standfirst: cut(item.standfirst, STANDFIRST_MAX),
          body: item.body.slice(0, BODY_MAX),
          categoryId,
          authorId: item.agencyId,
          genre,
          slug: '',
        },
        now,
      );
      db.insert(wireTakes).values({ articleId: id, itemId, reviewedVersion: item.version, autoPublished: !!opts.auto, createdAt: now }).run();
      audit(
        { id: actor.id > 0 ? actor.id : null, label: actor.label },
        { action: opts.auto ? 'wire.auto_take' : 'wire.take', targetType: 'article', targetId: id, detail: { item: itemId, version: item.version } },
        db,
        now,
      );
      return { articleId: id };
    },
    { behavior: 'immediate' },
  );
}

/** The wire link of an article's story, for the editor: item, and whether the agency sent a newer version since review. */
export interface WireLink {
  itemId: number;
  status: WireItemRow['status'];
  version: number;
  reviewedVersion: number;
  updated: boolean;
  correction: boolean;
  embargoUntil: Date | null;
  expiresAt: Date | null;
  edNote: string;
}

export function wireLinkOf(articleId: number): WireLink | null {
  const db = getDb();
  const article = db.select({ storyId: articles.storyId }).from(articles).where(eq(articles.id, articleId)).get();
  if (!article) return null;
  const row = db
    .select({ item: wireItems, reviewedVersion: wireTakes.reviewedVersion })
    .from(wireTakes)
    .innerJoin(articles, eq(articles.id, wireTakes.articleId))
    .innerJoin(wireItems, eq(wireItems.id, wireTakes.itemId))
    .where(eq(articles.storyId, article.storyId))
    .orderBy(desc(wireItems.updatedAt))
    .get();
  if (!row) return null;
  return {
    itemId: row.item.id,
    status: row.item.status,
    version: row.item.version,
    reviewedVersion: row.reviewedVersion,
    updated: row.item.version > row.reviewedVersion,
    correction: row.item.correction && row.item.version > row.reviewedVersion,
    embargoUntil: row.item.embargoUntil,
    expiresAt: row.item.expiresAt,
    edNote: row.item.edNote,
  };
}

/** An editor checked the article against the agency's latest version: the "wire updated" flag goes away. */
export function markWireReviewed(actor: NewsroomActor, articleId: number, now = new Date()): void {
  assertCan(actor, 'wire.review');
  const db = getDb();
  db.transaction(
    (tx) => {
      const article = tx.select({ storyId: articles.storyId }).from(articles).where(eq(articles.id, articleId)).get();
      if (!article) throw new WireError('unknown_item');
      const takes = tx
        .select({ articleId: wireTakes.articleId, version: wireItems.version })
        .from(wireTakes)
        .innerJoin(articles, eq(articles.id, wireTakes.articleId))
        .innerJoin(wireItems, eq(wireItems.id, wireTakes.itemId))
        .where(eq(articles.storyId, article.storyId))
        .all();
      for (const t of takes) tx.update(wireTakes).set({ reviewedVersion: t.version }).where(eq(wireTakes.articleId, t.articleId)).run();
      audit({ id: actor.id, label: actor.label }, { action: 'wire.reviewed', targetType: 'article', targetId: articleId }, tx, now);
    },
    { behavior: 'immediate' },
  );
}

/* ------------------------------------------------------------------------------------------------------------
 * The queue
 * ---------------------------------------------------------------------------------------------------------- */

export const WIRE_QUEUE_PAGE_SIZE = 50;

export interface WireQueueFilter {
  agencyId?: number;
  language?: string;
  categoryId?: number;
  q?: string;
  page?: number;
}

export interface WireQueueItem {
  id: number;
  headline: string;
  standfirst: string;
  status: WireItemRow['status'];
  version: number;
  language: string;
  agencyId: number;
  agencyName: string;
  feedName: string | null;
  updatedAt: Date;
  embargoUntil: Date | null;
  expiresAt: Date | null;
  edNote: string;
  correction: boolean;
  /** Articles taken from the item: id and locale. */
  takes: { articleId: number; locale: string }[];
}

/** Newest first; canceled items stay listed (marked) so editors see the kill. */
export function listWireQueue(filter: WireQueueFilter, uiLocale: Locale, pageSize = WIRE_QUEUE_PAGE_SIZE): { items: WireQueueItem[]; total: number } {
  const db = getDb();
  const where = and(
    filter.agencyId ? eq(wireItems.agencyId, filter.agencyId) : undefined,
    filter.language ? eq(wireItems.language, filter.language) : undefined,
    filter.categoryId ? sql`${wireItems.feedId} in (select id from wire_feeds where default_category_id = ${filter.categoryId} or auto_publish_category_id = ${filter.categoryId})` : undefined,
    filter.q ? or(like(wireItems.headline, `%${filter.q.replace(/[%_\\]/g, (c) => '\\' + c)}%`), like(wireItems.body, `%${filter.q.replace(/[%_\\]/g, (c) => '\\' + c)}%`)) : undefined,
  );
  const total = db.select({ n: sql<number>`count(*)` }).from(wireItems).where(where).get()?.n ?? 0;
  const page = Math.max(1, filter.page ?? 1);
  const rows = db
    .select({ item: wireItems, agencyName: authorTranslations.name, feedName: wireFeeds.name })
    .from(wireItems)
    .leftJoin(authorTranslations, and(eq(authorTranslations.authorId, wireItems.agencyId), eq(authorTranslations.locale, uiLocale)))
    .leftJoin(wireFeeds, eq(wireFeeds.id, wireItems.feedId))
    .where(where)
    .orderBy(desc(wireItems.updatedAt), desc(wireItems.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .all();
  const ids = rows.map((r) => r.item.id);
  // Every language version of the stories taken from these items (a translation counts as taken in its language).
  const takes = ids.length
    ? (db.$client
        .prepare(
          `select distinct t.item_id as itemId, a2.id as articleId, a2.locale as locale
           from wire_takes t join articles a1 on a1.id = t.article_id join articles a2 on a2.story_id = a1.story_id
           where t.item_id in (${ids.map(() => '?').join(',')}) order by a2.id`,
        )
        .all(...ids) as { itemId: number; articleId: number; locale: string }[])
    : [];
  return {
    total,
    items: rows.map(({ item, agencyName, feedName }) => ({
      id: item.id,
      headline: item.headline,
      standfirst: item.standfirst,
      status: item.status,
      version: item.version,
      language: item.language,
      agencyId: item.agencyId,
      agencyName: agencyName ?? '',
      feedName,
      updatedAt: item.updatedAt,
      embargoUntil: item.embargoUntil,
      expiresAt: item.expiresAt,
      edNote: item.edNote,
      correction: item.correction,
      takes: takes.filter((t) => t.itemId === item.id).map((t) => ({ articleId: t.articleId, locale: t.locale })),
    })),
  };
}

export function getWireItem(itemId: number) {
  const db = getDb();
  const item = db.select().from(wireItems).where(eq(wireItems.id, itemId)).get();
  if (!item) return null;
  const versions = db.select().from(wireItemVersions).where(eq(wireItemVersions.itemId, itemId)).orderBy(desc(wireItemVersions.version)).all();
  return { item, versions };
}
