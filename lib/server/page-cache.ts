/**
 * The origin's micro-cache of reader pages: a complete response (lite body, final headers) kept in memory for one
 * second and answered before Next.js sees the request (lib/server/response-hooks.ts).
 *
 * Why: Next answers a page from its own cache in ~1.4 ms of JavaScript (routing, the proxy, reading the cache
 * entry, headers), and the lite transform runs on the way out; a hot article under load is the same bytes thousands
 * of times a second. Answering those from memory costs a hash lookup and a write.
 *
 * What stays true:
 *  - Only what a shared cache could store anyway: GET, 200, `Cache-Control: public` with `s-maxage` > 0, no
 *    Set-Cookie, not a copy Next itself calls stale (`x-nextjs-cache: STALE`), on a reader path, asked without cookies, credentials, ranges, conditions or the App Router's
 *    headers (those go to Next as before: it answers 304s and RSC requests itself).
 *  - A change is visible at once: every refresh of Next's cache (publishing, corrections, the scheduler, the
 *    revalidation API) empties this one (`purgePageCache`), and a response started before the purge is not kept.
 *  - Otherwise a page is at most FRESH_MS older than Next's own copy. When it expires, one request goes to Next to
 *    refresh it while the others get the previous copy (for at most MAX_STALE_MS), as nginx's `updating` does.
 *
 * State lives on globalThis: Next bundles this module both into the instrumentation hook (which serves) and into
 * the routes and actions (which purge), and each bundle has its own module instance.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type http from 'node:http';
import { LRUCache } from 'lru-cache';

export const FRESH_MS = 1000;
export const MAX_STALE_MS = 10_000;
const MAX_URL_LENGTH = 2048;

export interface CachedPage {
  headers: http.OutgoingHttpHeaders;
  body: Buffer;
  storedAt: number;
}

interface Store {
  generation: number;
  pages: LRUCache<string, CachedPage>;
  /** Keys whose expired copy one request is refreshing now. */
  refreshing: Set<string>;
  /** The request (a Server Action, a revalidation route) that purged, so it purges again when it ends. */
  scope: AsyncLocalStorage<{ purged: boolean }>;
}

const STORE = Symbol.for('kiosque.pageCache');

function store(): Store {
  const g = globalThis as { [STORE]?: Store };
  g[STORE] ??= {
    generation: 0,
    refreshing: new Set(),
    scope: new AsyncLocalStorage(),
    pages: new LRUCache<string, CachedPage>({ max: 5000, maxSize: 32 * 1024 * 1024, sizeCalculation: (page) => page.body.length + 512 }),
  };
  return g[STORE];
}

/** Request headers that make a response differ from the plain page (or belong to one person). */
const BYPASS_HEADERS = [
  'authorization',
  'range',
  'if-none-match',
  'if-modified-since',
  'if-range',
  'rsc',
  'next-router-state-tree',
  'next-router-prefetch',
  'next-router-segment-prefetch',
  'next-url',
  'next-action',
  'purpose',
  'x-middleware-prefetch',
];

/** The cache key of a request, or null when it must go to Next. The caller checks that the path is a reader's. */
export function pageCacheKey(req: http.IncomingMessage): string | null {
  if (req.method !== 'GET' || !req.url || req.url.length > MAX_URL_LENGTH) return null;
  for (const name of BYPASS_HEADERS) if (req.headers[name] !== undefined) return null;
  if (req.headers.cookie !== undefined && !onlyLanguageCookie(req.headers.cookie)) return null;
  // Next compresses by Accept-Encoding (and says Vary: Accept-Encoding): one copy per distinct header value.
  return `${String(req.headers['accept-encoding'] ?? '').slice(0, 100)}\n${req.url}`;
}

/**
 * The remembered language (NEXT_LOCALE, set by the lite script's language links for the locale proxy's `/`) is sent
 * with every page but changes none: those readers still get cached pages. Any other cookie goes to Next.
 */
function onlyLanguageCookie(header: string): boolean {
  return header.split(';').every((pair) => pair.trim() === '' || /^NEXT_LOCALE=[a-z]{2}$/.test(pair.trim()));
}

export type Lookup = { page: CachedPage } | { fill: FillTicket };

/** Who may store the response to a request that went to Next. */
export interface FillTicket {
  key: string;
  generation: number;
  /** This request refreshes an expired copy (others get that copy meanwhile). */
  refreshing: boolean;
}

export function lookupPage(key: string, now = Date.now()): Lookup {
  const s = store();
  const page = s.pages.get(key);
  if (page) {
    const age = now - page.storedAt;
    if (age < FRESH_MS) return { page };
    if (age < MAX_STALE_MS && s.refreshing.has(key)) return { page };
    if (!s.refreshing.has(key)) {
      s.refreshing.add(key);
      return { fill: { key, generation: s.generation, refreshing: true } };
    }
  }
  return { fill: { key, generation: s.generation, refreshing: false } };
}

/** Headers of the response that are about one connection or one moment, never replayed. */
const HOP_HEADERS = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'x-nextjs-cache']);

/**
 * Keeps a finished response when a shared cache could keep it and no purge happened since the request arrived.
 * Always call it once per ticket (also for responses that are not kept): it ends the ticket's refresh.
 */
export function storePage(ticket: FillTicket, status: number, headers: http.OutgoingHttpHeaders, body: Buffer | null, now = Date.now()): boolean {
  const s = store();
  releaseTicket(ticket);
  if (!body || status !== 200 || ticket.generation !== s.generation || !isShareable(headers)) return false;
  const kept: http.OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined && !HOP_HEADERS.has(name)) kept[name] = value;
  s.pages.set(ticket.key, { headers: kept, body, storedAt: now });
  return true;
}

/** Ends a ticket whose response never reached storePage (an aborted request). */
export function releaseTicket(ticket: FillTicket): void {
  if (ticket.refreshing) store().refreshing.delete(ticket.key);
}

function isShareable(headers: http.OutgoingHttpHeaders): boolean {
  if (headers['set-cookie'] !== undefined) return false;
  // Next sent its stale copy and is rendering the new one: keeping the old bytes (and ETag) would outlive it.
  if (String(headers['x-nextjs-cache'] ?? '').toUpperCase() === 'STALE') return false;
  const cacheControl = headers['cache-control'];
  if (typeof cacheControl !== 'string' || !/\bpublic\b/i.test(cacheControl) || /\b(?:private|no-store|no-cache)\b/i.test(cacheControl)) return false;
  const sMaxAge = /\bs-maxage=(\d+)/i.exec(cacheControl);
  return sMaxAge !== null && Number(sMaxAge[1]) > 0;
}

/**
 * Empties the cache: called wherever Next's cache is refreshed (lib/publishing/refresh.ts, the revalidation API).
 * Inside a request run by `withPurgeScope`, that request purges once more when it ends: Next applies a Server
 * Action's revalidatePath only when the action is done, and a page read from Next's cache in between is old.
 */
export function purgePageCache(): void {
  const s = store();
  s.generation += 1;
  s.pages.clear();
  s.refreshing.clear();
  const scope = s.scope.getStore();
  if (scope) scope.purged = true;
}

/** Runs a request that may refresh caches (any method but GET and HEAD) so that its purges are repeated at its end. */
export function withPurgeScope<T>(res: http.ServerResponse, run: () => T): T {
  const scope = { purged: false };
  res.once('close', () => {
    if (!scope.purged) return;
    scope.purged = false;
    purgePageCache();
  });
  return store().scope.run(scope, run);
}
