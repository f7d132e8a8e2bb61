/**
 * The media library's reads (issue 12): the newsroom's library list and detail, and what reader pages need to
 * show a photo. No pixels here (reader pages must not load sharp): writes are in db/media-writes.ts.
 */
import { and, desc, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { mediaUrl, MEDIA_URL_PREFIX } from '@/lib/media/paths';
import { bodyPhotoRefsWithoutOwnAlt } from '@/lib/body-photos';
import type { LibraryPhotoRef } from '@/lib/markdown-media';
import { getDb, type Db } from './client';
import { articleBodyPhotos, articles, media, mediaFormerFiles, mediaRenditions, mediaTranslations, mediaVideos, type MediaRenditionRow, type MediaRow } from './schema';

export interface MediaTexts {
  alt: string;
  caption: string;
  credit: string;
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/* ------------------------------------------------------------------------------------------------------------
 * Reads
 * ---------------------------------------------------------------------------------------------------------- */

export interface MediaUsage {
  articleId: number;
  locale: string;
  title: string;
  status: string;
  /** The article's hero photo. */
  asHero: boolean;
  /** Placed in the article's body (`![alt](/media/photo/N)` or a rendition address: table article_body_photos). */
  inBody: boolean;
}

export interface MediaDetail extends MediaRow {
  texts: Record<string, MediaTexts>;
  renditions: MediaRenditionRow[];
  usage: MediaUsage[];
}

function textsOf(db: Db, ids: number[]): Map<number, Record<string, MediaTexts>> {
  const out = new Map<number, Record<string, MediaTexts>>();
  if (ids.length === 0) return out;
  for (const t of db.select().from(mediaTranslations).where(inArray(mediaTranslations.mediaId, ids)).all()) {
    const entry = out.get(t.mediaId) ?? {};
    entry[t.locale] = { alt: t.alt, caption: t.caption, credit: t.credit };
    out.set(t.mediaId, entry);
  }
  return out;
}

export function getMedia(id: number, db: Db = getDb()): MediaDetail | null {
  const row = db.select().from(media).where(eq(media.id, id)).get();
  if (!row) return null;
  const renditions = db.select().from(mediaRenditions).where(eq(mediaRenditions.mediaId, id)).all();
  return { ...row, texts: textsOf(db, [id]).get(id) ?? {}, renditions, usage: photoUsage(db, id) };
}

/** Articles placing a photo in their body (subquery): with `articles.hero_media_id`, a photo's uses. */
const inBodyOf = (id: number) => sql`${articles.id} in (select ${articleBodyPhotos.articleId} from ${articleBodyPhotos} where ${articleBodyPhotos.mediaId} = ${id})`;

/** Every article that shows a photo, as its hero or in its body, any status (drafts are uses too). */
export function photoUsage(db: Db | Tx, id: number): MediaUsage[] {
  return db
    .select({
      articleId: articles.id,
      locale: articles.locale,
      title: articles.title,
      status: articles.status,
      asHero: sql<number>`coalesce(${articles.heroMediaId} = ${id}, 0)`,
      inBody: sql<number>`${inBodyOf(id)}`,
    })
    .from(articles)
    .where(or(eq(articles.heroMediaId, id), inBodyOf(id)))
    .orderBy(articles.id)
    .all()
    .map((u) => ({ ...u, asHero: u.asHero === 1, inBody: u.inBody === 1 }));
}

export interface MediaListFilter {
  /** Words found in a caption or credit (any language). */
  q?: string;
  /** Uploaded on or after / before (UTC). */
  from?: Date;
  to?: Date;
  page?: number;
}

export interface MediaListItem {
  id: number;
  width: number;
  height: number;
  uploadedAt: Date;
  originalName: string;
  texts: Record<string, MediaTexts>;
  thumb: string | null;
  usageCount: number;
}

export const MEDIA_PAGE_SIZE = 40;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The library, newest first, filtered by caption/credit words and upload dates. */
export function listMedia(filter: MediaListFilter = {}, db: Db = getDb()): { items: MediaListItem[]; hasMore: boolean } {
  const where: SQL[] = [];
  const q = filter.q?.trim();
  if (q) {
    const conditions = q
      .split(/\s+/)
      .slice(0, 8)
      .map((word) => {
        const pattern = `%${escapeLike(word)}%`;
        return sql`${media.id} in (select ${mediaTranslations.mediaId} from ${mediaTranslations} where ${or(
          sql`${mediaTranslations.caption} like ${pattern} escape '\\'`,
          sql`${mediaTranslations.credit} like ${pattern} escape '\\'`,
          sql`${mediaTranslations.alt} like ${pattern} escape '\\'`,
        )})`;
      });
    where.push(...conditions);
  }
  if (filter.from) where.push(gte(media.uploadedAt, filter.from));
  if (filter.to) where.push(lt(media.uploadedAt, filter.to));
  const page = Math.max(1, filter.page ?? 1);
  const rows = db
    .select()
    .from(media)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(media.uploadedAt), desc(media.id))
    .limit(MEDIA_PAGE_SIZE + 1)
    .offset((page - 1) * MEDIA_PAGE_SIZE)
    .all();
  const ids = rows.slice(0, MEDIA_PAGE_SIZE).map((r) => r.id);
  const texts = textsOf(db, ids);
  const thumbs = new Map<number, string>();
  const counts = new Map<number, number>();
  if (ids.length) {
    for (const r of db
      .select({ mediaId: mediaRenditions.mediaId, file: mediaRenditions.file, width: mediaRenditions.width })
      .from(mediaRenditions)
      .where(and(inArray(mediaRenditions.mediaId, ids), eq(mediaRenditions.crop, '16x9'), eq(mediaRenditions.format, 'jpeg')))
      .orderBy(mediaRenditions.width)
      .all()) {
      if (!thumbs.has(r.mediaId)) thumbs.set(r.mediaId, mediaUrl(r.file));
    }
    // Articles using each photo, as hero or in the body (an article doing both counts once).
    const uses = db
      .select({ mediaId: sql<number>`${articles.heroMediaId}`.as('media_id'), articleId: articles.id })
      .from(articles)
      .where(inArray(articles.heroMediaId, ids))
      .union(db.select({ mediaId: articleBodyPhotos.mediaId, articleId: articleBodyPhotos.articleId }).from(articleBodyPhotos).where(inArray(articleBodyPhotos.mediaId, ids)))
      .all();
    for (const u of uses) counts.set(u.mediaId, (counts.get(u.mediaId) ?? 0) + 1);
  }
  return {
    items: rows.slice(0, MEDIA_PAGE_SIZE).map((r) => ({
      id: r.id,
      width: r.width,
      height: r.height,
      uploadedAt: r.uploadedAt,
      originalName: r.originalName,
      texts: texts.get(r.id) ?? {},
      thumb: thumbs.get(r.id) ?? null,
      usageCount: counts.get(r.id) ?? 0,
    })),
    hasMore: rows.length > MEDIA_PAGE_SIZE,
  };
}

/** What a reader page needs to show a photo in one language (null when the photo is gone). */
export interface PhotoForPage {
  id: number;
  alt: string;
  caption: string;
  credit: string;
  /** 16:9 renditions by format, narrowest first. */
  sources: Record<'avif' | 'webp' | 'jpeg', { url: string; width: number; height: number }[]>;
  /** JPEG crops for share cards and JSON-LD. */
  og: { url: string; width: number; height: number } | null;
  structured: { url: string; width: number; height: number }[];
}

export function photoForPage(id: number, locale: string, db: Db = getDb()): PhotoForPage | null {
  const rows = db.select().from(mediaRenditions).where(eq(mediaRenditions.mediaId, id)).orderBy(mediaRenditions.width).all();
  if (rows.length === 0) return null;
  const text = db
    .select()
    .from(mediaTranslations)
    .where(and(eq(mediaTranslations.mediaId, id), eq(mediaTranslations.locale, locale)))
    .get();
  const sources: PhotoForPage['sources'] = { avif: [], webp: [], jpeg: [] };
  const structured: PhotoForPage['structured'] = [];
  let og: PhotoForPage['og'] = null;
  for (const r of rows) {
    const item = { url: mediaUrl(r.file), width: r.width, height: r.height };
    if (r.crop === '16x9') sources[r.format].push(item);
    else if (r.crop === 'og') og = item;
    else structured.push(item);
  }
  const wideJpeg = sources.jpeg.at(-1);
  return {
    id,
    alt: text?.alt ?? '',
    caption: text?.caption ?? '',
    credit: text?.credit ?? '',
    sources,
    og,
    // NewsArticle images: 16:9, 4:3, 1:1 (Google's recommended set).
    structured: wideJpeg ? [wideJpeg, ...structured.sort((a, b) => b.width / b.height - a.width / a.height)] : structured,
  };
}

/** The alt text of a photo in a language ('' when missing): publishing checks it. */
export function altTextOf(db: Db | Tx, id: number, locale: string): string {
  return (
    db
      .select({ alt: mediaTranslations.alt })
      .from(mediaTranslations)
      .where(and(eq(mediaTranslations.mediaId, id), eq(mediaTranslations.locale, locale)))
      .get()?.alt ?? ''
  );
}

export function mediaExists(db: Db | Tx, id: number): boolean {
  return !!db.select({ id: media.id }).from(media).where(eq(media.id, id)).get();
}


/** Photos the article form offers (newest first), labelled in the article's language. */
export function photoChoices(locale: string, limit = 200, db: Db = getDb()): { id: number; thumb: string | null; label: string; alt: string }[] {
  const rows = db
    .select({ id: media.id, name: media.originalName, alt: mediaTranslations.alt, caption: mediaTranslations.caption })
    .from(media)
    .leftJoin(mediaTranslations, and(eq(mediaTranslations.mediaId, media.id), eq(mediaTranslations.locale, locale)))
    .orderBy(desc(media.uploadedAt), desc(media.id))
    .limit(limit)
    .all();
  const ids = rows.map((r) => r.id);
  const thumbs = new Map<number, string>();
  if (ids.length) {
    for (const r of db
      .select({ mediaId: mediaRenditions.mediaId, file: mediaRenditions.file })
      .from(mediaRenditions)
      .where(and(inArray(mediaRenditions.mediaId, ids), eq(mediaRenditions.crop, '16x9'), eq(mediaRenditions.format, 'jpeg')))
      .orderBy(mediaRenditions.width)
      .all()) {
      if (!thumbs.has(r.mediaId)) thumbs.set(r.mediaId, mediaUrl(r.file));
    }
  }
  return rows.map((r) => ({ id: r.id, thumb: thumbs.get(r.id) ?? null, label: (r.caption || r.alt || r.name).slice(0, 80), alt: r.alt ?? '' }));
}

/* ------------------------------------------------------------------------------------------------------------
 * Videos (self-hosted files)
 * ---------------------------------------------------------------------------------------------------------- */

export interface VideoListItem {
  id: number;
  /** `/media/p/<sha256>.mp4|webm`: what an article's video field takes. */
  url: string;
  container: 'mp4' | 'webm';
  bytes: number;
  width: number | null;
  height: number | null;
  durationSeconds: number | null;
  originalName: string;
  uploadedAt: Date;
  uploadedBy: number | null;
  usageCount: number;
}

const videoUrlSql = sql<string>`${MEDIA_URL_PREFIX} || ${mediaVideos.hash} || '.' || ${mediaVideos.container}`;

/** The library's videos, newest first, with how many articles play each. */
export function listVideos(limit = 100, db: Db = getDb()): VideoListItem[] {
  return db
    .select({
      id: mediaVideos.id,
      url: videoUrlSql,
      container: mediaVideos.container,
      bytes: mediaVideos.bytes,
      width: mediaVideos.width,
      height: mediaVideos.height,
      durationSeconds: mediaVideos.durationSeconds,
      originalName: mediaVideos.originalName,
      uploadedAt: mediaVideos.uploadedAt,
      uploadedBy: mediaVideos.uploadedBy,
      usageCount: sql<number>`(select count(*) from ${articles} where ${articles.videoUrl} = ${videoUrlSql})`,
    })
    .from(mediaVideos)
    .orderBy(desc(mediaVideos.uploadedAt), desc(mediaVideos.id))
    .limit(limit)
    .all();
}

/** What a reader page needs to size a self-hosted player (null when the file is not in the library). */
export function videoForPage(url: string, db: Db = getDb()): { width: number | null; height: number | null; durationSeconds: number | null } | null {
  const m = /^\/media\/p\/([0-9a-f]{64})\.(mp4|webm)$/.exec(url);
  if (!m) return null;
  return (
    db
      .select({ width: mediaVideos.width, height: mediaVideos.height, durationSeconds: mediaVideos.durationSeconds })
      .from(mediaVideos)
      .where(and(eq(mediaVideos.hash, m[1]!), eq(mediaVideos.container, m[2] as 'mp4' | 'webm')))
      .get() ?? null
  );
}

/** The photo a body reference names: by number, or by one of its rendition files, current or former. */
export function photoIdOfRef(ref: LibraryPhotoRef, db: Db | Tx = getDb()): number | undefined {
  if ('id' in ref) return ref.id;
  return (
    db.select({ id: mediaRenditions.mediaId }).from(mediaRenditions).where(eq(mediaRenditions.file, ref.file)).get()?.id ??
    // A crop file replaced by a new focal point still names its photo (shown in its current crops).
    db.select({ id: mediaFormerFiles.mediaId }).from(mediaFormerFiles).where(eq(mediaFormerFiles.file, ref.file)).get()?.id
  );
}

/** A library photo named in an article body (lib/markdown-media.ts): by number, or by one of its rendition files, current or former. */
export function bodyPhoto(ref: LibraryPhotoRef, locale: string, db: Db = getDb()): PhotoForPage | null {
  const id = photoIdOfRef(ref, db);
  return id === undefined ? null : photoForPage(id, locale, db);
}

/**
 * Library photos a body shows without alt text of its own that have none in the library in `locale` either: a
 * reader of that language would get an image described by nothing (publishing such an article is refused).
 */
export function bodyPhotosMissingAlt(body: string, locale: string, db: Db | Tx = getDb()): number[] {
  return bodyPhotoRefsWithoutOwnAlt(body)
    .map((ref) => photoIdOfRef(ref, db))
    .filter((id): id is number => id !== undefined && !altTextOf(db, id, locale).trim());
}

/**
 * The file `/media/photo/N` redirects to: the photo's widest 16:9 JPEG (what a body shows, readable by any client),
 * else its widest JPEG of any crop; null when the photo does not exist (never uploaded, or deleted).
 */
export function libraryPhotoFile(id: number, db: Db = getDb()): string | null {
  return (
    db
      .select({ file: mediaRenditions.file })
      .from(mediaRenditions)
      .where(and(eq(mediaRenditions.mediaId, id), eq(mediaRenditions.format, 'jpeg')))
      .orderBy(sql`${mediaRenditions.crop} = '16x9' desc`, desc(mediaRenditions.width))
      .limit(1)
      .get()?.file ?? null
  );
}
