/**
 * `npm run bench:compare -- --base DIR`: cache-miss render time of this checkout's build against another
 * checkout's build, paired (./paired.ts).
 *
 *   git worktree add ../kiosque-base <commit> && (cd ../kiosque-base && npm ci && npm run build)
 *   npm run build && npm run bench:compare -- --base ../kiosque-base [--db data/large.db] [--types article,topic] [--n 150]
 *
 * Both builds are started with `next start` on the same database, their runtime cache emptied first; for each page
 * type of scripts/perf/page-types.ts, every URL not cached yet is asked of both servers, one request at a time, in
 * alternating order (prerendered pages are revalidated on both first). Prints each median, the median of the
 * per-URL differences and its 95 % bootstrap interval. Run it on a quiet machine; it writes nothing.
 */
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ContentDb, pageTypes, type Probe } from './page-types';
import { pairedSummary } from './paired';
import { request, revalidatePaths, startApp, stop, type App } from './server';

const { values: opt } = parseArgs({
  options: {
    base: { type: 'string' },
    db: { type: 'string', default: 'data/large.db' },
    types: { type: 'string', default: 'article,section,topic' },
    n: { type: 'string', default: '150' },
  },
});

async function timed(app: App, probe: Probe): Promise<number> {
  const r = await request(app.base, probe, { 'accept-encoding': 'gzip' });
  if (r.status !== 200 || (r.cache && r.cache !== 'MISS')) throw new Error(`${probe.path} on ${app.base}: HTTP ${r.status}, x-nextjs-cache ${r.cache} (not a cache miss)`);
  return r.ms;
}

async function main() {
  if (!opt.base) throw new Error('--base DIR: a checkout of the build to compare against, with its own `npm run build`');
  const baseDir = resolve(opt.base);
  const db = resolve(opt.db);
  const n = Number(opt.n);
  if (!Number.isInteger(n) || n < 10) throw new Error('--n: at least 10 URLs per page type');
  const types = opt.types.split(',').map((key) => {
    const type = pageTypes.find((t) => t.key === key);
    if (!type) throw new Error(`unknown page type ${key} (one of ${pageTypes.map((t) => t.key).join(', ')})`);
    return type;
  });
  for (const dir of [baseDir, '.']) rmSync(join(dir, '.next/server/route-cache'), { recursive: true, force: true });
  const content = new ContentDb(db);
  const base = await startApp(db, { cwd: baseDir });
  const head = await startApp(db);
  try {
    console.log(`Paired cache misses on ${db} (${content.articleCount().toLocaleString('en')} articles): base ${baseDir}, head ${resolve('.')}; ms, one request at a time.\n`);
    console.log('| Page type | n | base median | head median | head − base (median of pairs) | 95 % interval |');
    console.log('| --- | ---: | ---: | ---: | ---: | --- |');
    for (const type of types) {
      const hot = type.hot(content);
      if (hot) for (const app of [base, head]) await request(app.base, hot);
      const misses = type.misses(content, n);
      const baseTimes: number[] = [];
      const headTimes: number[] = [];
      const rounds = misses === 'revalidate' ? Array.from({ length: Math.min(n, 30) }, () => hot) : misses;
      for (const [i, probe] of rounds.entries()) {
        if (!probe || probe.method !== 'GET') continue;
        if (misses === 'revalidate') for (const app of [base, head]) await revalidatePaths(app, [probe.path]);
        // Alternate which server goes first, so that neither always gets the warmer caches.
        const order = i % 2 ? [head, base] : [base, head];
        for (const app of order) (app === base ? baseTimes : headTimes).push(await timed(app, probe));
      }
      const s = pairedSummary(baseTimes, headTimes);
      const f = (x: number) => x.toFixed(1);
      console.log(`| ${type.label} | ${s.n} | ${f(s.baseMedian)} | ${f(s.headMedian)} | ${f(s.diffMedian)} | ${f(s.diffLow)} to ${f(s.diffHigh)} |`);
    }
  } finally {
    await stop(base.child);
    await stop(head.child);
    content.close();
  }
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
