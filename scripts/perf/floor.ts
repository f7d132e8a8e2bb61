/**
 * `npm run bench:floor [-- --db data/large.db] [--n 150]`: what an article's cache miss costs against the
 * framework's own floor on this machine, paired (./paired.ts).
 *
 * Two minimal Next.js apps are written to a temporary directory and built with this checkout's `next`: one page,
 * `<main><h1>{slug}</h1><p>…</p></main>` under a bare root layout, on demand for any slug —
 *  - `isr`: the App Router's incremental static regeneration, as Kiosque's reader pages use it
 *    (`revalidate`, `generateStaticParams`);
 *  - `cache-components`: the same page with Next's Cache Components (`cacheComponents: true`, `'use cache'`),
 *    the caching model suggested as a way to render less on a miss.
 * They run beside Kiosque's own build (`npm run build` first) on the given database; each round asks each server
 * for a page not cached yet, one request at a time, in rotating order. The difference to the bare ISR page is
 * what Kiosque's article adds to what any page costs. It removes its temporary apps when it ends. One process per
 * server: two processes of one build differ by up to ~3 ms (./compare.ts restarts them in rounds for that), small
 * beside the differences this measures.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, parse, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ContentDb, pageTypes, type Probe } from './page-types';
import { median, p90, pairedSummary } from './paired';
import { startApp, stop, timedMiss } from './server';

const { values: opt } = parseArgs({
  options: {
    db: { type: 'string', default: 'data/large.db' },
    n: { type: 'string', default: '150' },
  },
});

const ROOT = resolve('.');
/** Outside the checkout: inside it, Turbopack would also compile Kiosque's instrumentation.ts into the bare app. */
let floorDir = '';

interface Variant { key: string; label: string; config: string; page: string }

const layout = `export default function RootLayout({ children }) {
  return <html lang="fr"><body>{children}</body></html>;
}
`;

const variants: Variant[] = [
  {
    key: 'isr',
    label: 'Bare Next.js page, ISR (as reader pages)',
    config: '{}',
    page: `export const revalidate = 3600;
export function generateStaticParams() { return [{ slug: 'prerendered' }]; }
export default async function Page({ params }) {
  const { slug } = await params;
  return <main><h1>{slug}</h1><p>Une page sans rien d’autre.</p></main>;
}
`,
  },
  {
    key: 'cache-components',
    label: 'Bare Next.js page, Cache Components',
    config: '{ cacheComponents: true }',
    page: `import { cacheLife } from 'next/cache';
export function generateStaticParams() { return [{ slug: 'prerendered' }]; }
async function Body({ slug }) {
  'use cache';
  cacheLife('hours');
  return <main><h1>{slug}</h1><p>Une page sans rien d’autre.</p></main>;
}
export default async function Page({ params }) {
  const { slug } = await params;
  return <Body slug={slug} />;
}
`,
  },
];

/**
 * Writes and builds one bare app. Its node_modules is a link to this checkout's, so Turbopack's root must hold
 * both (the file system's root: they may be on different mounts).
 */
function buildVariant(v: Variant): string {
  const dir = join(floorDir, v.key);
  mkdirSync(join(dir, 'app/[slug]'), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  writeFileSync(join(dir, 'package.json'), '{ "private": true }\n');
  const turbopackRoot = parse(realpathSync(ROOT)).root;
  writeFileSync(
    join(dir, 'next.config.mjs'),
    `export default { poweredByHeader: false, turbopack: { root: ${JSON.stringify(turbopackRoot)} }, ...${v.config} };\n`,
  );
  writeFileSync(join(dir, 'app/layout.jsx'), layout);
  writeFileSync(join(dir, 'app/[slug]/page.jsx'), v.page);
  console.error(`building ${v.key} in ${dir}`);
  execFileSync(join(ROOT, 'node_modules/.bin/next'), ['build'], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  return dir;
}

async function main() {
  const n = Number(opt.n);
  if (!Number.isInteger(n) || n < 10) throw new Error('--n: at least 10 rounds');
  const db = resolve(opt.db);
  if (!existsSync(db)) throw new Error(`no database at ${db}: \`npm run db:generate -- --articles 100000 --out ${opt.db}\` makes one (or pass --db)`);
  const content = new ContentDb(db);
  const articles = pageTypes.find((t) => t.key === 'article')!.misses(content, n + 10);
  if (articles === 'revalidate' || articles.length < n + 10) throw new Error(`${db} has fewer than ${n + 10} articles outside the prerendered set`);
  floorDir = mkdtempSync(join(tmpdir(), 'kiosque-floor-'));
  process.on('exit', () => rmSync(floorDir, { recursive: true, force: true }));
  const dirs = variants.map(buildVariant);
  rmSync(join(ROOT, '.next/server/route-cache'), { recursive: true, force: true });
  const bare = [];
  // `next start` as for Kiosque (its environment is ignored by the bare apps; their `/fr`, its readiness check, is
  // one more slug, never one of the timed ones).
  for (const dir of dirs) bare.push(await startApp(db, { cwd: dir }));
  const kiosque = await startApp(db);
  const servers = [...bare.map((b, i) => ({ label: variants[i]!.label, base: b.base })), { label: 'Kiosque article', base: kiosque.base }];
  const times: number[][] = servers.map(() => []);
  const run = Date.now().toString(36);
  try {
    for (let i = 0; i < n + 10; i++) {
      // Rotate who goes first, so that no server always follows the same one.
      for (let k = 0; k < servers.length; k++) {
        const s = (i + k) % servers.length;
        const probe: Probe = s < bare.length ? { method: 'GET', path: `/${run}-${i}` } : articles[i]!;
        const ms = await timedMiss(servers[s]!.base, probe, { cacheHeader: 'required' });
        // The first rounds warm each server's code paths up; they are not counted.
        if (i >= 10) times[s]!.push(ms);
      }
    }
    const floor = times[0]!;
    const f = (x: number) => x.toFixed(1);
    console.log(`Cache misses against the framework's floor on ${db} (${content.articleCount().toLocaleString('en')} articles), Node ${process.version}; ms, one request at a time, ${n} URLs each, after 10 not counted.\n`);
    console.log('| What renders on the miss | median | p90 | minus the bare ISR page (median of pairs) | 95 % interval |');
    console.log('| --- | ---: | ---: | ---: | --- |');
    for (const [s, server] of servers.entries()) {
      const own = `| ${server.label} | ${f(median(times[s]!))} | ${f(p90(times[s]!))} |`;
      if (s === 0) console.log(`${own} — | — |`);
      else {
        const d = pairedSummary(floor, times[s]!);
        console.log(`${own} ${f(d.diffMedian)} | ${f(d.diffLow)} to ${f(d.diffHigh)} |`);
      }
    }
  } finally {
    for (const b of bare) await stop(b.child);
    await stop(kiosque.child);
    content.close();
  }
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
