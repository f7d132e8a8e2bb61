/**
 * WordPress import writes (lib/wordpress/import.ts decides, this module writes) and the old-URL lookup the request
 * path uses (one primary-key lookup in legacy_redirects, joined to the current slugs).
 */
import type Database from 'better-sqlite3';
import { and, eq } from 'drizzle-orm';
import { FEED_FILE, OG_IMAGE_SEGMENT, paths } from '@/i18n/paths';
import { fixedPaths, isLocale, locales, reservedSegments, type Locale } from '@/i18n/routing';
import { getDb, type Db } from './client';
import {
  articles, articleTags, authors, authorTranslations, categories, categoryTranslations, legacyRedirects, mediaTranslations, stories, tags, tagTranslations,
  wordpressPosts, type LegacyRedirectKind, type NewArticleRow,
} from './schema';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type { Tx as WordpressTx };

function freeSlug(taken: (slug: string) => boolean, base: string): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}

/** A name and slug per locale (the import fills every locale, falling back to the other language's). */
export type NamesByLocale = Record<Locale, { name: string; slug: string }>;

/**
 * A section by key; else the site's section that already has the category's slug in one of its languages (an
 * operator who created the sections before the move-in keeps them); else created with its name and slug in every
 * locale (slugs made unique per locale, never a segment the router keeps for itself). An existing section is left
 * as it is: the newsroom may have renamed it.
 */
export function ensureSection(tx: Tx, key: string, names: NamesByLocale): number {
  const found = sectionIdOf(tx, key, names);
  if (found !== null) return found;
  const { id } = tx.insert(categories).values({ key, position: 100 }).returning({ id: categories.id }).get();
  for (const locale of locales) {
    const base = reservedSegments.has(names[locale].slug) ? `${names[locale].slug}-2` : names[locale].slug;
    const s = freeSlug((c) => !!tx.select({ id: categoryTranslations.categoryId }).from(categoryTranslations).where(and(eq(categoryTranslations.locale, locale), eq(categoryTranslations.slug, c))).get(), base);
    tx.insert(categoryTranslations).values({ categoryId: id, locale, name: names[locale].name, slug: s }).run();
  }
  return id;
}

/** The section ensureSection would use, without creating one. */
export function sectionIdOf(tx: Tx, key: string, names: NamesByLocale): number | null {
  const found = tx.select({ id: categories.id }).from(categories).where(eq(categories.key, key)).get();
  if (found) return found.id;
  for (const locale of locales) {
    const same = tx.select({ id: categoryTranslations.categoryId }).from(categoryTranslations).where(and(eq(categoryTranslations.locale, locale), eq(categoryTranslations.slug, names[locale].slug))).get();
    if (same) return same.id;
  }
  return null;
}

/** A topic by key; else the site's topic with the tag's slug in one of its languages; else a new one. */
export function ensureTopic(tx: Tx, key: string, names: NamesByLocale): number {
  const found = tx.select({ id: tags.id }).from(tags).where(eq(tags.key, key)).get();
  if (found) return found.id;
  for (const locale of locales) {
    const same = tx.select({ id: tagTranslations.tagId }).from(tagTranslations).where(and(eq(tagTranslations.locale, locale), eq(tagTranslations.slug, names[locale].slug))).get();
    if (same) return same.id;
  }
  const { id } = tx.insert(tags).values({ key }).returning({ id: tags.id }).get();
  for (const locale of locales) {
    const s = freeSlug((c) => !!tx.select({ id: tagTranslations.tagId }).from(tagTranslations).where(and(eq(tagTranslations.locale, locale), eq(tagTranslations.slug, c))).get(), names[locale].slug);
    tx.insert(tagTranslations).values({ tagId: id, locale, name: names[locale].name, slug: s }).run();
  }
  return id;
}

export function ensureAuthor(tx: Tx, key: string, name: string, slug: string): number {
  const found = tx.select({ id: authors.id }).from(authors).where(eq(authors.key, key)).get();
  if (found) return found.id;
  const { id } = tx.insert(authors).values({ key, kind: 'person' }).returning({ id: authors.id }).get();
  for (const locale of locales) {
    const s = freeSlug((c) => !!tx.select({ id: authorTranslations.authorId }).from(authorTranslations).where(and(eq(authorTranslations.locale, locale), eq(authorTranslations.slug, c))).get(), slug);
    tx.insert(authorTranslations).values({ authorId: id, locale, name, slug: s }).run();
  }
  return id;
}

