/**
 * Photo and video upload (issue 12): `POST /newsroom/media/upload`, one file per request as the raw body (the page's script
 * sends each file on its own XMLHttpRequest, so each shows its progress), its name in `X-File-Name`
 * (URI-encoded). Without JavaScript the page's plain form posts `multipart/form-data` with several files; the
 * answer is then a redirect back to the library with the outcome in the query string.
 *
 * Checks, in order: same Origin (a cross-site form cannot upload), a session whose role may upload, then the first
 * bytes: an MP4 or WebM is streamed to disk (at most 500 MB, lib/media/spool.ts) and checked by lib/media/video.ts;
 * anything else is a photo, read with a running count up to 25 MB (never buffered past it) and checked by
 * lib/media/process.ts. Refused files are answered 4xx with a code the page translates; nothing is stored. The
 * plain form (no JavaScript) is read whole by formData(), so there each file, video or photo, stays under 25 MB.
 */
import { NextResponse } from 'next/server';
import { currentUser, actorOf } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/policy';
import { getSiteUrl } from '@/lib/site';
import { MAX_UPLOAD_BYTES, MediaError } from '@/lib/media/process';
import { uploadMedia, uploadVideo, type MediaActor, type UploadResult } from '@/db/media-writes';
import { MAX_VIDEO_BYTES, sniffVideo } from '@/lib/media/video';
import { spool, withVideoSlot } from '@/lib/media/spool';
import { log } from '@/lib/log';

export const dynamic = 'force-dynamic';

/** Several files without JavaScript: at most this many bytes in one form post. */
const MAX_FORM_BYTES = 4 * MAX_UPLOAD_BYTES;

function json(status: number, body: Record<string, unknown>) {
  return NextResponse.json(body, { status, headers: { 'Cache-Control': 'private, no-store' } });
}

function sameOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (!origin) return false;
  const allowed = new Set([new URL(getSiteUrl()).origin]);
  const host = request.headers.get('host');
  if (host) {
    allowed.add(`http://${host}`);
    allowed.add(`https://${host}`);
  }
  return allowed.has(origin);
}

/** Beyond this many bytes a photo upload is not worth draining: reading stops (the client sees the 413 or a reset). */
const DRAIN_LIMIT = 256 * 1024 * 1024;

/** Reads until at least `n` bytes (or the end): enough for the magic numbers that say photo or video. */
async function readHead(reader: ReadableStreamDefaultReader<Uint8Array>, n: number): Promise<{ chunks: Uint8Array[]; head: Buffer; done: boolean }> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  while (total < n) {
    const { done, value } = await reader.read();
    if (done) return { chunks, head: Buffer.concat(chunks), done: true };
    chunks.push(value);
    total += value.byteLength;
  }
  return { chunks, head: Buffer.concat(chunks), done: false };
}

/**
 * Reads the rest of a photo's body, keeping at most `max` bytes: past it, the rest is read and dropped (so the
 * client, which is still sending, gets a clean 413 rather than a reset connection) and the upload is refused.
 */
async function readLimited(reader: ReadableStreamDefaultReader<Uint8Array>, first: Uint8Array[], max: number): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const take = (value: Uint8Array) => {
    total += value.byteLength;
    if (total <= max) chunks.push(value);
  };
  first.forEach(take);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    take(value);
    if (total > DRAIN_LIMIT) {
      await reader.cancel().catch(() => undefined);
      break;
    }
  }
  if (total > max) throw new MediaError('too_large');
  return Buffer.concat(chunks);
}

/** One raw-body upload: the first bytes decide — an MP4/WebM is streamed to disk, anything else is a photo. */
async function receive(request: Request, actor: MediaActor, name: string): Promise<UploadResult & { kind: 'photo' | 'video' }> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > MAX_VIDEO_BYTES) throw new MediaError('video_too_large');
  if (!request.body) throw new MediaError('empty');
  const reader = request.body.getReader();
  const { chunks, head, done } = await readHead(reader, 64);
  if (sniffVideo(head)) {
    const result = await withVideoSlot(async () => uploadVideo(actor, name, await spool(chunks, done ? null : reader, MAX_VIDEO_BYTES)));
    return { ...result, kind: 'video' };
  }
  const bytes = done ? head : await readLimited(reader, chunks, MAX_UPLOAD_BYTES);
  return { ...(await uploadMedia(actor, name, bytes)), kind: 'photo' };
}

function decodeName(raw: string | null): string {
  if (!raw) return '';
  try {
    return decodeURIComponent(raw).replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 200);
  } catch {
    return '';
  }
}

export async function POST(request: Request) {
  if (!sameOrigin(request)) return json(403, { error: 'forbidden' });
  const user = await currentUser();
  if (!user) return json(401, { error: 'forbidden' });
  if (!can(user, 'media.upload')) return json(403, { error: 'forbidden' });
  const actor = actorOf(user);
  const type = request.headers.get('content-type') ?? '';

  if (/^multipart\/form-data/i.test(type)) {
    // The plain form (no JavaScript): several files, then back to the library.
    const results: string[] = [];
    try {
      // Browsers send a Content-Length with a form: without one, or above the limit, the form is not read.
      const declared = Number(request.headers.get('content-length') ?? NaN);
      if (!Number.isFinite(declared) || declared > MAX_FORM_BYTES) throw new MediaError('too_large');
      const form = await request.formData();
      for (const entry of form.getAll('files').slice(0, 20)) {
        if (typeof entry === 'string') continue;
        try {
          if (entry.size > MAX_UPLOAD_BYTES) throw new MediaError('too_large');
          const bytes = Buffer.from(await entry.arrayBuffer());
          if (sniffVideo(bytes.subarray(0, 64))) {
            const { id } = await withVideoSlot(async () => uploadVideo(actor, entry.name, await spool([bytes], null, MAX_VIDEO_BYTES)));
            results.push(`video:${id}`);
          } else {
            const { id } = await uploadMedia(actor, entry.name, bytes);
            results.push(`ok:${id}`);
          }
        } catch (error) {
          if (!(error instanceof MediaError)) throw error;
          results.push(`error:${error.code}`);
        }
      }
    } catch (error) {
      if (!(error instanceof MediaError)) {
        log.error('media_upload_failed', { error: error instanceof Error ? error.message : String(error) });
        results.push('error:generic');
      } else results.push(`error:${error.code}`);
    }
    const location = `/newsroom/media?${new URLSearchParams({ uploaded: results.join(',') })}`;
    return new Response(null, { status: 303, headers: { Location: location, 'Cache-Control': 'private, no-store' } });
  }

  try {
    const { id, duplicate, kind } = await receive(request, actor, decodeName(request.headers.get('x-file-name')));
    return json(duplicate ? 200 : 201, { id, duplicate, kind });
  } catch (error) {
    if (error instanceof MediaError) return json(error.code === 'too_large' || error.code === 'video_too_large' ? 413 : error.code === 'busy' ? 503 : 422, { error: error.code });
    log.error('media_upload_failed', { error: error instanceof Error ? error.message : String(error) });
    return json(500, { error: 'generic' });
  }
}
