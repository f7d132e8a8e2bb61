/**
 * The view beacon's logic, without Next and without SQL (both are injected), so it can be unit tested: bot filter,
 * client identification through trusted proxies, once-per-window de-duplication, per-address ceiling, per-article
 * anomaly cap, and the in-memory aggregation that turns many views into one upsert per article and day.
 *
 * Built for readers behind carrier-grade NAT (thousands of phones share a few public addresses) and behind a CDN:
 * an address is not a reader. A reader's view of an article is counted once per window (30 minutes), keyed on a
 * daily-salted HMAC of (subscriber address, user agent, article, tab token); the address itself only bounds how
 * many views it can add per hour (thousands: a carrier NAT), and each article how many per hour in all.
 */
import { isbot } from 'isbot';
import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import { hashClientIp } from './client-ip';
import { siteDay } from './format';
import { log } from './log';
import { clientAddress, compileTrustedProxies, type TrustFn } from './trusted-proxies';

/* ---------- input ---------- */

export const MAX_BEACON_BYTES = 1024;

/**
 * `reader` is a random token the page keeps in sessionStorage (one per browser tab, gone when the tab closes):
 * it tells apart two phones of the same model behind the same carrier address (Chrome's reduced user agent is the
 * same on millions of Android phones), while a reload in the same tab sends the same token and counts once.
 */
const beaconBody = z
  .object({
    articleId: z.number().int().positive().max(2_147_483_647),
    reader: z
      .string()
      .regex(/^[A-Za-z0-9_-]{16,64}$/)
      .optional(),
  })
  .strict();

export interface BeaconBody {
  articleId: number;
  reader?: string;
}

