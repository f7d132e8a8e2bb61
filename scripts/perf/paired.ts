/**
 * Paired comparison of two builds' timings (scripts/perf/compare.ts): each URL was asked of both servers, so the
 * per-URL difference cancels what the two share (the page's size, the machine's speed at that moment). The machine's
 * speed drifts by 20 % within a day here, so unpaired medians of two runs cannot show a change of a few milliseconds.
 */
import { mulberry32 } from '../../lib/random';

export interface PairedSummary {
  n: number;
  /** Pairs of server processes the pairs came from (each pair of the sample when none were given). */
  rounds: number;
  baseMedian: number;
  headMedian: number;
  /** Median of head − base per URL: negative is faster. */
  diffMedian: number;
  /** 95 % bootstrap interval of that median (deterministic seed), resampling rounds, then pairs. */
  diffLow: number;
  diffHigh: number;
}

/** The middle value (mean of the two middle ones for an even count); NaN for none. Also the bench's (with p90). */
export function median(values: number[]): number {
  if (!values.length) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The 90th percentile (the value 90 % of the way through the sorted list); NaN for none. */
export function p90(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length * 0.9)] ?? NaN;
}

/**
 * `rounds[i]`: which pair of server processes measured pair i. Two processes of the same build differ by a few
 * milliseconds (JIT and heap state; an A/A run of one build against a copy of itself read −3.1 ms, interval −6.2
 * to −0.8, from a single pair of processes), so the interval resamples whole rounds first, then pairs within each
 * chosen round (a cluster bootstrap): it is only as narrow as the rounds agree. Without `rounds`, every pair is its
 * own round.
 */
export function pairedSummary(base: number[], head: number[], rounds?: number[], resamples = 2000, seed = 1): PairedSummary {
  if (base.length !== head.length) throw new Error(`unpaired samples: ${base.length} base, ${head.length} head`);
  if (rounds && rounds.length !== base.length) throw new Error(`${rounds.length} round labels for ${base.length} pairs`);
  const diffs = base.map((b, i) => head[i]! - b);
  const clusters = new Map<number, number[]>();
  diffs.forEach((d, i) => {
    const key = rounds ? rounds[i]! : i;
    const cluster = clusters.get(key);
    if (cluster) cluster.push(d);
    else clusters.set(key, [d]);
  });
  const groups = [...clusters.values()];
  const random = mulberry32(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;
  const medians: number[] = [];
  for (let r = 0; r < resamples && diffs.length; r++) {
    const sample: number[] = [];
    for (let g = 0; g < groups.length; g++) {
      const group = pick(groups);
      for (let k = 0; k < group.length; k++) sample.push(pick(group));
    }
    medians.push(median(sample));
  }
  medians.sort((a, b) => a - b);
  return {
    n: diffs.length,
    rounds: groups.length,
    baseMedian: median(base),
    headMedian: median(head),
    diffMedian: median(diffs),
    diffLow: medians.length ? medians[Math.floor(medians.length * 0.025)]! : NaN,
    diffHigh: medians.length ? medians[Math.min(medians.length - 1, Math.floor(medians.length * 0.975))]! : NaN,
  };
}
