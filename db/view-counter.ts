import { getConfig } from '@/lib/config';
import { compileTrustedProxies, type TrustFn } from '@/lib/trusted-proxies';
import { ViewBuffer, ViewGate } from '@/lib/view-beacon';
import { isCountableArticle, recordViews } from './views';

export interface ViewCounter {
  buffer: ViewBuffer;
  gate: ViewGate;
  trust: TrustFn;
  isCountable: (articleId: number, now: Date) => boolean;
}

/*
 * One counter per process. Kept on globalThis because Next bundles route handlers and instrumentation.ts
 * separately: both must see the same buffer, so that the shutdown flush writes what the route counted.
 */
const g = globalThis as unknown as { kiosqueViewCounter?: ViewCounter; kiosqueViewShutdown?: boolean };

export function getViewCounter(): ViewCounter {
  if (!g.kiosqueViewCounter) {
    const config = getConfig();
    const buffer = new ViewBuffer({ write: (batch) => recordViews(batch).ok });
    g.kiosqueViewCounter = {
      buffer,
      gate: new ViewGate({
        windowMs: config.VIEWS_WINDOW_MINUTES * 60_000,
        perAddressPerHour: config.VIEWS_PER_ADDRESS_PER_HOUR,
        perArticlePerHour: config.VIEWS_PER_ARTICLE_PER_HOUR,
      }),
      trust: compileTrustedProxies(config.TRUSTED_PROXIES),
      isCountable: (id, now) => isCountableArticle(id, now),
    };
    // How often counted views are written to article_views_daily: a crash loses at most this much.
    setInterval(() => buffer.flush(), config.VIEWS_FLUSH_INTERVAL_MS).unref();
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
