import { describe, expect, it } from 'vitest';
import { siteDay } from './format';
import { msToNextSiteMidnight, nextDelay } from './scheduler';

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
