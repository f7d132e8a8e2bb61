/**
 * The in-process scheduler: publications on time, with no reader request at all (WordPress misses schedules
 * when nobody visits; this does not depend on traffic).
 *
 * One timer, armed for the earliest of: the next scheduled article's time, the next midnight in the site's time
 * zone (the header strip's date turns over), and one minute from now (a safety net: another process may have
 * scheduled something, a clock may have jumped). Each tick:
 *  1. flips every due `scheduled` row to `published` in one atomic UPDATE (db/article-writes publishDue): with
 *     two processes on one database, each row is flipped once, by one of them, with its audit line by `system`;
 *  2. refreshes this process's cached pages for everything that changed for readers since its previous tick,
 *     whichever process did it (changedBetween: publication times in the window, and the audit log's
 *     publications, unpublications, corrections, restores and deletions in the window);
 *  3. after midnight in Africa/Douala, refreshes every page.
 * It also unpublishes the articles of wire items whose agency `expires` time has passed (db/wire expireWireDue;
 * the unpublication's audit line brings it into step 2's window).
 * Started by instrumentation.ts `register()` (catch-up at start: overdue articles are published at once), and
 * re-armed by lib/publishing after each change. The refresh goes over loopback (lib/server/internal-refresh.ts)
 * because Next's revalidatePath needs a request.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { changedBetween, nextScheduledAt, publishDue, readerPlacesOf, type ReaderPlaces } from '@/db/article-writes';
import { expireWireDue, nextWireExpiryAt } from '@/db/wire';
import { nextSiteMidnight, siteDay } from '@/lib/format';
import { log } from '@/lib/log';
import { refresh } from '@/lib/publishing/refresh';
import { EVERYTHING, refreshTargets } from '@/lib/publishing/targets';

const SAFETY_NET_MS = 60_000;
/** At start, pages cached before a restart may miss publications of the last moments: refresh those too. */
const START_LOOKBACK_MS = 10 * 60_000;

interface State {
  timer: NodeJS.Timeout | null;
  lastTick: Date;
  lastDay: string;
  running: boolean;
  again: boolean;
  stopped: boolean;
  /** The last tick could not write (read-only database, disk full): retry calmly, not in a tight loop. */
  failed: boolean;
  /**
   * Runs a function in the context the scheduler was started in (outside any request). rearmScheduler() is called
   * from Server Actions; a timer armed there would carry that finished request's async context, in which Next's
   * revalidatePath records refreshes that never run instead of throwing (and going over loopback).
   */
  root: <R>(fn: () => R) => R;
}

const RETRY_AFTER_FAILURE_MS = 10_000;

const g = globalThis as unknown as { kiosqueScheduler?: State };

export function startScheduler(now = new Date()): void {
  if (g.kiosqueScheduler) return;
  g.kiosqueScheduler = { timer: null, lastTick: new Date(now.getTime() - START_LOOKBACK_MS), lastDay: siteDay(now), running: false, again: false, stopped: false, failed: false, root: AsyncLocalStorage.snapshot() };
  void tick();
}

export function stopScheduler(): void {
  const s = g.kiosqueScheduler;
  if (!s) return;
  s.stopped = true;
  if (s.timer) clearTimeout(s.timer);
  g.kiosqueScheduler = undefined;
}

/** Recomputes the timer after a change (a new schedule, a cancelled one). A no-op where no scheduler runs. */
export function rearmScheduler(): void {
  const s = g.kiosqueScheduler;
  if (!s || s.stopped) return;
  if (s.running) {
    s.again = true;
    return;
  }
  arm(s);
}

/** Milliseconds from `now` to the next midnight in the site's time zone. */
export function msToNextSiteMidnight(now: Date): number {
  return nextSiteMidnight(now) - now.getTime();
}

/** When the timer should fire next, from `now`. */
export function nextDelay(now: Date, nextDue: Date | null): number {
  let delay = Math.min(SAFETY_NET_MS, msToNextSiteMidnight(now) + 50);
  if (nextDue) delay = Math.min(delay, Math.max(0, nextDue.getTime() - now.getTime() + 50));
  return delay;
}

function arm(s: State): void {
  if (s.timer) clearTimeout(s.timer);
  let due: Date | null = null;
  try {
    due = nextScheduledAt();
    // Wire items whose agency `expires` time comes: their articles are unpublished then (db/wire expireWireDue).
    const expiry = nextWireExpiryAt();
    if (expiry && (!due || expiry < due)) due = expiry;
  } catch (error) {
    log.error('scheduler_read_failed', { error });
  }
  const delay = nextDelay(new Date(), due);
  s.timer = setTimeout(() => s.root(() => void tick()), s.failed ? Math.max(delay, RETRY_AFTER_FAILURE_MS) : delay);
  s.timer.unref();
}

async function tick(): Promise<void> {
  const s = g.kiosqueScheduler;
  if (!s || s.stopped) return;
  if (s.running) {
    s.again = true;
    return;
  }
  s.running = true;
  try {
    const now = new Date();
    let places: (ReaderPlaces | null)[] = [];
    s.failed = false;
    try {
      const flipped = publishDue(now);
      if (flipped.length) log.info('scheduled_published', { ids: flipped });
      const expired = expireWireDue(now);
      if (expired.unpublished.length) log.info('wire_expired', { ids: expired.unpublished });
      const changed = changedBetween(s.lastTick, now);
      places = [...new Set([...flipped, ...changed.ids])].map((id) => readerPlacesOf(id, now));
      places.push(...changed.deleted);
    } catch (error) {
      s.failed = true;
      log.error('scheduler_tick_failed', { error });
    }
    const targets = refreshTargets(places);
    const day = siteDay(now);
    if (day !== s.lastDay) {
      await refresh(EVERYTHING);
      s.lastDay = day;
    } else if (targets.length) {
      await refresh(targets);
    }
    // A failed tick keeps its window: the next one refreshes what this one could not.
    if (!s.failed) s.lastTick = now;
  } catch (error) {
    s.failed = true;
    log.error('scheduler_tick_failed', { error });
  } finally {
    s.running = false;
    s.again = false;
    if (!s.stopped) arm(s);
  }
}