export function ensureStory(tx: Tx, key: string, now: Date): number {
  const found = tx.select({ id: stories.id }).from(stories).where(eq(stories.key, key)).get();
  if (found) return found.id;
  return tx.insert(stories).values({ key, createdAt: now }).returning({ id: stories.id }).get().id;
}

export function importedPost(tx: Tx | Db, siteUrl: string, postId: number): { articleId: number; sourceHash: string } | undefined {
  return tx
    .select({ articleId: wordpressPosts.articleId, sourceHash: wordpressPosts.sourceHash })
    .from(wordpressPosts)
    .where(and(eq(wordpressPosts.siteUrl, siteUrl), eq(wordpressPosts.postId, postId)))
    .get();
}

export type ImportedArticle = Omit<NewArticleRow, 'id' | 'storyId' | 'slug' | 'version'> & { locale: Locale; slug: string };

/** Inserts or updates the article of one post; returns its id. Slugs stay unique per locale (-2, -3…). */
export function writePost(
  tx: Tx,
  input: { siteUrl: string; postId: number; sourceHash: string; storyKey: string; article: ImportedArticle; tagIds: number[]; now: Date },
): { articleId: number; created: boolean } {
  const { siteUrl, postId, sourceHash, article, now } = input;
  const existing = importedPost(tx, siteUrl, postId);
  let storyId = ensureStory(tx, input.storyKey, now);
  // The story's slot in this language may already be taken by another article (a second post claiming the same
  // translation): then this post gets a story of its own.
  const clash = tx.select({ id: articles.id }).from(articles).where(and(eq(articles.storyId, storyId), eq(articles.locale, article.locale))).get();
  if (clash && clash.id !== existing?.articleId) storyId = ensureStory(tx, `${input.storyKey}:${postId}`, now);
  const slug = freeSlug((s) => {
    const row = tx.select({ id: articles.id }).from(articles).where(and(eq(articles.locale, article.locale), eq(articles.slug, s))).get();
    return !!row && row.id !== existing?.articleId;
  }, article.slug);
  let articleId: number;
  let created = false;
  if (existing) {
    articleId = existing.articleId;
    tx.update(articles).set({ ...article, slug, storyId }).where(eq(articles.id, articleId)).run();
    tx.update(wordpressPosts).set({ sourceHash, updatedAt: now }).where(and(eq(wordpressPosts.siteUrl, siteUrl), eq(wordpressPosts.postId, postId))).run();
    tx.delete(articleTags).where(eq(articleTags.articleId, articleId)).run();
  } else {
    articleId = tx.insert(articles).values({ ...article, slug, storyId }).returning({ id: articles.id }).get().id;
    tx.insert(wordpressPosts).values({ siteUrl, postId, articleId, sourceHash, importedAt: now, updatedAt: now }).run();
    created = true;
  }
  for (const tagId of new Set(input.tagIds)) tx.insert(articleTags).values({ articleId, tagId }).run();
  return { articleId, created };
}

/** Records an old path (normalized by normalizeLegacyPath); an existing path keeps its first owner. */
/**
 * The alt text WordPress kept for a featured image becomes the library photo's in the post's language, where the
 * library has none yet (an editor's text is never overwritten). Returns whether the photo now has alt text there.
 */
export function adoptPhotoAlt(tx: Tx, mediaId: number, locale: Locale, alt: string): boolean {
  const current = tx
    .select({ alt: mediaTranslations.alt })
    .from(mediaTranslations)
    .where(and(eq(mediaTranslations.mediaId, mediaId), eq(mediaTranslations.locale, locale)))
    .get();
  if (current?.alt.trim()) return true;
  const text = alt.trim().slice(0, 500);
  if (!text) return false;
  tx.insert(mediaTranslations)
    .values({ mediaId, locale, alt: text })
    .onConflictDoUpdate({ target: [mediaTranslations.mediaId, mediaTranslations.locale], set: { alt: text } })
    .run();
  return true;
}

export function addRedirect(tx: Tx, siteUrl: string, path: string, kind: LegacyRedirectKind, targetId: number | null, locale: Locale): void {
  tx.insert(legacyRedirects).values({ path, kind, targetId, locale, siteUrl }).onConflictDoNothing().run();
}

/** First path segments that belong to the application itself, whatever the locale. */
const SYSTEM_ROOTS = new Set(['_next', 'api', 'media', 'newsroom', 'sitemaps', 'sitemap.xml', 'robots.txt', 'icon.svg', 'favicon.ico']);

/**
 * Removes the site's recorded old paths that would shadow a Kiosque URL (the hook answers before the router): the
 * application's own roots, a bare locale, and under a locale its fixed pages, feed, share card and every section
 * with what lies below it (with a WordPress permalink like `/en/%category%/%postname%/` the old path may even be
 * the new URL: a redirect to itself). Returns the paths removed, for the report.
 */
