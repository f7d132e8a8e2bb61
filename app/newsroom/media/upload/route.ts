/**
 * Photo upload (issue 12): `POST /newsroom/media/upload`, one file per request as the raw body (the page's script
 * sends each file on its own XMLHttpRequest, so each shows its progress), its name in `X-File-Name`
 * (URI-encoded). Without JavaScript the page's plain form posts `multipart/form-data` with several files; the
 * answer is then a redirect back to the library with the outcome in the query string.
 *
 * Checks, in order: same Origin (a cross-site form cannot upload), a session whose role may upload, a body of at
 * most 25 MB (read with a running count, never buffered past the limit), then lib/media's validation. Refused
 * files are answered 4xx with a code the page translates; nothing is stored.
 */
import { NextResponse } from 'next/server';
import { currentUser, actorOf } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/policy';
import { getSiteUrl } from '@/lib/site';
import { MAX_UPLOAD_BYTES, MediaError } from '@/lib/media/process';
import { uploadMedia } from '@/db/media-writes';
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

/** Beyond this declared size the connection is not worth draining: refused at once. */
const DRAIN_LIMIT = 256 * 1024 * 1024;

/**
 * Reads the body, keeping at most `max` bytes: past it, the rest is read and dropped (so the client, which is
 * still sending, gets a clean 413 rather than a reset connection) and the upload is refused.
 */
async function readLimited(request: Request, max: number): Promise<Buffer> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > DRAIN_LIMIT) throw new MediaError('too_large');
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > DRAIN_LIMIT) {
      await reader.cancel().catch(() => undefined);
      break;
    }
    if (total <= max) chunks.push(value);
  }
  if (total > max) throw new MediaError('too_large');
  return Buffer.concat(chunks);
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
          const { id } = await uploadMedia(actor, entry.name, Buffer.from(await entry.arrayBuffer()));
          results.push(`ok:${id}`);
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
    const bytes = await readLimited(request, MAX_UPLOAD_BYTES);
    const { id, duplicate } = await uploadMedia(actor, decodeName(request.headers.get('x-file-name')), bytes);
    return json(duplicate ? 200 : 201, { id, duplicate });
  } catch (error) {
    if (error instanceof MediaError) return json(error.code === 'too_large' ? 413 : error.code === 'busy' ? 503 : 422, { error: error.code });
    log.error('media_upload_failed', { error: error instanceof Error ? error.message : String(error) });
    return json(500, { error: 'generic' });
  }
}
