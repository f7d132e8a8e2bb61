import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CONTENT_TYPES, PUBLIC_FILE, publicMediaDir } from '@/lib/media/paths';
import { mediaImmutableCacheControl } from '@/lib/headers/cache';

/**
 * Library renditions (`/media/p/<sha256>.<ext>`), read from MEDIA_DIR/public. A file name is its content's hash,
 * so a file never changes: cached for a year, immutable. In production the shipped nginx serves the same directory
 * from disk (deploy/nginx.conf) and this handler only answers when nginx is not in front.
 */
export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const match = PUBLIC_FILE.exec(file);
  if (!match) return new Response('Not found', { status: 404, headers: { 'Cache-Control': 'public, max-age=60' } });
  let data: Buffer;
  try {
    data = await readFile(join(publicMediaDir(), file));
  } catch {
    return new Response('Not found', { status: 404, headers: { 'Cache-Control': 'public, max-age=60' } });
  }
  return new Response(new Uint8Array(data), {
    headers: {
      'Content-Type': CONTENT_TYPES[match[1]!]!,
      'Content-Length': String(data.length),
      'Cache-Control': mediaImmutableCacheControl,
    },
  });
}
