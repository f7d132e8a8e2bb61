/**
 * The media library's writes (issue 12): every write on a photo (policy check first, audit line in the same transaction)
 * and the library's reads. Pixels are lib/media/process.ts's business; this module stores what it returns:
 * public renditions under MEDIA_DIR/public (named by their content hash, written before the row that names them,
 * so a reader never sees a row without its file) and the private master under MEDIA_DIR/originals.
 */
import { mkdir, rename, unlink, writeFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { assertCan } from '@/lib/auth/policy';
import { locales, type Locale } from '@/i18n/routing';
import { MediaError, processImage, renditionsFor, type Focal, type Rendition } from '@/lib/media/process';
import { enqueue } from '@/lib/media/queue';
import { mediaUrl, privateMediaDir, publicMediaDir } from '@/lib/media/paths';
import { probeVideoFile } from '@/lib/media/video';
import type { Spooled } from '@/lib/media/spool';
import { bodyPhotoRefsWithoutOwnAlt } from '@/lib/body-photos';
import { audit, type AuditActor } from './audit';
import { getDb, type Db } from './client';
import { articleBodyPhotos, articles, media, mediaFormerFiles, mediaRenditions, mediaTranslations, mediaVideos, type MediaRow, type MediaVideoRow, type UserRole } from './schema';
import { photoIdOfRef, photoUsage, type MediaTexts } from './media';

export { MediaError };

export interface MediaActor {
  id: number;
  role: UserRole;
  label: string;
}

export class MediaNotFoundError extends Error {
  constructor(public readonly id: number) {
    super(`no media ${id}`);
    this.name = 'MediaNotFoundError';
  }
}

/** Clearing the alt text of a language in which a live or scheduled article shows the photo: nothing changed. */
export class MediaAltRequiredError extends Error {
  constructor(public readonly locale: string) {
    super(`alt text required in ${locale}`);
    this.name = 'MediaAltRequiredError';
  }
}

/** Deleting a photo that an article shows is refused: nothing changed. */
export class MediaInUseError extends Error {
  constructor(public readonly articleIds: number[]) {
    super(`media in use by ${articleIds.length} article(s)`);
    this.name = 'MediaInUseError';
  }
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** The seed and scripts: no account (id 0), audited as `system`. */
export const SYSTEM_MEDIA_ACTOR: MediaActor = { id: 0, role: 'administrator', label: 'system' };

const auditActor = (actor: MediaActor): AuditActor => ({ id: actor.id > 0 ? actor.id : null, label: actor.label });
const scope = (row: MediaRow) => ({ ownerId: row.uploadedBy, status: 'draft' as const });

async function writeAtomically(dir: string, name: string, data: Buffer): Promise<void> {
  await mkdir(dir, { recursive: true });
  const tmp = join(dir, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
  await writeFile(tmp, data);
  await rename(tmp, join(dir, name));
}

async function writeRenditions(renditions: Rendition[]): Promise<void> {
  const dir = publicMediaDir();
  for (const r of renditions) await writeAtomically(dir, r.file, r.data);
}

/** Removes public files no rendition row names any more (a file may be shared by two photos' identical crops). */
async function removeOrphans(files: string[], db: Db = getDb()): Promise<void> {
  if (files.length === 0) return;
  const still = new Set(
    db.select({ file: mediaRenditions.file }).from(mediaRenditions).where(inArray(mediaRenditions.file, files)).all().map((r) => r.file),
  );
  for (const file of new Set(files)) if (!still.has(file)) await unlink(join(publicMediaDir(), file)).catch(() => undefined);
}

function renditionRows(mediaId: number, renditions: Rendition[]) {
  return renditions.map((r) => ({ mediaId, crop: r.crop, format: r.format, width: r.width, height: r.height, file: r.file, bytes: r.data.length }));
}

export interface UploadResult {
  id: number;
  /** The same bytes were already in the library: that photo is returned, nothing new stored. */
  duplicate: boolean;
}

/**
 * Validates, processes (one image at a time per process) and stores an upload. A refused file throws MediaError
 * and leaves nothing behind: files are written only after processing succeeded.
 */
export async function uploadMedia(actor: MediaActor, originalName: string, bytes: Buffer, now = new Date(), db: Db = getDb()): Promise<UploadResult> {
  assertCan(actor, 'media.upload');
  const processed = await enqueue(() => processImage(bytes));
  const existing = db.select({ id: media.id }).from(media).where(eq(media.hash, processed.hash)).get();
  if (existing) return { id: existing.id, duplicate: true };
  await writeAtomically(privateMediaDir(), `${processed.hash}.jpg`, processed.master);
  await writeRenditions(processed.renditions);
  try {
    const id = db.transaction(
      (tx) => {
        const row = tx
          .insert(media)
          .values({
            hash: processed.hash,
            format: processed.format,
            bytes: processed.bytes,
            width: processed.width,
            height: processed.height,
            originalName: originalName.slice(0, 200),
            uploadedBy: actor.id > 0 ? actor.id : null,
            uploadedAt: now,
            updatedAt: now,
          })
          .returning({ id: media.id })
          .get();
        tx.insert(mediaRenditions).values(renditionRows(row.id, processed.renditions)).run();
        tx.insert(mediaTranslations)
          .values(locales.map((locale) => ({ mediaId: row.id, locale })))
          .run();
        audit(auditActor(actor), { action: 'media.upload', targetType: 'media', targetId: row.id, detail: { name: originalName.slice(0, 200), bytes: processed.bytes } }, tx, now);
        return row.id;
      },
      { behavior: 'immediate' },
    );
    return { id, duplicate: false };
  } catch (error) {
    await removeOrphans(processed.renditions.map((r) => r.file), db);
    await unlink(join(privateMediaDir(), `${processed.hash}.jpg`)).catch(() => undefined);
    throw error;
  }
}

function requireMedia(db: Db | Tx, id: number): MediaRow {
  const row = db.select().from(media).where(eq(media.id, id)).get();
  if (!row) throw new MediaNotFoundError(id);
  return row;
}

const textSchemaLimit = { alt: 500, caption: 1000, credit: 200 };

/** Alt text, caption and credit per language (missing locales are left as they are). */
export function updateMediaTexts(actor: MediaActor, id: number, texts: Partial<Record<Locale, MediaTexts>>, now = new Date(), db: Db = getDb()): void {
  db.transaction(
    (tx) => {
      const row = requireMedia(tx, id);
      assertCan(actor, 'media.edit', scope(row));
      for (const locale of locales) {
        const t = texts[locale];
        if (!t) continue;
        if (!t.alt.trim()) {
          const live = tx
            .select({ id: articles.id })
            .from(articles)
            .where(and(eq(articles.heroMediaId, id), eq(articles.locale, locale), inArray(articles.status, ['published', 'scheduled'])))
            .get();
          if (live) throw new MediaAltRequiredError(locale);
          // …or shows it in its text without alt text of its own (the page would give it the library's).
          const bodies = tx
            .select({ body: articles.body })
            .from(articleBodyPhotos)
            .innerJoin(articles, eq(articles.id, articleBodyPhotos.articleId))
            .where(and(eq(articleBodyPhotos.mediaId, id), eq(articles.locale, locale), inArray(articles.status, ['published', 'scheduled'])))
            .all();
          if (bodies.some(({ body }) => bodyPhotoRefsWithoutOwnAlt(body).some((ref) => photoIdOfRef(ref, tx) === id))) throw new MediaAltRequiredError(locale);
        }
        const values = {
          alt: t.alt.trim().slice(0, textSchemaLimit.alt),
          caption: t.caption.trim().slice(0, textSchemaLimit.caption),
          credit: t.credit.trim().slice(0, textSchemaLimit.credit),
        };
        tx.insert(mediaTranslations)
          .values({ mediaId: id, locale, ...values })
          .onConflictDoUpdate({ target: [mediaTranslations.mediaId, mediaTranslations.locale], set: values })
          .run();
      }
      tx.update(media).set({ updatedAt: now }).where(eq(media.id, id)).run();
      audit(auditActor(actor), { action: 'media.edit', targetType: 'media', targetId: id, detail: { locales: Object.keys(texts) } }, tx, now);
    },
    { behavior: 'immediate' },
  );
}

/**
 * Moves the focal point and redoes the crops from the private master; old files no row names are removed, and their
 * names are remembered (media_former_files) so that a body naming one still shows this photo.
 */
export async function setFocalPoint(actor: MediaActor, id: number, focal: Focal, now = new Date(), db: Db = getDb()): Promise<void> {
  const row = requireMedia(db, id);
  assertCan(actor, 'media.edit', scope(row));
  const x = Math.min(1, Math.max(0, focal.x));
  const y = Math.min(1, Math.max(0, focal.y));
  const master = await readFile(join(privateMediaDir(), `${row.hash}.jpg`));
  const renditions = await enqueue(() => renditionsFor(master, { x, y }));
  await writeRenditions(renditions);
  const old = db.select({ file: mediaRenditions.file }).from(mediaRenditions).where(eq(mediaRenditions.mediaId, id)).all();
  const current = new Set(renditions.map((r) => r.file));
  const former = [...new Set(old.map((o) => o.file))].filter((f) => !current.has(f));
  db.transaction(
    (tx) => {
      tx.delete(mediaRenditions).where(eq(mediaRenditions.mediaId, id)).run();
      tx.insert(mediaRenditions).values(renditionRows(id, renditions)).run();
      // Bodies may name the photo by a rendition address: the old names keep resolving to it (db/media.ts bodyPhoto).
      if (current.size) tx.delete(mediaFormerFiles).where(inArray(mediaFormerFiles.file, [...current])).run();
      if (former.length) tx.insert(mediaFormerFiles).values(former.map((file) => ({ file, mediaId: id }))).onConflictDoNothing().run();
      tx.update(media).set({ focalX: x, focalY: y, updatedAt: now }).where(eq(media.id, id)).run();
      audit(auditActor(actor), { action: 'media.focal', targetType: 'media', targetId: id, detail: { x, y } }, tx, now);
    },
    { behavior: 'immediate' },
  );
  await removeOrphans(
    old.map((o) => o.file),
    db,
  );
}

/** Deletes a photo no article uses, as hero or in its body (else MediaInUseError), its renditions and its private master. */
export async function deleteMedia(actor: MediaActor, id: number, now = new Date(), db: Db = getDb()): Promise<void> {
  const row = requireMedia(db, id);
  assertCan(actor, 'media.delete', scope(row));
  const files = db.transaction(
    (tx) => {
      // Hero or body (article_body_photos, kept by triggers on every body write): the same refusal.
      const users = photoUsage(tx, id);
      if (users.length > 0) throw new MediaInUseError(users.map((u) => u.articleId));
      const files = tx.select({ file: mediaRenditions.file }).from(mediaRenditions).where(eq(mediaRenditions.mediaId, id)).all();
      tx.delete(media).where(eq(media.id, id)).run();
      audit(auditActor(actor), { action: 'media.delete', targetType: 'media', targetId: id, detail: { name: row.originalName } }, tx, now);
      return files.map((f) => f.file);
    },
    { behavior: 'immediate' },
  );
  await removeOrphans(files, db);
  await unlink(join(privateMediaDir(), `${row.hash}.jpg`)).catch(() => undefined);
}


/* ------------------------------------------------------------------------------------------------------------
 * Videos: the spooled upload is checked (lib/media/video.ts) and moved into place; nothing is transcoded.
 * ---------------------------------------------------------------------------------------------------------- */

export const videoFileOf = (row: Pick<MediaVideoRow, 'hash' | 'container'>) => `${row.hash}.${row.container}`;

/**
 * Stores a video received on disk (lib/media/spool.ts). The temporary file is always consumed: moved into
 * MEDIA_DIR/public, or removed when the video is refused (MediaError) or already in the library.
 */
export async function uploadVideo(actor: MediaActor, originalName: string, spooled: Spooled, now = new Date(), db: Db = getDb()): Promise<UploadResult> {
  let published: string | null = null;
  try {
    assertCan(actor, 'media.upload');
    const info = await probeVideoFile(spooled.path);
    const existing = db.select({ id: mediaVideos.id }).from(mediaVideos).where(eq(mediaVideos.hash, spooled.hash)).get();
    if (existing) return { id: existing.id, duplicate: true };
    const file = videoFileOf({ hash: spooled.hash, container: info.container });
    await mkdir(publicMediaDir(), { recursive: true });
    published = join(/* turbopackIgnore: true */ publicMediaDir(), file);
    await rename(spooled.path, published);
    const id = db.transaction(
      (tx) => {
        const row = tx
          .insert(mediaVideos)
          .values({
            hash: spooled.hash,
            container: info.container,
            bytes: spooled.bytes,
            width: info.width,
            height: info.height,
            durationSeconds: info.durationSeconds,
            originalName: originalName.slice(0, 200),
            uploadedBy: actor.id > 0 ? actor.id : null,
            uploadedAt: now,
          })
          .returning({ id: mediaVideos.id })
          .get();
        audit(auditActor(actor), { action: 'media.upload', targetType: 'video', targetId: row.id, detail: { name: originalName.slice(0, 200), bytes: spooled.bytes } }, tx, now);
        return row.id;
      },
      { behavior: 'immediate' },
    );
    published = null;
    return { id, duplicate: false };
  } finally {
    await unlink(spooled.path).catch(() => undefined);
    if (published) await unlink(published).catch(() => undefined);
  }
}

/** Deletes a video no article plays (else MediaInUseError) and its file. */
export async function deleteVideo(actor: MediaActor, id: number, now = new Date(), db: Db = getDb()): Promise<void> {
  const row = db.select().from(mediaVideos).where(eq(mediaVideos.id, id)).get();
  if (!row) throw new MediaNotFoundError(id);
  assertCan(actor, 'media.delete', { ownerId: row.uploadedBy, status: 'draft' });
  const file = videoFileOf(row);
  db.transaction(
    (tx) => {
      const users = tx.select({ id: articles.id }).from(articles).where(eq(articles.videoUrl, mediaUrl(file))).all();
      if (users.length > 0) throw new MediaInUseError(users.map((u) => u.id));
      tx.delete(mediaVideos).where(eq(mediaVideos.id, id)).run();
      audit(auditActor(actor), { action: 'media.delete', targetType: 'video', targetId: id, detail: { name: row.originalName } }, tx, now);
    },
    { behavior: 'immediate' },
  );
  await unlink(join(/* turbopackIgnore: true */ publicMediaDir(), file)).catch(() => undefined);
}
