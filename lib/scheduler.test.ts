import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useTestDb } from '@/tests/support/db';
import { siteDay } from './format';
import { refresh } from './publishing/refresh';
import { EVERYTHING } from './publishing/targets';
import { msToNextSiteMidnight, nextDelay, startScheduler, stopScheduler } from './scheduler';

// The refresh goes over loopback to a running Next server; here only what is asked of it matters.
vi.mock('./publishing/refresh', () => ({ refresh: vi.fn(async () => {}) }));

describe('scheduler timing', () => {
  it('finds the next midnight in Africa/Douala (UTC+1), not UTC', () => {
    const now = new Date('2026-03-02T22:30:00Z'); // 23:30 in Douala
    const ms = msToNextSiteMidnight(now);
    expect(new Date(now.getTime() + ms).toISOString()).toBe('2026-03-02T23:00:00.000Z');
    expect(siteDay(new Date(now.getTime() + ms))).toBe('2026-03-03');
  });
  it('fires for the next due article, else at least every minute', () => {
    const now = new Date('2026-03-02T10:00:00Z');
    expect(nextDelay(now, null)).toBe(60_000);
    expect(nextDelay(now, new Date(now.getTime() + 5_000))).toBe(5_050);
    expect(nextDelay(now, new Date(now.getTime() - 5_000))).toBe(0);
    expect(nextDelay(now, new Date(now.getTime() + 3_600_000))).toBe(60_000);
    // Shortly before midnight in Douala the timer fires just after it.
    expect(nextDelay(new Date('2026-03-02T22:59:50Z'), null)).toBe(10_050);
  });
});

describe('the midnight refresh', () => {
  let testDb: ReturnType<typeof useTestDb>;
  beforeEach(() => {
    testDb = useTestDb();
    vi.mocked(refresh).mockClear();
  });
  afterEach(() => {
    stopScheduler();
    vi.useRealTimers();
    testDb.close();
  });

  it('refreshes every page once when the day turns in Douala, with no request and nothing published', async () => {
    vi.useFakeTimers({ now: new Date('2026-03-02T22:59:30Z') }); // 23:59:30 in Douala
    startScheduler();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(refresh).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(29_500); // the timer fires 50 ms after midnight
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(refresh).toHaveBeenCalledWith(EVERYTHING);
    await vi.advanceTimersByTimeAsync(5 * 60_000); // the next ticks (every minute) are the same day
    expect(refresh).toHaveBeenCalledTimes(1);
  });
});
