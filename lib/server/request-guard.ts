/**
 * Requests turned away before they reach Next.js, because Next 16 answers them with a 500.
 *
 * Next renders its own 400/405/412/416 answers through the pages-router error page (`invokeRender('/400')`…);
 * an app-router-only build has none, so every one of these paths ends in "Internal Server Error" (measured with
 * e2e/hostile.api.spec.ts): undecodable percent-escapes in the path (`/fr/%E0%A4%A`, invalid UTF-8 `%C3%28`),
 * a non-GET method on a static file, an unsatisfiable Range, an unknown method such as TRACE, and a malformed
 * Server Action call. The guard answers those itself with the right 4xx.
 *
 * Server Actions exist only in the newsroom: a real one is a POST under /newsroom whose `Next-Action` header is
 * an action id (hex); Next then checks the action exists and that Origin matches the host. Anything else that
 * names an action (a reader page, GET, a malformed id) is refused here.
 */
import type { IncomingHttpHeaders } from 'node:http';

export interface Rejection {
  status: 400 | 405;
  reason: string;
  allow?: string;
}

const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']);

/** Files served from public/ and the build output: only GET and HEAD make sense on them. */
export function isStaticPath(pathname: string): boolean {
  return /^\/(?:_next\/static|media)\//.test(pathname) || /\/[^/]+\.[A-Za-z0-9]{1,8}$/.test(pathname);
}

function decodes(text: string): boolean {
  try {
    decodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}

/** Where Server Actions live: the newsroom's pages (and nowhere a reader goes). */
export const SERVER_ACTION_PREFIX = '/newsroom';

function isServerActionCall(verb: string, pathname: string, action: string | string[]): boolean {
  return (
    verb === 'POST' &&
    (pathname === SERVER_ACTION_PREFIX || pathname.startsWith(`${SERVER_ACTION_PREFIX}/`)) &&
    typeof action === 'string' &&
    /^[0-9a-f]{40,64}$/i.test(action)
  );
}

export function checkRequest(method: string | undefined, url: string | undefined, headers: IncomingHttpHeaders): Rejection | null {
  const verb = (method ?? '').toUpperCase();
  if (!KNOWN_METHODS.has(verb)) return { status: 405, reason: 'method', allow: 'GET, HEAD, POST' };
  const target = url ?? '/';
  const q = target.indexOf('?');
  const pathname = q === -1 ? target : target.slice(0, q);
  // decodeURIComponent rejects bad escapes and invalid UTF-8 (overlong forms, surrogates, > U+10FFFF).
  if (!decodes(pathname)) return { status: 400, reason: 'path_encoding' };
  // The query string is left alone: Next parses it leniently, and the search page answers invalid UTF-8 in
  // `?q=` with results or its empty state (e2e/portal.spec.ts), as a reader expects.
  if (isStaticPath(pathname) && verb !== 'GET' && verb !== 'HEAD') return { status: 405, reason: 'static_method', allow: 'GET, HEAD' };
  const action = headers['next-action'];
  if (action !== undefined && !isServerActionCall(verb, pathname, action)) return { status: 400, reason: 'server_action' };
  return null;
}

/** Library files (`/media/p/<sha256>.<ext>`): answered by a route handler that implements Range itself. */
const RANGE_PATH = /^\/media\/p\/[0-9a-f]{64}\.[a-z0-9]{2,5}$/;

/**
 * Headers that make Next's static file server fail (416 on an unsatisfiable range, 412 on a failed
 * precondition, both turned into 500s): dropped, so the file is simply sent whole. Library media files keep
 * `Range` and `If-Range`: their route handler (app/media/p/[file]) answers 206 and 416 itself, which seeking in a
 * video and iPhones' players need.
 */
export function stripFragileHeaders(headers: IncomingHttpHeaders, url?: string): void {
  const q = url?.indexOf('?') ?? -1;
  const pathname = url === undefined ? '' : q === -1 ? url : url.slice(0, q);
  if (!RANGE_PATH.test(pathname)) {
    delete headers.range;
    delete headers['if-range'];
  }
  delete headers['if-match'];
  delete headers['if-unmodified-since'];
}
