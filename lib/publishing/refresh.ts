/**
 * Applies refresh targets to Next's cache. Inside a request (a Server Action, a route handler) revalidatePath
 * works directly; outside one (a timer) it throws, and the refresh goes through this process's internal route.
 */
import { revalidatePath } from 'next/cache';
import { log } from '@/lib/log';
import { refreshOverLoopback } from '@/lib/server/internal-refresh';
import { purgePageCache } from '@/lib/server/page-cache';
import type { RefreshTarget } from './targets';

/** Synchronous, inside a request only: throws outside one. */
export function applyRefresh(targets: RefreshTarget[]): void {
  for (const t of targets) revalidatePath(t.path, t.type);
  // The origin's page cache in front of Next's (lib/server/page-cache.ts) forgets everything: a second's work.
  if (targets.length) purgePageCache();
}

/** From anywhere: directly when inside a request, else over loopback. Never throws; logs a failure. */
export async function refresh(targets: RefreshTarget[]): Promise<void> {
  if (!targets.length) return;
  try {
    applyRefresh(targets);
    return;
  } catch (error) {
    if (!(error instanceof Error) || !/static generation store missing/.test(error.message)) {
      log.error('refresh_failed', { error, targets: targets.length });
      return;
    }
  }
  if (!(await refreshOverLoopback(targets))) log.error('refresh_failed', { via: 'loopback', targets: targets.length });
}
