/**
 * The paired comparison of `npm run bench:compare` (scripts/perf/paired.ts): a change is read from the per-URL
 * differences, so a drift that slows both builds alike does not show as a change, and a real one does.
 */
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '@/lib/random';
import { median, pairedSummary } from '@/scripts/perf/paired';

describe('paired comparison of two builds', () => {
  it('median of an odd and an even number of values', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('finds a 2 ms change hidden under pages that differ by 40 ms and a machine that drifts by 30 %', () => {
    const random = mulberry32(7);
    const base: number[] = [];
    const head: number[] = [];
    for (let i = 0; i < 150; i++) {
      const page = 30 + random() * 40; // some pages cost more than others
      const speed = 1 + 0.3 * (i / 150); // the machine slows down during the run
      base.push(page * speed + random());
      head.push((page - 2) * speed + random());
    }
    const s = pairedSummary(base, head);
    expect(s.n).toBe(150);
    expect(s.diffMedian).toBeLessThan(-1.5);
    expect(s.diffMedian).toBeGreaterThan(-3.5);
    expect(s.diffHigh).toBeLessThan(0); // the interval excludes "no change"
    expect(s.diffLow).toBeLessThanOrEqual(s.diffMedian);
  });

  it('reports no change when the two builds are the same', () => {
    const random = mulberry32(11);
    const base = Array.from({ length: 150 }, () => 40 + random() * 20);
    const head = base.map((b) => b + (random() - 0.5));
    const s = pairedSummary(base, head);
    expect(s.diffLow).toBeLessThan(0);
    expect(s.diffHigh).toBeGreaterThan(0);
  });

  it('refuses samples that are not paired', () => {
    expect(() => pairedSummary([1, 2], [1])).toThrow(/unpaired/);
  });
});
