import { describe, expect, it } from 'vitest';
import { formatDuration, isoDuration } from '@/lib/format';
import { parseDurationInput } from './duration';

describe('parseDurationInput', () => {
  it.each([
    ['63', 63],
    ['0', 0],
    ['1:03', 63],
    ['01:03', 63],
    ['12:05', 725],
    ['1:02:03', 3723],
    ['00:01:03', 63],
    ['PT1M3S', 63],
    ['pt1m3s', 63],
    ['PT63S', 63],
    ['PT2H', 7200],
    ['P0DT1H2M3S', 3723],
    ['PT1M2.6S', 63],
    [' 1:03 ', 63],
  ])('%s → %d s', (input, seconds) => {
    expect(parseDurationInput(input)).toBe(seconds);
  });

  it.each(['', 'abc', '1:60', '1:3', '-5', '1.5', 'P', 'PT', 'PT1X', '1:02:03:04', 'PT25H', '999999', '1e3'])('refuses %j', (input) => {
    expect(parseDurationInput(input)).toBeNull();
  });

  it('round-trips through the badge and the ISO form', () => {
    for (const s of [0, 59, 63, 725, 3723]) {
      expect(parseDurationInput(formatDuration(s))).toBe(s);
      expect(parseDurationInput(isoDuration(s))).toBe(s);
    }
  });
});