export function dropShadowingRedirects(tx: Tx, siteUrl: string): string[] {
  const owned = new Map<string, Set<string>>(
    locales.map((l) => [l, new Set<string>([FEED_FILE, OG_IMAGE_SEGMENT, ...Object.values(fixedPaths).map((p) => p[l])])]),
  );
  for (const row of tx.select({ locale: categoryTranslations.locale, slug: categoryTranslations.slug }).from(categoryTranslations).all()) {
    owned.get(row.locale)?.add(row.slug);
  }
  const dropped: string[] = [];
  for (const { path } of tx.select({ path: legacyRedirects.path }).from(legacyRedirects).where(eq(legacyRedirects.siteUrl, siteUrl)).all()) {
    const [first = '', second] = path.split('?')[0]!.split('/').slice(1);
    const shadows = SYSTEM_ROOTS.has(first) || (isLocale(first) && (second === undefined || owned.get(first)!.has(second)));
    if (!shadows) continue;
    tx.delete(legacyRedirects).where(eq(legacyRedirects.path, path)).run();
    dropped.push(path);
  }
  return dropped;
}

/**
 * The lookup key of a request target: path without trailing slash (except "/"), lowercase percent-escapes, and the
 * query string only when it names a post (`?p=123`, WordPress's shortlink); null for paths never looked up.
 */
export function normalizeLegacyPath(target: string): string | null {
  const q = target.indexOf('?');
  let pathname = q === -1 ? target : target.slice(0, q);
  const query = q === -1 ? '' : target.slice(q + 1);
  if (!pathname.startsWith('/') || pathname.length > 1000) return null;
  pathname = pathname.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());
  if (pathname.length > 1) pathname = pathname.replace(/\/+$/, '') || '/';
  const p = /(?:^|&)p=(\d{1,12})(?:&|$)/.exec(query);
  if (p) return `${pathname}?p=${Number(p[1])}`;
  return pathname === '/' ? null : pathname;
}

const statements = new WeakMap<Db, Database.Statement<[{ path: string; now: number }], RedirectRow>>();
interface RedirectRow { kind: LegacyRedirectKind; locale: string; a_slug: string | null; a_section: string | null; c_slug: string | null; t_slug: string | null; u_slug: string | null }

/**
 * The new URL of an old path, or null. One statement: the primary-key lookup joined to the current slugs (a
 * renamed article or section redirects to where it is now). Articles only while published and due.
 */
export function legacyRedirect(target: string, db: Db = getDb(), now = Date.now()): string | null {
  const key = normalizeLegacyPath(target);
  if (!key) return null;
  let statement = statements.get(db);
  if (!statement) {
    statement = db.$client.prepare<[{ path: string; now: number }], RedirectRow>(`
      select r.kind, r.locale,
        a.slug as a_slug, ac.slug as a_section,
        ct.slug as c_slug, tt.slug as t_slug, ut.slug as u_slug
      from legacy_redirects r
      left join articles a on r.kind = 'article' and a.id = r.target_id and a.status = 'published' and a.published_at <= @now
      left join category_translations ac on ac.category_id = a.category_id and ac.locale = a.locale
      left join category_translations ct on r.kind in ('section', 'section_feed') and ct.category_id = r.target_id and ct.locale = r.locale
      left join tag_translations tt on r.kind = 'topic' and tt.tag_id = r.target_id and tt.locale = r.locale
      left join author_translations ut on r.kind = 'author' and ut.author_id = r.target_id and ut.locale = r.locale
      where r.path = @path`);
    statements.set(db, statement);
  }
  const row = statement.get({ path: key, now });
  if (!row || !isLocale(row.locale)) return null;
  const moved = targetOf(row, row.locale);
  // Never a redirect to the very path asked for (a loop), whatever was recorded.
  return moved && normalizeLegacyPath(moved) !== key ? moved : null;
}

function targetOf(row: RedirectRow, locale: Locale): string | null {
  switch (row.kind) {
    case 'article': return row.a_slug && row.a_section ? paths.article(locale, row.a_section, row.a_slug) : null;
    case 'section': return row.c_slug ? paths.section(locale, row.c_slug) : null;
    case 'section_feed': return row.c_slug ? paths.sectionFeed(locale, row.c_slug) : null;
    case 'topic': return row.t_slug ? paths.topic(locale, row.t_slug) : null;
    case 'author': return row.u_slug ? paths.author(locale, row.u_slug) : null;
    case 'feed': return paths.feed(locale);
  }
}
