import { describe, expect, it } from 'vitest';
import { formatLongDate, siteDay, siteYear } from '../format';
import { clampToSiteDay, readerCacheControl, secondsToSiteMidnight } from './cache';

// Africa/Douala is UTC+1: midnight there is 23:00 UTC.
const at = (iso: string) => new Date(iso);

describe('the hour around midnight in Douala', () => {
  it('the site day and the header strip’s date turn at 23:00 UTC, not at 00:00 UTC', () => {
    expect(siteDay(at('2026-11-30T22:59:59Z'))).toBe('2026-11-30');
    expect(siteDay(at('2026-11-30T23:00:00Z'))).toBe('2026-12-01');
    expect(formatLongDate(at('2026-11-30T22:30:00Z'), 'fr')).toBe('lundi 30 novembre 2026');
    expect(formatLongDate(at('2026-11-30T23:30:00Z'), 'fr')).toBe('mardi 1 décembre 2026');
    expect(formatLongDate(at('2026-11-30T23:30:00Z'), 'en')).toBe('Tuesday, December 1, 2026');
  });

  it('the footer year turns at midnight in Douala', () => {
    expect(siteYear(at('2026-12-31T22:59:00Z'))).toBe(2026);
    expect(siteYear(at('2026-12-31T23:00:00Z'))).toBe(2027);
  });

  it('counts the seconds to the next midnight in Douala', () => {
    expect(secondsToSiteMidnight(at('2026-11-30T22:55:00Z'))).toBe(300);
    expect(secondsToSiteMidnight(at('2026-11-30T23:00:00Z'))).toBe(86_400);
    expect(secondsToSiteMidnight(at('2026-11-30T23:30:00Z'))).toBe(84_600);
  });

  it('a page rendered at 23:55 in Douala is not kept by any cache past midnight', () => {
    const cc = clampToSiteDay(readerCacheControl, at('2026-11-30T22:55:00Z'));
    expect(cc).toContain('s-maxage=300');
    expect(cc).toContain('stale-while-revalidate=0');
    const later = clampToSiteDay(readerCacheControl, at('2026-11-30T22:58:20Z'));
    expect(later).toContain('s-maxage=100,');
    expect(later).toContain('stale-while-revalidate=0');
    expect(later).toContain('stale-if-error=604800'); // origin down: yesterday's page beats an error
  });

  it('earlier in the day, and just after midnight, the policy is untouched (15 minutes at most)', () => {
    expect(readerCacheControl).toBe('public, s-maxage=300, stale-while-revalidate=600, stale-if-error=604800');
    expect(clampToSiteDay(readerCacheControl, at('2026-11-30T22:40:00Z'))).toBe(readerCacheControl);
    expect(clampToSiteDay(readerCacheControl, at('2026-11-30T23:00:01Z'))).toBe(readerCacheControl);
    expect(clampToSiteDay('no-store', at('2026-11-30T22:59:00Z'))).toBe('no-store');
  });
});
