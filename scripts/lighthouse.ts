/**
 * `npm run lighthouse`: Lighthouse 12 in its default mobile mode (Moto G Power emulation, simulated slow 4G) on the
 * page types of scripts/perf/page-types.ts marked `lighthouse`, against `next start` on the existing build, with
 * /usr/bin/chromium (CHROME_PATH to change it). Prints the four scores per page, the metrics, the LCP element and
 * the audits that score below 0.9.
 *
 *   npm run lighthouse -- [--db data/kiosque.db] [--url http://localhost:3000]
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ContentDb, pageTypes } from './perf/page-types';
import { startApp, stop, type App } from './perf/server';

const { values: opt } = parseArgs({
  options: {
    db: { type: 'string', default: process.env.DATABASE_PATH || 'data/kiosque.db' },
    url: { type: 'string' },
  },
});

interface Result {
  url: string;
  scores: Record<string, number>;
  metrics: Record<string, string>;
  lcpElement: string | null;
  failing: string[];
}

async function main() {
  const dbFile = resolve(opt.db);
  const content = new ContentDb(dbFile);
  let app: App | undefined;
  try {
    const base = opt.url ?? (app = await startApp(dbFile)).base;
    const pages = pageTypes.filter((t) => t.lighthouse).flatMap((t) => {
      const probe = t.hot(content);
      return probe ? [{ label: t.label, url: base + probe.path }] : [];
    });
    for (const p of pages) await fetch(p.url).then((r) => r.arrayBuffer()); // warm the server cache
    const run = spawnSync(process.execPath, ['scripts/perf/lighthouse-run.mjs', ...pages.map((p) => p.url)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 });
    if (run.status !== 0) throw new Error('lighthouse failed');
    const results = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as Result);
    console.log('| Page | Performance | Accessibility | Best practices | SEO | LCP | TBT | CLS | FCP |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    results.forEach((r, i) => {
      const s = r.scores;
      console.log(`| ${pages[i]!.label} (\`${new URL(r.url).pathname}\`) | ${s.performance} | ${s.accessibility} | ${s['best-practices']} | ${s.seo} | ${r.metrics.lcp} | ${r.metrics.tbt} | ${r.metrics.cls} | ${r.metrics.fcp} |`);
    });
    for (const [i, r] of results.entries()) {
      console.log(`\n${pages[i]!.label}: LCP element ${r.lcpElement ?? '–'}`);
      if (r.failing.length) console.log(`  audits below 0.9: ${r.failing.join(', ')}`);
    }
  } finally {
    if (app) await stop(app.child);
    content.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