/** The parsed beacon body (`{"articleId": 123, "reader": "…"}`), or null for anything else. */
export function parseBeacon(text: string | null): BeaconBody | null {
  if (text === null || text.length > MAX_BEACON_BYTES) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = beaconBody.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/** The article id of a beacon body, or null for anything else. */
export function parseBeaconBody(text: string | null): number | null {
  return parseBeacon(text)?.articleId ?? null;
}

/* ---------- bots and prefetches ---------- */

/*
 * isbot's pattern is long: 6.7 µs per user agent against 1.6 µs for the hand-written regex it replaces (measured on
 * Node 20, this machine). Readers' user agents repeat (a few hundred strings make most traffic), so verdicts are
 * kept per string: 1.0 µs per beacon with the cache (header read included), against 1.9 µs for the old regex.
 */
const crawlerVerdicts = new LRUCache<string, boolean>({ max: 5_000 });
function isCrawler(ua: string): boolean {
  let verdict = crawlerVerdicts.get(ua);
  if (verdict === undefined) {
    verdict = isbot(ua);
    if (ua.length <= 512) crawlerVerdicts.set(ua, verdict);
  }
  return verdict;
}

/**
 * Crawlers, scripts, link previews and speculative prefetches do not count as readers. Crawlers are recognized by
 * isbot's maintained pattern list (search engines, previews, headless browsers, HTTP libraries); a request
 * without a user agent is no browser either.
 */
export function isBotRequest(headers: Headers): boolean {
  const ua = headers.get('user-agent')?.trim() ?? '';
  if (!ua || isCrawler(ua)) return true;
  for (const name of ['purpose', 'sec-purpose', 'x-purpose', 'x-moz']) {
    const value = headers.get(name)?.toLowerCase() ?? '';
    if (value.includes('prefetch') || value.includes('preview') || value.includes('prerender')) return true;
  }
  return false;
}

/* ---------- the gate: once per window, per-address ceiling, per-article cap ---------- */

export interface ViewGateOptions {
  /** A reader's views of one article within this window count once. */
  windowMs: number;
  /** Views one subscriber address (IPv4, IPv6 /64) may add per hour: a carrier NAT carries thousands of readers. */
  perAddressPerHour: number;
  /** Views one article may gain per hour, all addresses together; more is an anomaly (a botnet), not readers. */
  perArticlePerHour: number;
  /** Readers and addresses remembered at most (memory bound); the least recently seen are forgotten first. */
  maxEntries: number;
}

export const DEFAULT_VIEW_GATE: ViewGateOptions = {
  windowMs: 30 * 60_000,
  perAddressPerHour: 6_000,
  perArticlePerHour: 30_000,
  maxEntries: 200_000,
};

export type GateVerdict = 'count' | 'duplicate' | 'address-ceiling' | 'article-cap';

const HOUR_MS = 3_600_000;

/** In-memory state of the counting rules. Keys are daily-salted HMACs: no address is held in clear. */
export class ViewGate {
  readonly options: ViewGateOptions;
  /** View key → when it was last counted. */
  private readonly seen: LRUCache<string, number>;
  /** Address key → token bucket (capacity = the hourly ceiling, refilled continuously). */
  private readonly addresses: LRUCache<string, { tokens: number; at: number }>;
  /** Article → views counted in the current clock hour. */
  private readonly articles = new Map<number, { hour: number; n: number }>();

  constructor(options: Partial<ViewGateOptions> = {}) {
    this.options = { ...DEFAULT_VIEW_GATE, ...options };
    this.seen = new LRUCache({ max: this.options.maxEntries });
    this.addresses = new LRUCache({ max: Math.max(1, Math.floor(this.options.maxEntries / 4)) });
  }

  /** True when this view key was counted less than a window ago (nothing is charged for a duplicate). */
  isDuplicate(viewKey: string, nowMs: number): boolean {
    const at = this.seen.get(viewKey);
    return at !== undefined && nowMs - at < this.options.windowMs;
  }

  /** Takes one unit of the address's hourly ceiling; false when it is spent. */
  takeAddress(addressKey: string, nowMs: number): boolean {
    const capacity = this.options.perAddressPerHour;
    const bucket = this.addresses.get(addressKey);
    const tokens = bucket ? Math.min(capacity, bucket.tokens + ((nowMs - bucket.at) / HOUR_MS) * capacity) : capacity;
    const allowed = tokens >= 1;
    this.addresses.set(addressKey, { tokens: allowed ? tokens - 1 : tokens, at: nowMs });
    return allowed;
  }

  /** Counts one view for the article unless it passed its hourly cap (then false, logged once per hour). */
  takeArticle(articleId: number, nowMs: number): boolean {
    const hour = Math.floor(nowMs / HOUR_MS);
    let entry = this.articles.get(articleId);
    if (!entry || entry.hour !== hour) {
      if (this.articles.size >= this.options.maxEntries) this.articles.clear();
      entry = { hour, n: 0 };
      this.articles.set(articleId, entry);
    }
    if (entry.n >= this.options.perArticlePerHour) return false;
    entry.n += 1;
    if (entry.n === this.options.perArticlePerHour) log.warn('views_article_cap', { articleId, perHour: this.options.perArticlePerHour });
    return true;
  }

  markSeen(viewKey: string, nowMs: number): void {
    this.seen.set(viewKey, nowMs);
  }

  get size(): number {
    return this.seen.size;
  }
}

/* ---------- aggregation ---------- */

export interface ViewCount {
  articleId: number;
  day: string;
  views: number;
}

export interface ViewBufferOptions {
  /**
   * Writes one batch in one transaction; false when the database refused it (it logs why, see db/write.ts).
   * Must not throw: it runs from a timer and at shutdown.
   */
  write: (batch: ViewCount[]) => boolean;
  /** Distinct (article, day) pairs kept at most while the database refuses writes. */
  maxPending?: number;
}

/** Views counted in memory, written in batches. */
export class ViewBuffer {
  private pending = new Map<string, ViewCount>();
  private readonly write: ViewBufferOptions['write'];
  private readonly maxPending: number;
  dropped = 0;

  constructor(options: ViewBufferOptions) {
    this.write = options.write;
    this.maxPending = options.maxPending ?? 100_000;
  }

  add(articleId: number, day: string, views = 1): void {
    const key = `${articleId}|${day}`;
    const entry = this.pending.get(key);
    if (entry) entry.views += views;
    else if (this.pending.size < this.maxPending) this.pending.set(key, { articleId, day, views });
    else this.dropped += views;
  }

  /** Views waiting for the next flush. */
  get pendingViews(): number {
    let n = 0;
    for (const e of this.pending.values()) n += e.views;
    return n;
  }

  /**
   * Writes everything pending in one batch. When the database refuses (read-only or full disk, locked…) the
   * views stay pending for the next flush and one warning says how many wait: reading must go on.
   */
  flush(): { written: number; ok: boolean } {
    if (!this.pending.size) return { written: 0, ok: true };
    const batch = [...this.pending.values()];
    this.pending = new Map();
    if (this.write(batch)) return { written: batch.reduce((n, e) => n + e.views, 0), ok: true };
    for (const e of batch) this.add(e.articleId, e.day, e.views);
    log.warn('views_flush_deferred', { pendingViews: this.pendingViews, dropped: this.dropped });
    return { written: 0, ok: false };
  }
}

/* ---------- the request ---------- */

export interface BeaconDeps {
  isCountable: (articleId: number, now: Date) => boolean;
  buffer: ViewBuffer;
  gate: ViewGate;
  /** Which hops may name the client (TRUSTED_PROXIES); loopback when not given. */
  trust?: TrustFn;
  /** The HMAC secret (tests); IP_HASH_SECRET or a random per-process secret by default. */
  secret?: string;
}

export interface BeaconRequest {
  headers: Headers;
  /** The body text, or null when it was too long to read. */
  body: string | null;
  /** TCP peer address when known (lib/peer-address.ts). */
  peer?: string | null;
  now: Date;
}

const loopbackOnly = compileTrustedProxies('loopback');

/**
 * 202 counted; 204 not counted and nothing to retry (bot or prefetch, already counted in this window, article over
 * its hourly cap); 400 malformed body; 404 unknown or unpublished article; 429 this address reached its ceiling.
 */
export function handleViewBeacon(req: BeaconRequest, deps: BeaconDeps): 202 | 204 | 400 | 404 | 429 {
  if (isBotRequest(req.headers)) return 204;
  const nowMs = req.now.getTime();
  const address = clientAddress(req.peer, req.headers.get('x-forwarded-for'), deps.trust ?? loopbackOnly);
  // Addresses are never kept: only keyed hashes whose salt changes every site day (lib/client-ip.ts).
  const addressKey = hashClientIp(address, req.now, deps.secret);
  const beacon = parseBeacon(req.body);
  if (!beacon) return deps.gate.takeAddress(addressKey, nowMs) ? 400 : 429;
  const ua = req.headers.get('user-agent')?.trim() ?? '';
  const viewKey = hashClientIp(address, req.now, deps.secret, ua, String(beacon.articleId), beacon.reader ?? '');
  // A reload (same tab, same article, within the window) costs nothing: no ceiling unit, no database lookup.
  if (deps.gate.isDuplicate(viewKey, nowMs)) return 204;
  if (!deps.gate.takeAddress(addressKey, nowMs)) return 429;
  if (!deps.isCountable(beacon.articleId, req.now)) return 404;
  deps.gate.markSeen(viewKey, nowMs);
  if (!deps.gate.takeArticle(beacon.articleId, nowMs)) return 204;
  deps.buffer.add(beacon.articleId, siteDay(req.now));
  return 202;
}
