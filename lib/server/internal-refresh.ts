/**
 * Cache refreshes that do not come from a request. Next's revalidatePath only works inside a request (it needs
 * the request's work store: outside one it throws "static generation store missing"), so the scheduler, which
 * runs on a timer with no reader request at all, asks its own server over loopback:
 *
 *   POST http://127.0.0.1:$PORT/api/internal/refresh   Authorization: Bearer <per-process secret>
 *
 * The secret is random per process and held in memory only (never in the environment, a file or a log): only
 * code inside this process can call the route, and the route also refuses any peer that is not loopback.
 */
import { randomBytes, timingSafeEqual, createHash } from 'node:crypto';
import type { RefreshTarget } from '@/lib/publishing/targets';

export const INTERNAL_REFRESH_PATH = '/api/internal/refresh';
/** Targets per request (the route accepts at most 500). */
export const MAX_TARGETS = 400;

const g = globalThis as unknown as { kiosqueInternalSecret?: string };

/** The process's secret (made on first use; globalThis so that every bundle of the server shares it). */
export function internalSecret(): string {
  g.kiosqueInternalSecret ??= randomBytes(32).toString('base64url');
  return g.kiosqueInternalSecret;
}

export function isInternalCaller(authorization: string | null, peer: string | null): boolean {
  if (!g.kiosqueInternalSecret) return false;
  if (!peer || !isLoopback(peer)) return false;
  const given = createHash('sha256').update(/^Bearer (\S+)$/.exec(authorization ?? '')?.[1] ?? '').digest();
  const wanted = createHash('sha256').update(g.kiosqueInternalSecret).digest();
  return timingSafeEqual(given, wanted);
}

export function isLoopback(address: string): boolean {
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

/** Where this process listens (next start sets PORT once it listens). */
function origin(): string {
  return `http://127.0.0.1:${process.env.PORT || 3000}`;
}

/**
 * Asks this process to refresh `targets`; resolves false (and never throws) when it could not. Right after start
 * the server may not listen yet (the scheduler's catch-up runs from instrumentation's register()): a refused
 * connection is retried for a few seconds.
 */
export async function refreshOverLoopback(targets: RefreshTarget[], attempts = 20): Promise<boolean> {
  if (targets.length > MAX_TARGETS) {
    let ok = true;
    for (let i = 0; i < targets.length; i += MAX_TARGETS) ok = (await refreshOverLoopback(targets.slice(i, i + MAX_TARGETS), attempts)) && ok;
    return ok;
  }
  if (!targets.length) return true;
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await fetch(`${origin()}${INTERNAL_REFRESH_PATH}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${internalSecret()}`, 'content-type': 'application/json' },
        body: JSON.stringify({ targets }),
        signal: AbortSignal.timeout(5_000),
      });
      await res.arrayBuffer();
      return res.ok;
    } catch {
      if (attempt >= attempts) return false;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}
