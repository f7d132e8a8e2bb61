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

  it('widens the interval when the server processes disagree, and still finds a real change across rounds', () => {
    // Five rounds of fresh servers, 30 URLs each: every process pair adds its own offset of up to ±3 ms (what an
    // A/A run of one build against a copy of itself showed here), on top of 0.5 ms of per-request noise.
    const random = mulberry32(23);
    const sample = (change: number) => {
      const base: number[] = [];
      const head: number[] = [];
      const rounds: number[] = [];
      for (let round = 0; round < 5; round++) {
        const offset = (random() - 0.5) * 6;
        for (let i = 0; i < 30; i++) {
          const page = 30 + random() * 40;
          base.push(page + random() * 0.5);
          head.push(page + change + offset + random() * 0.5);
          rounds.push(round);
        }
      }
      return { base, head, rounds };
    };
    const same = sample(0);
    const naive = pairedSummary(same.base, same.head);
    const byRound = pairedSummary(same.base, same.head, same.rounds);
    expect(byRound.rounds).toBe(5);
    expect(naive.rounds).toBe(150);
    // Pairs taken as independent: a "change" that is only the processes' offsets, with a narrow interval.
    expect(naive.diffLow > 0 || naive.diffHigh < 0).toBe(true);
    expect(byRound.diffLow).toBeLessThan(0);
    expect(byRound.diffHigh).toBeGreaterThan(0);
    const slower = sample(8);
    const found = pairedSummary(slower.base, slower.head, slower.rounds);
    expect(found.diffLow).toBeGreaterThan(0);
    expect(found.diffMedian).toBeGreaterThan(5);
  });

  it('refuses samples that are not paired', () => {
    expect(() => pairedSummary([1, 2], [1])).toThrow(/unpaired/);
    expect(() => pairedSummary([1, 2], [1, 2], [0])).toThrow(/round labels/);
  });
});
