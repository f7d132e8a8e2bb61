/**
 * `npm run bench:compare -- --base DIR`: cache-miss render time of this checkout's build against another
 * checkout's build, paired (./paired.ts).
 *
 *   git worktree add ../kiosque-base <commit> && (cd ../kiosque-base && npm ci && npm run build)
 *   npm run build && npm run bench:compare -- --base ../kiosque-base [--db data/large.db] [--types article,topic] [--n 150] [--rounds 5]
 *
 * Compare like with like: two fresh checkouts built the same way. A working tree that has served for hours (its
 * .next holding a thousand runtime-rendered pages and caches, data/ its own files) read 1.5 ms slower (0.3 to 3.4)
 * than a fresh worktree of the same commit.
 *
 * Both builds are started with `next start` on the same database, their runtime cache emptied first; for each page
 * type of scripts/perf/page-types.ts, every URL not cached yet is asked of both servers, one request at a time, in
 * alternating order (prerendered pages are revalidated on both first). The servers are restarted `--rounds` times
 * (each round its own URLs, the first few of each server's round not counted: its code is not warm yet), because
 * two processes of one build differ by a few milliseconds. Prints each median, the median of the per-URL
 * differences and its 95 % interval (./paired.ts, resampling rounds). Run it on a quiet machine; it writes nothing.
 */
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ContentDb, pageTypes, type Probe } from './page-types';
import { pairedSummary } from './paired';
import { request, revalidatePaths, startApp, stop, timedMiss } from './server';

const { values: opt } = parseArgs({
  options: {
    base: { type: 'string' },
    db: { type: 'string', default: 'data/large.db' },
    types: { type: 'string', default: 'article,section,topic' },
    n: { type: 'string', default: '150' },
    rounds: { type: 'string', default: '5' },
  },
});

/** Cache misses each server renders at the start of a round before any is counted. */
const WARMUP = 5;

interface Samples { base: number[]; head: number[]; rounds: number[] }

async function main() {
  if (!opt.base) throw new Error('--base DIR: a checkout of the build to compare against, with its own `npm run build`');
  const baseDir = resolve(opt.base);
  const db = resolve(opt.db);
  if (!existsSync(db)) throw new Error(`no database at ${db}: \`npm run db:generate -- --articles 100000 --out ${opt.db}\` makes one (or pass --db)`);
  const n = Number(opt.n);
  const roundCount = Number(opt.rounds);
  if (!Number.isInteger(n) || n < 10) throw new Error('--n: at least 10 URLs per page type');
  if (!Number.isInteger(roundCount) || roundCount < 1 || roundCount > n) throw new Error('--rounds: between 1 and --n');
  const types = opt.types.split(',').map((key) => {
    const type = pageTypes.find((t) => t.key === key);
    if (!type) throw new Error(`unknown page type ${key} (one of ${pageTypes.map((t) => t.key).join(', ')})`);
    return type;
  });
  for (const dir of [baseDir, '.']) rmSync(join(dir, '.next/server/route-cache'), { recursive: true, force: true });
  const content = new ContentDb(db);
  const perRound = Math.ceil(n / roundCount);
  // Each URL is a miss once per build: every round gets its own slice, warm-up included.
  const plans = types.map((type) => {
    const misses = type.misses(content, roundCount * (perRound + 2 * WARMUP));
    return { type, hot: type.hot(content), misses, samples: { base: [], head: [], rounds: [] } as Samples };
  });
  console.log(`Paired cache misses on ${db} (${content.articleCount().toLocaleString('en')} articles): base ${baseDir}, head ${resolve('.')}; ms, one request at a time, ${roundCount} rounds of fresh servers.\n`);
  for (let round = 0; round < roundCount; round++) {
    const base = await startApp(db, { cwd: baseDir });
    const head = await startApp(db);
    try {
      for (const plan of plans) {
        if (plan.hot) for (const app of [base, head]) await request(app.base, plan.hot);
        const revalidate = plan.misses === 'revalidate';
        // A page type with few URLs (sections have 2–6 pages each) shares them out evenly, with a shorter warm-up.
        const list = revalidate ? [] : (plan.misses as Probe[]);
        const size = Math.min(perRound + 2 * WARMUP, Math.floor(list.length / roundCount));
        const warmup = revalidate ? WARMUP : Math.min(2 * WARMUP, Math.floor(size / 3));
        const slice = revalidate
          ? Array.from({ length: Math.min(perRound, Math.ceil(30 / roundCount)) + WARMUP }, () => plan.hot)
          : list.slice(round * size, (round + 1) * size);
        let counted = 0;
        for (const [i, probe] of slice.entries()) {
          if (!probe || probe.method !== 'GET') continue;
          // Warm-up: each server renders its own first misses (a URL is a miss once per build, a revalidated page
          // once per revalidation).
          if (i < warmup) {
            for (const app of revalidate ? [base, head] : [i % 2 ? head : base]) {
              if (revalidate) await revalidatePaths(app, [probe.path]);
              await timedMiss(app.base, probe);
            }
            continue;
          }
          if (counted >= perRound) break;
          if (revalidate) for (const app of [base, head]) await revalidatePaths(app, [probe.path]);
          // Alternate which server goes first, so that neither always gets the warmer caches.
          const order = counted % 2 ? [head, base] : [base, head];
          for (const app of order) (app === base ? plan.samples.base : plan.samples.head).push(await timedMiss(app.base, probe));
          plan.samples.rounds.push(round);
          counted++;
        }
      }
    } finally {
      await stop(base.child);
      await stop(head.child);
    }
  }
  content.close();
  console.log('| Page type | n | rounds | base median | head median | head − base (median of pairs) | 95 % interval |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | --- |');
  const f = (x: number) => x.toFixed(1);
  for (const { type, samples } of plans) {
    const s = pairedSummary(samples.base, samples.head, samples.rounds);
    console.log(`| ${type.label} | ${s.n} | ${s.rounds} | ${f(s.baseMedian)} | ${f(s.headMedian)} | ${f(s.diffMedian)} | ${f(s.diffLow)} to ${f(s.diffHigh)} |`);
  }
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
