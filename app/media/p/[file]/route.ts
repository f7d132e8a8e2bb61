import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { CONTENT_TYPES, mediaNotFound as notFound, PUBLIC_FILE, publicMediaDir } from '@/lib/media/paths';
import { mediaImmutableCacheControl } from '@/lib/headers/cache';
import { parseRange } from '@/lib/media/range';

/**
 * Library files (`/media/p/<sha256>.<ext>`), read from MEDIA_DIR/public. A file name is its content's hash, so a
 * file never changes: cached for a year, immutable, its hash as a strong ETag. Single byte ranges are answered
 * 206 (seeking in a video, iPhones' players), unsatisfiable ones 416; the request guard lets `Range` through for
 * these paths only (lib/server/request-guard.ts). In production the shipped nginx serves the same directory from
 * disk (deploy/nginx.conf) and this handler only answers when nginx is not in front.
 */
export const dynamic = 'force-dynamic';

function stream(path: string, start?: number, end?: number): ReadableStream {
  return Readable.toWeb(createReadStream(path, start === undefined ? {} : { start, end })) as ReadableStream;
}

export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const match = PUBLIC_FILE.exec(file);
  if (!match) return notFound();
  const path = join(publicMediaDir(), file);
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) return notFound();
    size = info.size;
  } catch {
    return notFound();
  }
  const etag = `"${file.slice(0, 64)}"`;
  const headers: Record<string, string> = {
    'Content-Type': CONTENT_TYPES[match[1]!]!,
    'Cache-Control': mediaImmutableCacheControl,
    'Accept-Ranges': 'bytes',
    ETag: etag,
  };
  if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
  const ifRange = request.headers.get('if-range');
  const range = ifRange && ifRange !== etag ? null : parseRange(request.headers.get('range'), size);
  if (range === 'unsatisfiable') {
    return new Response(null, { status: 416, headers: { ...headers, 'Content-Range': `bytes */${size}` } });
  }
  if (range) {
    return new Response(request.method === 'HEAD' ? null : stream(path, range.start, range.end), {
      status: 206,
      headers: { ...headers, 'Content-Range': `bytes ${range.start}-${range.end}/${size}`, 'Content-Length': String(range.end - range.start + 1) },
    });
  }
  return new Response(request.method === 'HEAD' ? null : stream(path), { headers: { ...headers, 'Content-Length': String(size) } });
}
