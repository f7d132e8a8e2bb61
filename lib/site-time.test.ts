import { describe, expect, it } from 'vitest';
import { parseSiteLocalDateTime, toSiteLocalDateTime } from './site-time';

describe('site-local date-times (Africa/Douala, UTC+1)', () => {
  it('reads what the newsroom types as Douala time', () => {
    expect(parseSiteLocalDateTime('2026-12-01T08:30')?.toISOString()).toBe('2026-12-01T07:30:00.000Z');
    // Just after midnight in Douala is still the previous day in UTC.
    expect(parseSiteLocalDateTime('2026-12-01T00:15')?.toISOString()).toBe('2026-11-30T23:15:00.000Z');
    expect(parseSiteLocalDateTime('2026-12-01T00:15:42')?.toISOString()).toBe('2026-11-30T23:15:42.000Z');
  });

  it('writes an instant back as Douala wall-clock time', () => {
    expect(toSiteLocalDateTime(new Date('2026-11-30T23:15:00Z'))).toBe('2026-12-01T00:15');
  });

  it('refuses malformed and impossible values', () => {
    for (const bad of ['', '2026-02-31T10:00', '2026-12-01 08:30', '2026-12-01T24:00', 'tomorrow']) {
      expect(parseSiteLocalDateTime(bad), bad).toBeNull();
    }
  });

  it('works in another zone with daylight saving (the helper is not Douala-only)', () => {
    expect(parseSiteLocalDateTime('2026-07-01T12:00', 'Europe/Paris')?.toISOString()).toBe('2026-07-01T10:00:00.000Z');
    expect(parseSiteLocalDateTime('2026-01-01T12:00', 'Europe/Paris')?.toISOString()).toBe('2026-01-01T11:00:00.000Z');
  });
});
