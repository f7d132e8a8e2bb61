import { libraryPhotoFile } from '@/db/media';
import { libraryPhotoRedirectCacheControl } from '@/lib/headers/cache';
import { mediaNotFound, mediaUrl } from '@/lib/media/paths';
import { parseIdParam } from '@/lib/params';

/**
 * `/media/photo/N`, the address article bodies use for a library photo (`![alt](/media/photo/N)`, lib/markdown-media.ts):
 * reader pages render it as <picture>, but a feed reader, a copied link or a page without our renderer follows it.
 * It answers 302 to the photo's current widest JPEG (`/media/p/<sha256>.jpg`): temporary and cached one minute,
 * because a new focal point renames the crops. An id that is not a plain number of at most 10 digits, or that
 * names no photo (never uploaded, deleted), is the media routes' plain 404.
 */
export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = parseIdParam((await params).id);
  const file = id === null ? null : libraryPhotoFile(id);
  if (!file) return mediaNotFound();
  // A relative Location (RFC 9110): right behind any proxy, whatever host name the app sees.
  return new Response(null, { status: 302, headers: { Location: mediaUrl(file), 'Cache-Control': libraryPhotoRedirectCacheControl } });
}
