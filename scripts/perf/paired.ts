/**
 * Paired comparison of two builds' timings (scripts/perf/compare.ts): each URL was asked of both servers, so the
 * per-URL difference cancels what the two share (the page's size, the machine's speed at that moment). The machine's
 * speed drifts by 20 % within a day here, so unpaired medians of two runs cannot show a change of a few milliseconds.
 */
import { mulberry32 } from '../../lib/random';

export interface PairedSummary {
  n: number;
  baseMedian: number;
  headMedian: number;
  /** Median of head − base per URL: negative is faster. */
  diffMedian: number;
  /** 95 % bootstrap interval of that median (deterministic seed). */
  diffLow: number;
  diffHigh: number;
}

/** The middle value (mean of the two middle ones for an even count); NaN for none. Also the bench's. */
export function median(values: number[]): number {
  if (!values.length) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function pairedSummary(base: number[], head: number[], resamples = 2000, seed = 1): PairedSummary {
  if (base.length !== head.length) throw new Error(`unpaired samples: ${base.length} base, ${head.length} head`);
  const diffs = base.map((b, i) => head[i]! - b);
  const random = mulberry32(seed);
  const medians: number[] = [];
  for (let r = 0; r < resamples && diffs.length; r++) {
    const sample = Array.from({ length: diffs.length }, () => diffs[Math.floor(random() * diffs.length)]!);
    medians.push(median(sample));
  }
  medians.sort((a, b) => a - b);
  return {
    n: diffs.length,
    baseMedian: median(base),
    headMedian: median(head),
    diffMedian: median(diffs),
    diffLow: medians.length ? medians[Math.floor(medians.length * 0.025)]! : NaN,
    diffHigh: medians.length ? medians[Math.min(medians.length - 1, Math.floor(medians.length * 0.975))]! : NaN,
  };
}
