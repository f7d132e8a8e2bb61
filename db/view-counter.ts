import { TokenBucketLimiter, ViewBuffer } from '@/lib/view-beacon';
import { isCountableArticle, recordViews } from './views';

/** How often counted views are written to article_views_daily. A crash loses at most this much. */
export const FLUSH_INTERVAL_MS = Number(process.env.VIEWS_FLUSH_INTERVAL_MS) > 0 ? Number(process.env.VIEWS_FLUSH_INTERVAL_MS) : 5_000;

export interface ViewCounter {
  buffer: ViewBuffer;
  limiter: TokenBucketLimiter;
  isCountable: (articleId: number, now: Date) => boolean;
}

/*
 * One counter per process. Kept on globalThis because Next bundles route handlers and instrumentation.ts
 * separately: both must see the same buffer, so that the shutdown flush writes what the route counted.
 */
const g = globalThis as unknown as { kiosqueViewCounter?: ViewCounter; kiosqueViewShutdown?: boolean };

export function getViewCounter(): ViewCounter {
  if (!g.kiosqueViewCounter) {
    const buffer = new ViewBuffer({ write: (batch) => recordViews(batch).ok });
    g.kiosqueViewCounter = {
      buffer,
      limiter: new TokenBucketLimiter(),
      isCountable: (id, now) => isCountableArticle(id, now),
    };
    setInterval(() => buffer.flush(), FLUSH_INTERVAL_MS).unref();
    installShutdownFlush();
  }
  return g.kiosqueViewCounter;
}

/**
 * Flushes pending views when the process is asked to stop (SIGTERM/SIGINT) and when it exits: better-sqlite3
 * writes synchronously, so the `exit` handler still lands the last batch after Next's own signal handler.
 */
export function installShutdownFlush(): void {
  if (g.kiosqueViewShutdown) return;
  g.kiosqueViewShutdown = true;
  const flush = () => g.kiosqueViewCounter?.buffer.flush();
  process.once('SIGTERM', flush);
  process.once('SIGINT', flush);
  process.once('beforeExit', flush);
  process.once('exit', flush);
}
