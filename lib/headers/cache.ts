import type { NextConfig } from 'next';
import { fixedPaths, locales } from '../../i18n/routing';

type HeaderRules = Awaited<ReturnType<NonNullable<NextConfig['headers']>>>;

/*
 * Cache policy of reader pages for shared caches (the shipped nginx, any CDN).
 *
 * Next 16 writes its own `Cache-Control: s-maxage=<revalidate>, stale-while-revalidate=<expireTime - revalidate>`
 * on ISR pages only when the response has none yet (next/dist/server/send-payload.js: "If cache control is already
 * set on the response we don't override it to allow users to customize it via next.config"). So the rules below
 * replace it on reader pages, adding `stale-if-error` (which `expireTime` alone cannot express); `expireTime` is set
 * to the same horizon in next.config.ts for any ISR response not covered here. Checked on a production build:
 * `curl -sI /fr` → `Cache-Control: public, s-maxage=300, stale-while-revalidate=86100, stale-if-error=604800`.
 *
 * Error responses: Next's own error rendering sets `no-store`; nginx additionally refuses to store any 5xx
 * (deploy/nginx.conf). 404s of reader paths are cached like pages (a shared cache absorbs scans of dead URLs).
 */

/** Time-based revalidation of reader pages (seconds). Pages export `revalidate = 300` (a literal, read at build). */
export const READER_REVALIDATE_SECONDS = 300;
/** Total time a shared cache may keep a reader page: fresh for 300 s, then stale-while-revalidate until this. */
export const READER_EXPIRE_SECONDS = 24 * 60 * 60;
/** How long a shared cache may serve a stale page when the origin errors or is down. */
export const STALE_IF_ERROR_SECONDS = 7 * 24 * 60 * 60;
/** Search results: dynamic, but the same for every reader; a short shared cache absorbs bursts of one query. */
export const SEARCH_SHARED_SECONDS = 60;

export const readerCacheControl = `public, s-maxage=${READER_REVALIDATE_SECONDS}, stale-while-revalidate=${READER_EXPIRE_SECONDS - READER_REVALIDATE_SECONDS}, stale-if-error=${STALE_IF_ERROR_SECONDS}`;
export const searchCacheControl = `public, s-maxage=${SEARCH_SHARED_SECONDS}, stale-while-revalidate=${SEARCH_SHARED_SECONDS}, stale-if-error=3600`;
/** /media files are never replaced under the same name (a new image gets a new file name). */
export const mediaCacheControl = 'public, max-age=2592000, stale-while-revalidate=86400';

const localePattern = locales.join('|');
const searchNames = [...new Set(Object.values(fixedPaths.search))].join('|');

/** Cache-Control rules (later rules win over earlier ones for the same header key). */
export function cacheHeaders(): HeaderRules {
  const cc = (value: string) => [{ key: 'Cache-Control', value }];
  return [
    // `/:path*` also matches nothing: the first rule covers `/fr` as well as every page below it.
    { source: `/:locale(${localePattern})/:path*`, headers: cc(readerCacheControl) },
    { source: `/:locale(${localePattern})/:search(${searchNames})/:path*`, headers: cc(searchCacheControl) },
    { source: '/media/:file*', headers: cc(mediaCacheControl) },
  ];
}
