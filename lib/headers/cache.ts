import type { NextConfig } from 'next';
import { fixedPaths, locales } from '../../i18n/routing';
import { nextSiteMidnight } from '../format';

type HeaderRules = Awaited<ReturnType<NonNullable<NextConfig['headers']>>>;

/*
 * Cache policy of reader pages for shared caches (the shipped nginx, any CDN).
 *
 * Next 16 writes its own `Cache-Control: s-maxage=<revalidate>, stale-while-revalidate=<expireTime - revalidate>`
 * on ISR pages only when the response has none yet (next/dist/server/send-payload.js: "If cache control is already
 * set on the response we don't override it to allow users to customize it via next.config"). So the rules below
 * replace it on reader pages, adding `stale-if-error` (which `expireTime` alone cannot express); `expireTime` is set
 * to the same horizon in next.config.ts for any ISR response not covered here. Checked on a production build:
 * `curl -sI /fr` → `Cache-Control: public, s-maxage=300, stale-while-revalidate=600, stale-if-error=604800`.
 *
 * A page is never served older than READER_EXPIRE_SECONDS (15 min) by Next or a shared cache while the origin is up:
 * the header strip's weather reading is at most 15 min old when the page is rendered (lib/weather.ts), so a reader
 * never sees one older than 30 min. And no cache keeps a page past the next midnight in Africa/Douala
 * (`clampToSiteDay`, applied to every HTML response by lib/server/response-hooks.ts): the header strip's date is the
 * reader's day. (Next's own ISR copy is refreshed at midnight by the newsroom's scheduler.)
 *
 * Error responses: Next's own error rendering sets `no-store`; nginx additionally refuses to store any 5xx
 * (deploy/nginx.conf). 404s of reader paths are cached like pages (a shared cache absorbs scans of dead URLs).
 */

/** Time-based revalidation of reader pages (seconds). Pages export `revalidate = 300` (a literal, read at build). */
export const READER_REVALIDATE_SECONDS = 300;
/** Total time a shared cache may keep a reader page: fresh for 300 s, then stale-while-revalidate until this. */
export const READER_EXPIRE_SECONDS = 15 * 60;
/** How long a shared cache may serve a stale page when the origin errors or is down. */
export const STALE_IF_ERROR_SECONDS = 7 * 24 * 60 * 60;
/** Search results: dynamic, but the same for every reader; a short shared cache absorbs bursts of one query. */
export const SEARCH_SHARED_SECONDS = 60;

export const readerCacheControl = `public, s-maxage=${READER_REVALIDATE_SECONDS}, stale-while-revalidate=${READER_EXPIRE_SECONDS - READER_REVALIDATE_SECONDS}, stale-if-error=${STALE_IF_ERROR_SECONDS}`;
export const searchCacheControl = `public, s-maxage=${SEARCH_SHARED_SECONDS}, stale-while-revalidate=${SEARCH_SHARED_SECONDS}, stale-if-error=3600`;
/** /media files are never replaced under the same name (a new image gets a new file name). */
export const mediaCacheControl = 'public, max-age=2592000, stale-while-revalidate=86400';
/** Library renditions (/media/p/<sha256>.<ext>): named by their content's hash, so they never change. */
export const mediaImmutableCacheControl = 'public, max-age=31536000, immutable';
/**
 * `/media/photo/N` redirects to the photo's current rendition, whose name changes when its crops are redone (and the
 * old file is removed): a short cache, so a redone crop is followed within a minute.
 */
export const libraryPhotoRedirectCacheControl = 'public, max-age=60';

const localePattern = locales.join('|');
const searchNames = [...new Set(Object.values(fixedPaths.search))].join('|');

/** Cache-Control rules (later rules win over earlier ones for the same header key). */
export function cacheHeaders(): HeaderRules {
  const cc = (value: string) => [{ key: 'Cache-Control', value }];
  return [
    // `/:path*` also matches nothing: the first rule covers `/fr` as well as every page below it.
    { source: `/:locale(${localePattern})/:path*`, headers: cc(readerCacheControl) },
    { source: `/:locale(${localePattern})/:search(${searchNames})/:path*`, headers: cc(searchCacheControl) },
    // The drawn illustrations of public/media. Not the library's routes (/media/p/, /media/photo/): they set their own
    // Cache-Control by status (a file immutable, a redirect or a 404 one minute), and a header these rules set is kept
    // over a route handler's own (next/dist/server/send-response.js appends a handler header only when absent) — a
    // missing rendition's 404 went out `immutable` for a year, a photo's redirect would have outlived its crop.
    { source: '/media/:file((?!p/|photo/).*)', headers: cc(mediaCacheControl) },
  ];
}

/** The newsroom: private to one person, never stored by a shared cache, never indexed. */
export const newsroomCacheControl = 'private, no-store';

export function newsroomHeaders(): HeaderRules {
  return [
    {
      source: '/newsroom/:path*',
      headers: [
        { key: 'Cache-Control', value: newsroomCacheControl },
        { key: 'X-Robots-Tag', value: 'noindex, nofollow' },
      ],
    },
  ];
}

/** Whole seconds from `now` to the next midnight in the site's time zone (1 to 86,400). */
export function secondsToSiteMidnight(now: Date): number {
  return Math.max(1, Math.ceil((nextSiteMidnight(now) - now.getTime()) / 1000));
}

/**
 * A shared-cache policy that ends at the next site midnight: `s-maxage` and `stale-while-revalidate` are shortened so
 * that no cache serves a page rendered yesterday (its date, its "today" lists) after midnight. stale-if-error stays:
 * yesterday's page is better than an error page when the origin is down.
 */
export function clampToSiteDay(cacheControl: string, now: Date): string {
  const maxAge = /(?:^|,)\s*s-maxage=(\d+)/.exec(cacheControl);
  if (!maxAge) return cacheControl;
  const swr = /(?:^|,)\s*stale-while-revalidate=(\d+)/.exec(cacheControl);
  const fresh = Number(maxAge[1]);
  const stale = swr ? Number(swr[1]) : 0;
  const left = secondsToSiteMidnight(now);
  if (fresh + stale <= left) return cacheControl;
  const clampedFresh = Math.min(fresh, left);
  const clampedStale = Math.max(0, left - clampedFresh);
  let out = cacheControl.replace(/s-maxage=\d+/, `s-maxage=${clampedFresh}`);
  if (swr) out = out.replace(/stale-while-revalidate=\d+/, `stale-while-revalidate=${clampedStale}`);
  return out;
}
