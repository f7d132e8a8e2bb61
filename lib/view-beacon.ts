/**
 * The view beacon's logic, without Next and without SQL (both are injected), so it can be unit tested:
 * bot filter, client identification, per-client rate limit, and the in-memory aggregation that turns many
 * views into one upsert per article and day every few seconds.
 */
import { z } from 'zod';
import { hashClientIp } from './client-ip';
import { siteDay } from './format';
import { log } from './log';

/* ---------- input ---------- */

export const MAX_BEACON_BYTES = 1024;

const beaconBody = z.object({ articleId: z.number().int().positive().max(2_147_483_647) }).strict();

/** The article id of a beacon body (`{"articleId": 123}`), or null for anything else. */
export function parseBeaconBody(text: string | null): number | null {
  if (text === null || text.length > MAX_BEACON_BYTES) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = beaconBody.safeParse(json);
  return parsed.success ? parsed.data.articleId : null;
}

/* ---------- bots and prefetches ---------- */

const BOT_USER_AGENT =
  /bot\b|bot\/|crawl|spider|slurp|archiver|facebookexternalhit|embedly|preview|headless|lighthouse|pingdom|uptime|monitor|curl\/|wget\/|python|httpclient|http-client|java\/|go-http|okhttp|node-fetch|undici|axios|scrapy|phantomjs|selenium|puppeteer|playwright|feedfetcher|mediapartners|ia_archiver/i;

/** Crawlers, scripts, link previews and speculative prefetches do not count as readers. */
export function isBotRequest(headers: Headers): boolean {
  const ua = headers.get('user-agent')?.trim() ?? '';
  if (!ua || BOT_USER_AGENT.test(ua)) return true;
  for (const name of ['purpose', 'sec-purpose', 'x-purpose', 'x-moz']) {
    const value = headers.get(name)?.toLowerCase() ?? '';
    if (value.includes('prefetch') || value.includes('preview') || value.includes('prerender')) return true;
  }
  return false;
}

/* ---------- who is the client ---------- */

export function isLoopback(address: string): boolean {
  const a = address.trim().toLowerCase();
  return a === '::1' || a.startsWith('127.') || a.startsWith('::ffff:127.') || a === 'localhost';
}

/**
 * The client's address. `peer` is the TCP peer (instrumentation.ts passes it on); X-Forwarded-For is trusted
 * only when the peer is a loopback reverse proxy (nginx on the same host), and then only its last entry: the
 * address that proxy saw (earlier entries are whatever the client sent). Without a known peer, the last
 * X-Forwarded-For entry is used: Next sets it from the socket when the request carries none.
 */
export function clientAddress(peer: string | null | undefined, forwardedFor: string | null | undefined): string {
  const lastForwarded = (forwardedFor ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .at(-1);
  if (peer && !isLoopback(peer)) return peer;
  return lastForwarded ?? peer ?? 'unknown';
}

/* ---------- rate limit ---------- */

export interface RateLimitOptions {
  /** Beacons a client may send in a burst. */
  capacity: number;
  /** Tokens given back per second. */
  refillPerSecond: number;
  /** Clients remembered at most (memory bound); the oldest are forgotten first. */
  maxClients: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { capacity: 20, refillPerSecond: 1 / 30, maxClients: 50_000 };

/** In-memory token buckets, one per client key. */
export class TokenBucketLimiter {
  private buckets = new Map<string, { tokens: number; at: number }>();
  constructor(private readonly options: RateLimitOptions = DEFAULT_RATE_LIMIT) {}

  /** Takes one token for `key`; false when the client has none left. */
  take(key: string, nowMs: number): boolean {
    const { capacity, refillPerSecond, maxClients } = this.options;
    const bucket = this.buckets.get(key);
    let tokens = capacity;
    if (bucket) {
      tokens = Math.min(capacity, bucket.tokens + ((nowMs - bucket.at) / 1000) * refillPerSecond);
      this.buckets.delete(key); // re-inserted below: Map order = least recently seen first
    } else if (this.buckets.size >= maxClients) {
      const oldest = this.buckets.keys().next().value;
      if (oldest !== undefined) this.buckets.delete(oldest);
    }
    const allowed = tokens >= 1;
    this.buckets.set(key, { tokens: allowed ? tokens - 1 : tokens, at: nowMs });
    return allowed;
  }

  get size(): number {
    return this.buckets.size;
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
  limiter: TokenBucketLimiter;
}

export interface BeaconRequest {
  headers: Headers;
  /** The body text, or null when it was too long to read. */
  body: string | null;
  /** TCP peer address when known (see clientAddress). */
  peer?: string | null;
  now: Date;
}

/**
 * 202 counted; 204 ignored (bot or prefetch: nothing stored, nothing to retry); 400 malformed body;
 * 404 unknown or unpublished article; 429 too many beacons from this client.
 */
export function handleViewBeacon(req: BeaconRequest, deps: BeaconDeps): 202 | 204 | 400 | 404 | 429 {
  if (isBotRequest(req.headers)) return 204;
  // Addresses are never kept: only a keyed hash whose salt changes every site day (lib/client-ip.ts).
  const key = hashClientIp(clientAddress(req.peer, req.headers.get('x-forwarded-for')), req.now);
  if (!deps.limiter.take(key, req.now.getTime())) return 429;
  const articleId = parseBeaconBody(req.body);
  if (articleId === null) return 400;
  if (!deps.isCountable(articleId, req.now)) return 404;
  deps.buffer.add(articleId, siteDay(req.now));
  return 202;
}
