/**
 * Login throttling, per account and per client, kept in the database so that it holds across processes and
 * restarts. After MAX failures within WINDOW the key is locked for LOCK; a success clears the account's key.
 * Both keys are checked before the password is verified, and a locked login gets the same answer whether or not
 * the account exists.
 */
import { eq, lt } from 'drizzle-orm';
import { getDb } from './client';
import { loginThrottle } from './schema';

const MINUTE = 60_000;

export interface ThrottleRule {
  max: number;
  windowMs: number;
  lockMs: number;
}

/** An account: 5 wrong passwords in 15 minutes lock it for 15 minutes (its owner waits; a guesser gives up). */
export const ACCOUNT_RULE: ThrottleRule = { max: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };
/** A client: 20 failures in 15 minutes, whatever the accounts tried (a newsroom behind one NAT stays usable). */
export const CLIENT_RULE: ThrottleRule = { max: 20, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };

/** Milliseconds until the key may try again, or 0. */
export function lockedFor(key: string, now = new Date()): number {
  const row = getDb().select().from(loginThrottle).where(eq(loginThrottle.key, key)).get();
  const until = row?.lockedUntil?.getTime() ?? 0;
  return Math.max(0, until - now.getTime());
}

/** Counts one failure; returns the milliseconds the key is now locked for (0 when not locked). */
export function recordFailure(key: string, rule: ThrottleRule, now = new Date()): number {
  const db = getDb();
  return db.transaction((tx) => {
    const row = tx.select().from(loginThrottle).where(eq(loginThrottle.key, key)).get();
    const fresh = !row || now.getTime() - row.windowStart.getTime() > rule.windowMs;
    const failures = fresh ? 1 : row.failures + 1;
    const windowStart = fresh ? now : row.windowStart;
    const lockedUntil = failures >= rule.max ? new Date(now.getTime() + rule.lockMs) : (row?.lockedUntil ?? null);
    tx.insert(loginThrottle)
      .values({ key, failures, windowStart, lockedUntil })
      .onConflictDoUpdate({ target: loginThrottle.key, set: { failures, windowStart, lockedUntil } })
      .run();
    return Math.max(0, (lockedUntil?.getTime() ?? 0) - now.getTime());
  }, { behavior: 'immediate' });
}

export function clearFailures(key: string): void {
  getDb().delete(loginThrottle).where(eq(loginThrottle.key, key)).run();
}

export function pruneThrottle(now = new Date()): void {
  getDb().delete(loginThrottle).where(lt(loginThrottle.windowStart, new Date(now.getTime() - 24 * 60 * MINUTE))).run();
}
