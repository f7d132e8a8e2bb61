import { describe, expect, it, vi } from 'vitest';
import {
  formatDateTime,
  formatDuration,
  formatDurationLong,
  formatLongDate,
  formatNumber,
  formatTemperature,
  isoDuration,
  siteDay,
} from './format';

// Golden strings, pinned on Node 20 (ICU 78). No-break spaces are written out explicitly:
// \u00A0 NO-BREAK SPACE, \u202F NARROW NO-BREAK SPACE.
const afternoon = new Date('2024-11-15T13:05:00Z'); // 14:05 in Douala (UTC+1)
const nearMidnight = new Date('2024-11-15T23:30:00Z'); // already Saturday 00:30 in Douala

describe('formatLongDate', () => {
  it('formats the full date in French', () => {
    expect(formatLongDate(afternoon, 'fr')).toBe('vendredi 15 novembre 2024');
  });

  it('formats the full date in English', () => {
    expect(formatLongDate(afternoon, 'en')).toBe('Friday, November 15, 2024');
  });

  it('uses the Douala calendar day, not the UTC one', () => {
    expect(formatLongDate(nearMidnight, 'fr')).toBe('samedi 16 novembre 2024');
    expect(formatLongDate(nearMidnight, 'en')).toBe('Saturday, November 16, 2024');
  });

  it('accepts ISO strings and epoch milliseconds', () => {
    expect(formatLongDate('2024-11-15T13:05:00Z', 'fr')).toBe('vendredi 15 novembre 2024');
    expect(formatLongDate(afternoon.getTime(), 'en')).toBe('Friday, November 15, 2024');
  });

  it('rejects an invalid date', () => {
    expect(() => formatLongDate('not a date', 'fr')).toThrow(RangeError);
  });
});

describe('formatDateTime', () => {
  it('formats date and time in French (24 h clock)', () => {
    expect(formatDateTime(afternoon, 'fr')).toBe('15 novembre 2024 à 14:05');
    expect(formatDateTime(nearMidnight, 'fr')).toBe('16 novembre 2024 à 00:30');
  });

  it('formats date and time in English (12 h clock)', () => {
    expect(formatDateTime(afternoon, 'en')).toBe('November 15, 2024 at 2:05 PM');
    expect(formatDateTime(nearMidnight, 'en')).toBe('November 16, 2024 at 12:30 AM');
  });
});

describe('siteDay', () => {
  it('returns the Douala calendar day of an instant', () => {
    expect(siteDay(afternoon)).toBe('2024-11-15');
    expect(siteDay(nearMidnight)).toBe('2024-11-16');
    expect(siteDay('2024-11-15T22:59:59Z')).toBe('2024-11-15');
    expect(siteDay('2024-11-15T23:00:00Z')).toBe('2024-11-16');
    expect(siteDay('2024-12-31T23:00:00Z')).toBe('2025-01-01');
  });
});

describe('formatTemperature', () => {
  it('uses a decimal comma and U+202F before °C in French', () => {
    expect(formatTemperature(23.9, 'fr')).toBe('23,9\u202F°C');
    expect(formatTemperature(24, 'fr')).toBe('24,0\u202F°C');
    expect(formatTemperature(-3, 'fr')).toBe('-3,0\u202F°C');
  });

  it('uses a decimal point and U+00A0 before °C in English', () => {
    expect(formatTemperature(23.9, 'en')).toBe('23.9\u00A0°C');
    expect(formatTemperature(24, 'en')).toBe('24.0\u00A0°C');
    expect(formatTemperature(-3, 'en')).toBe('-3.0\u00A0°C');
  });

  it('rounds to one decimal and never shows a negative zero', () => {
    expect(formatTemperature(23.94, 'fr')).toBe('23,9\u202F°C');
    expect(formatTemperature(-0.04, 'fr')).toBe('0,0\u202F°C');
    expect(formatTemperature(-0.04, 'en')).toBe('0.0\u00A0°C');
  });

  it('applies the locale rule to regional variants', () => {
    expect(formatTemperature(23.9, 'fr-CM')).toBe('23,9\u202F°C');
    expect(formatTemperature(23.9, 'en-GB')).toBe('23.9\u00A0°C');
  });
});

