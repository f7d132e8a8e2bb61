/**
 * Where media files live. `MEDIA_DIR/public/<sha256>.<ext>` are the renditions (served by app/media/p/[file] and by
 * nginx from disk, immutable); `MEDIA_DIR/originals/<sha256>.jpg` are the private masters, never served.
 */
import { join, resolve } from 'node:path';

export const MEDIA_URL_PREFIX = '/media/p/';

/** An absolute path from the working directory (a parameter, so the bundler does not trace the whole project). */
function absolute(dir: string): string {
  return resolve(/* turbopackIgnore: true */ dir);
}

export function mediaDir(): string {
  return absolute(process.env.MEDIA_DIR?.trim() || 'data/media');
}
export const publicMediaDir = () => join(mediaDir(), 'public');
export const privateMediaDir = () => join(mediaDir(), 'originals');
/** Uploads being received (videos are streamed to disk): same file system as public/, so a rename publishes. */
export const incomingMediaDir = () => join(mediaDir(), 'incoming');

/** Public file names are content hashes with one known extension: anything else is not ours. */
export const PUBLIC_FILE = /^[0-9a-f]{64}\.(avif|webp|jpg|mp4|webm)$/;

export function mediaUrl(file: string): string {
  return `${MEDIA_URL_PREFIX}${file}`;
}

export const CONTENT_TYPES: Record<string, string> = { avif: 'image/avif', webp: 'image/webp', jpg: 'image/jpeg', mp4: 'video/mp4', webm: 'video/webm' };

/** The plain 404 of the media routes (not a localized page: browsers and feed readers ask for files here). */
export function mediaNotFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'public, max-age=60' } });
}
