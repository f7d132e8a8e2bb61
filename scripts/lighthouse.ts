/**
 * `npm run lighthouse`: Lighthouse (mobile: Moto G Power emulation, simulated slow 4G) on the page types of
 * scripts/perf/page-types.ts marked `lighthouse`, against `next start` on the existing build, with /usr/bin/chromium.
 *
 *   npm run lighthouse -- [--db data/kiosque.db] [--url http://localhost:3000] [--json out.json]
 *
 * Prints the four scores per page and the metrics that explain the performance score.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ContentDb, pageTypes } from './perf/page-types';
import { startApp, stop, type App } from './perf/server';

const { values: opt } = parseArgs({
  options: {
    db: { type: 'string', default: process.env.DATABASE_PATH || 'data/kiosque.db' },
    url: { type: 'string' },
    json: { type: 'string' },
  },
});

// ---------------------------------------------------------------- main
async function main() {
  const dbFile = resolve(opt.db);
  const content = new ContentDb(dbFile);
  let app: App | undefined;
  const base = opt.url ?? (app = await startApp(dbFile)).base;
  const chrome = await chromeLauncher.launch({
    chromePath: '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });

  const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
  const results: Record<string, unknown>[] = [];
  try {
    console.log('| Page | Performance | Accessibility | Best practices | SEO | LCP | TBT | CLS | FCP |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const type of pageTypes.filter((t) => t.lighthouse)) {
      const probe = type.hot(content);
      if (!probe) continue;
      const url = base + probe.path;
      await fetch(url).then((r) => r.arrayBuffer()); // warm the server cache first
      const run = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...categories] });
      if (!run) throw new Error(`no Lighthouse result for ${url}`);
      const lhr = run.lhr;
      const score = (c: string) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
      const audit = (id: string) => lhr.audits[id]?.displayValue ?? '–';
      console.log(`| ${type.label} (\`${probe.path}\`) | ${categories.map(score).join(' | ')} | ${audit('largest-contentful-paint')} | ${audit('total-blocking-time')} | ${audit('cumulative-layout-shift')} | ${audit('first-contentful-paint')} |`);
      const failing = Object.values(lhr.audits)
        .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'notApplicable' && a.scoreDisplayMode !== 'manual')
        .map((a) => `${a.id} (${a.displayValue ?? a.score})`);
      if (failing.length) console.error(`  ${type.label}: audits below 0.9: ${failing.join(', ')}`);
      results.push({ page: type.key, url: probe.path, scores: Object.fromEntries(categories.map((c) => [c, score(c)])), failing, lcpElement: lhr.audits['largest-contentful-paint-element']?.details });
    }
  } finally {
    await chrome.kill();
    if (app) await stop(app.child);
    content.close();
  }
  if (opt.json) writeFileSync(opt.json, JSON.stringify(results, null, 2));
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