describe('formatNumber', () => {
  it('groups thousands as Intl does', () => {
    expect(formatNumber(1234567.5, 'fr')).toBe('1\u202F234\u202F567,5');
    expect(formatNumber(1000, 'fr')).toBe('1\u202F000');
    expect(formatNumber(1234567.5, 'en')).toBe('1,234,567.5');
    expect(formatNumber(42, 'en')).toBe('42');
  });
});

describe('formatDuration', () => {
  it('formats clock-style durations', () => {
    expect(formatDuration(0, 'fr')).toBe('0:00');
    expect(formatDuration(9, 'fr')).toBe('0:09');
    expect(formatDuration(63, 'fr')).toBe('1:03');
    expect(formatDuration(725, 'en')).toBe('12:05');
    expect(formatDuration(3599, 'en')).toBe('59:59');
    expect(formatDuration(3600, 'en')).toBe('1:00:00');
    expect(formatDuration(3723, 'fr')).toBe('1:02:03');
  });

  it('is locale independent and tolerates bad input', () => {
    expect(formatDuration(3723, 'fr')).toBe(formatDuration(3723, 'en'));
    expect(formatDuration(62.6, 'fr')).toBe('1:03');
    expect(formatDuration(-5, 'fr')).toBe('0:00');
    expect(formatDuration(Number.NaN, 'fr')).toBe('0:00');
  });
});

describe('formatDurationLong', () => {
  it('spells durations out in French', () => {
    expect(formatDurationLong(63, 'fr')).toBe('1\u00A0minute et 3\u00A0secondes');
    expect(formatDurationLong(3723, 'fr')).toBe('1\u00A0heure, 2\u00A0minutes et 3\u00A0secondes');
    expect(formatDurationLong(7260, 'fr')).toBe('2\u00A0heures et 1\u00A0minute');
    expect(formatDurationLong(1, 'fr')).toBe('1\u00A0seconde');
    expect(formatDurationLong(0, 'fr')).toBe('0\u00A0seconde');
  });

  it('spells durations out in English', () => {
    expect(formatDurationLong(63, 'en')).toBe('1\u00A0minute, 3\u00A0seconds');
    expect(formatDurationLong(3723, 'en')).toBe('1\u00A0hour, 2\u00A0minutes, 3\u00A0seconds');
    expect(formatDurationLong(7260, 'en')).toBe('2\u00A0hours, 1\u00A0minute');
    expect(formatDurationLong(1, 'en')).toBe('1\u00A0second');
    expect(formatDurationLong(0, 'en')).toBe('0\u00A0seconds');
  });
});

describe('isoDuration', () => {
  it('produces ISO 8601 durations', () => {
    expect(isoDuration(0)).toBe('PT0S');
    expect(isoDuration(63)).toBe('PT1M3S');
    expect(isoDuration(3723)).toBe('PT1H2M3S');
    expect(isoDuration(7200)).toBe('PT2H');
    expect(isoDuration(60)).toBe('PT1M');
    expect(isoDuration(-1)).toBe('PT0S');
  });
});

describe('memoization', () => {
  it('does not construct Intl formatters on repeated calls', () => {
    formatLongDate(afternoon, 'fr');
    formatDateTime(afternoon, 'en');
    formatTemperature(1, 'fr');
    formatNumber(1, 'en');
    const dtf = vi.spyOn(Intl, 'DateTimeFormat');
    const nf = vi.spyOn(Intl, 'NumberFormat');
    for (let i = 0; i < 5; i++) {
      formatLongDate(afternoon, 'fr');
      formatDateTime(afternoon, 'en');
      formatTemperature(i, 'fr');
      formatNumber(i, 'en');
    }
    expect(dtf).not.toHaveBeenCalled();
    expect(nf).not.toHaveBeenCalled();
  });
});

describe('mojibake guard', () => {
  it('produces proper UTF-8 text', () => {
    const all = [formatLongDate(afternoon, 'fr'), formatDateTime(afternoon, 'fr'), formatTemperature(23.9, 'fr')].join(' ');
    expect(all).not.toMatch(/Ã|â€|Â/);
    expect(all).toContain('à');
    expect(all).toContain('°');
  });
});
