/**
 * Polling the agencies' feeds inside the server process, on its own timer (like lib/scheduler.ts, started by
 * instrumentation.ts). Each tick claims the due feeds with a lease row update (db/wire claimDueFeeds: two
 * processes on one database never poll one feed at once) and polls each independently: a hung feed holds only
 * its own request (deadline WIRE_FETCH_TIMEOUT_MS), never the others, a reader page or the newsroom. Conditional
 * requests (ETag / Last-Modified) make an unchanged feed cost a 304. A failure (network, timeout, HTTP error, a
 * response over 10 MB, a malformed or hostile document) writes nothing but the feed's status — last error, failure
 * count — and the next poll backs off exponentially (interval × 2^failures, at most 6 h).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import { claimDueFeeds, nextFeedDueAt, recordPollError, recordPollSuccess } from '@/db/wire';
import type { WireFeedRow } from '@/db/schema';
import { log } from '@/lib/log';
import { credentialHeaders, decryptCredentials } from './credentials';
import { fetchFeed, WIRE_FETCH_TIMEOUT_MS, type FetchOptions } from './fetch';
import type { DocumentResult } from './ingest';
import { WIRE_WORKER_TIMEOUT_MS } from './parse-pool';
import { WireParseError } from './types';

const IDLE_MS = 30_000;
const MAX_FEEDS_PER_TICK = 8;

export interface PollDeps {
  /** Stores a fetched document (the server's: with reader refresh). */
  ingest: (feed: WireFeedRow, text: string, now: Date) => Promise<DocumentResult> | DocumentResult;
  fetchOptions?: Pick<FetchOptions, 'timeoutMs' | 'maxBytes'>;
  now?: () => Date;
}

export type PollResult = { kind: 'ingested'; result: DocumentResult } | { kind: 'not_modified' } | { kind: 'error'; message: string };

/** Polls one claimed feed and records its status (releasing the lease). Never throws. */
export async function pollFeed(feed: WireFeedRow, owner: string, deps: PollDeps): Promise<PollResult> {
  const now = deps.now ?? (() => new Date());
  let headers: Record<string, string> = {};
  try {
    if (feed.credentials) headers = credentialHeaders(decryptCredentials(feed.credentials));
  } catch {
    recordPollError(feed.id, owner, 'credentials cannot be read (WIRE_SECRET changed or unset)', now());
    return { kind: 'error', message: 'credentials' };
  }
  const fetched = await fetchFeed(feed.url, { etag: feed.etag, lastModified: feed.lastModified, headers, ...deps.fetchOptions });
  if (fetched.kind === 'not_modified') {
    recordPollSuccess(feed.id, owner, { etag: feed.etag, lastModified: feed.lastModified }, now());
    return fetched;
  }
  if (fetched.kind === 'error') {
    recordPollError(feed.id, owner, fetched.message, now());
    log.warn('wire_poll_failed', { feed: feed.id, reason: fetched.message });
    return fetched;
  }
  try {
    const result = await deps.ingest(feed, fetched.text, now());
    recordPollSuccess(feed.id, owner, { etag: fetched.etag, lastModified: fetched.lastModified }, now());
    if (result.created || result.updated) log.info('wire_ingested', { feed: feed.id, created: result.created, updated: result.updated, ignored: result.ignored });
    return { kind: 'ingested', result };
  } catch (error) {
    const message = error instanceof WireParseError ? `${error.code}: ${error.message}` : error instanceof Error ? error.message : String(error);
    recordPollError(feed.id, owner, message, now());
    log.warn('wire_poll_failed', { feed: feed.id, reason: message.slice(0, 200) });
    return { kind: 'error', message };
  }
}

interface State {
  owner: string;
  timer: NodeJS.Timeout | null;
  stopped: boolean;
  inFlight: Set<Promise<unknown>>;
  deps: PollDeps;
  /**
   * Runs a function in the context the poller was started in (instrumentation's register(), outside any request).
   * A timer armed from a Server Action ("Poll now", a saved feed) would otherwise carry that finished request's
   * async context, where Next's revalidatePath records refreshes that never run; outside any request it throws,
   * and lib/publishing/refresh goes over loopback as it should.
   */
  root: <R>(fn: () => R) => R;
}

const g = globalThis as unknown as { kiosqueWirePoller?: State };

/** One pass: claims due feeds and starts their polls (not awaited by the timer; returned for tests). */
export function pollDueFeeds(state: Pick<State, 'owner' | 'deps' | 'inFlight'>): Promise<PollResult[]> {
  const now = state.deps.now?.() ?? new Date();
  // The whole poll: fetch, parse in the worker, and time to store.
  const leaseMs = (state.deps.fetchOptions?.timeoutMs ?? WIRE_FETCH_TIMEOUT_MS) + WIRE_WORKER_TIMEOUT_MS + 60_000;
  let feeds: WireFeedRow[] = [];
  try {
    feeds = claimDueFeeds(state.owner, now, leaseMs, MAX_FEEDS_PER_TICK);
  } catch (error) {
    log.error('wire_claim_failed', { error });
  }
  const polls = feeds.map((feed) => {
    const p = pollFeed(feed, state.owner, state.deps);
    state.inFlight.add(p);
    void p.finally(() => state.inFlight.delete(p));
    return p;
  });
  return Promise.all(polls);
}

function arm(s: State) {
  if (s.stopped) return;
  let delay = IDLE_MS;
  try {
    const due = nextFeedDueAt();
    if (due) delay = Math.max(250, Math.min(IDLE_MS, due.getTime() - Date.now() + 50));
  } catch (error) {
    log.error('wire_poller_read_failed', { error });
  }
  s.timer = setTimeout(
    () =>
      s.root(() => {
        void pollDueFeeds(s);
        arm(s);
      }),
    delay,
  );
  s.timer.unref();
}

export function startWirePoller(deps: PollDeps): void {
  if (g.kiosqueWirePoller) return;
  const s: State = { owner: `${process.pid}-${randomBytes(6).toString('hex')}`, timer: null, stopped: false, inFlight: new Set(), deps, root: AsyncLocalStorage.snapshot() };
  g.kiosqueWirePoller = s;
  void pollDueFeeds(s);
  arm(s);
}

/** Re-reads the next due time (after a feed was created, changed or asked to poll now). No-op without a poller. */
export function rearmWirePoller(): void {
  const s = g.kiosqueWirePoller;
  if (!s || s.stopped) return;
  if (s.timer) clearTimeout(s.timer);
  arm(s);
}

export function stopWirePoller(): void {
  const s = g.kiosqueWirePoller;
  if (!s) return;
  s.stopped = true;
  if (s.timer) clearTimeout(s.timer);
  g.kiosqueWirePoller = undefined;
}
