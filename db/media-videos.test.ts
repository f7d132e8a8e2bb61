/**
 * Self-hosted video in the library (issue 12) on a real SQLite file and media directory: an upload streamed to
 * disk is checked, stored under its hash and answered with byte ranges; refused files leave nothing; a video an
 * article plays cannot be deleted.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createArticle, type NewsroomActor } from './article-writes';
import { listVideos, videoForPage } from './media';
import { deleteVideo, MediaError, MediaInUseError, uploadVideo } from './media-writes';
import { users } from './schema';
import { newsroom, useTestDb } from '@/tests/support/db';
import { spool } from '@/lib/media/spool';
import { makeMp4, makeWebm } from '@/lib/media/video-fixtures';
import { GET as serveMedia } from '@/app/media/p/[file]/route';

let env: ReturnType<typeof useTestDb>;
let section: number;
let byline: number;
let editor: NewsroomActor;
const t0 = new Date('2026-03-02T08:00:00Z');

const files = (sub: string) => (existsSync(join(env.dir, 'media', sub)) ? readdirSync(join(env.dir, 'media', sub)).filter((f) => !f.startsWith('.')) : []);

/** An upload as the route receives it: the body in chunks, streamed to disk. */
function streamOf(buf: Buffer, chunk = 1000): ReadableStreamDefaultReader<Uint8Array> {
  let off = 0;
  return new ReadableStream<Uint8Array>({
    pull(c) {
      if (off >= buf.length) return c.close();
      c.enqueue(buf.subarray(off, off + chunk));
      off += chunk;
    },
  }).getReader();
}
const upload = async (name: string, buf: Buffer, max = 500 * 1024 * 1024) => uploadVideo(editor, name, await spool([], streamOf(buf), max), t0);

beforeEach(() => {
  env = useTestDb();
  vi.stubEnv('MEDIA_DIR', join(env.dir, 'media'));
  const n = newsroom(env.db, t0);
  section = n.category('politique');
  byline = n.author('redaction');
  const { id } = env.db.insert(users).values({ email: 'e@kiosque.test', name: 'E', role: 'editor', passwordHash: 'x', createdAt: t0, updatedAt: t0 }).returning({ id: users.id }).get();
  editor = { id, role: 'editor', label: 'e@kiosque.test' };
});
afterEach(() => env.close());

describe('video upload', () => {
  it('stores an MP4 under its hash with the duration and size read from the file; the same file again is a duplicate', async () => {
    const mp4 = makeMp4({ duration: 95_000, width: 1280, height: 720, media: Buffer.alloc(50_000, 3) });
    const { id, duplicate } = await upload('reportage.mp4', mp4);
    expect(duplicate).toBe(false);
    const [v] = listVideos();
    expect(v).toMatchObject({ id, container: 'mp4', bytes: mp4.length, width: 1280, height: 720, durationSeconds: 95, originalName: 'reportage.mp4', usageCount: 0 });
    expect(v!.url).toMatch(/^\/media\/p\/[0-9a-f]{64}\.mp4$/);
    expect(files('public')).toEqual([v!.url.slice('/media/p/'.length)]);
    expect(videoForPage(v!.url)).toEqual({ width: 1280, height: 720, durationSeconds: 95 });
    expect(await upload('copie.mp4', mp4)).toEqual({ id, duplicate: true });
    expect(files('public')).toHaveLength(1);
    expect(files('incoming')).toEqual([]);
  });

  it('serves the stored file with byte ranges: 206 with exactly the bytes asked for, 416 past the end', async () => {
    const webm = makeWebm({ media: Buffer.from(Array.from({ length: 20_000 }, (_, i) => i % 253)) });
    await upload('clip.webm', webm);
    const file = listVideos()[0]!.url.slice('/media/p/'.length);
    const get = (range: string) => serveMedia(new Request(`http://x/media/p/${file}`, { headers: { range } }), { params: Promise.resolve({ file }) });
    const part = await get('bytes=1000-4999');
    expect(part.status).toBe(206);
    expect(part.headers.get('content-type')).toBe('video/webm');
    expect(part.headers.get('accept-ranges')).toBe('bytes');
    expect(part.headers.get('cache-control')).toMatch(/immutable/);
    expect(Buffer.from(await part.arrayBuffer()).equals(webm.subarray(1000, 5000))).toBe(true);
    expect((await get(`bytes=${webm.length}-`)).status).toBe(416);
  });

  it('refuses a truncated video, a Matroska file and an over-limit upload with nothing stored', async () => {
    const mp4 = makeMp4();
    const code = (p: Promise<unknown>) => p.then(() => 'stored', (e: unknown) => (e instanceof MediaError ? e.code : String(e)));
    expect(await code(upload('coupe.mp4', mp4.subarray(0, mp4.length - 10)))).toBe('video_corrupt');
    expect(await code(upload('film.mkv', makeWebm({ docType: 'matroska' })))).toBe('not_media');
    expect(await code(upload('gros.mp4', mp4, 2000))).toBe('video_too_large');
    expect(listVideos()).toEqual([]);
    expect(files('public')).toEqual([]);
    expect(files('incoming')).toEqual([]);
  });

  it('refuses to delete a video an article plays', async () => {
    const { id } = await upload('a.mp4', makeMp4());
    const url = listVideos()[0]!.url;
    createArticle(editor, { locale: 'fr', title: 'Titre', body: 'Texte', categoryId: section, authorId: byline, kind: 'video', videoUrl: url, videoDurationSeconds: 63 }, t0);
    expect(listVideos()[0]!.usageCount).toBe(1);
    await expect(deleteVideo(editor, id, t0)).rejects.toBeInstanceOf(MediaInUseError);
    expect(files('public')).toHaveLength(1);
  });

  it('deletes an unused video and its file', async () => {
    const { id } = await upload('a.webm', makeWebm());
    await deleteVideo(editor, id, t0);
    expect(listVideos()).toEqual([]);
    expect(files('public')).toEqual([]);
  });
});
