/**
 * `npm run bench`: measures the production build on this machine and writes a Markdown report.
 *
 *   npm run bench -- [--db data/kiosque.db] [--duration 10] [--connections 32]
 *                    [--scale data/k1.db,data/large.db] [--build] [--no-write]
 *   npm run bench -- --model [--db data/large.db] [--step-seconds 60] [--start-rate 25] [--factor 1.5]
 *                    [--max-minutes 40] [--cold-share 0.2] [--publish-every 60] [--app-port N] [--nginx-port N]
 *                    (npm run bench:model: the capacity model of a news day, scripts/perf/model.ts)
 *
 * 1. Starts `next start` on a free port with DATABASE_PATH=--db (on the existing .next build; --build builds it
 *    against that database first and times the build), warms it, then measures each page type of
 *    scripts/perf/page-types.ts with wrk when installed (else autocannon) at --connections: requests/s, p50/p99 latency, bytes, errors.
 * 2. Saves the article's HTML and serves it as a static file (a tiny in-memory node server, and nginx when it is
 *    installed): the ceiling, and the ratio to it.
 * 3. When nginx is installed: the same pages through deploy/nginx.conf (a cache in front of the app).
 * 4. Cache misses: time to render pages that are not cached (old articles, deep section pages, revalidated
 *    pages, search) on each database of --scale (each built with --build when given), and the growth ratio.
 * Writes the tables to stdout and, unless --no-write, between the bench markers of BENCHMARKS.md.
 */
import autocannon from 'autocannon';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createServer as createHttpServer } from 'node:http';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ContentDb, pageTypes, type Probe } from './perf/page-types';
import { median, p90 } from './perf/paired';
import { request, revalidatePaths, startApp, stop, type App } from './perf/server';
import { wrkLoad, wrkVersion, type Load } from './perf/wrk';
import { nginxBin, startNginx as startNginxIn } from './perf/nginx';

const { values: opt } = parseArgs({
  options: {
    db: { type: 'string', default: process.env.DATABASE_PATH || 'data/kiosque.db' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '32' },
    scale: { type: 'string' },
    build: { type: 'boolean', default: false },
    misses: { type: 'string', default: '30' },
    'no-write': { type: 'boolean', default: false },
    'no-nginx': { type: 'boolean', default: false },
    'only-scale': { type: 'boolean', default: false },
    // The capacity model (scripts/perf/model.ts).
    model: { type: 'boolean', default: false },
    'step-seconds': { type: 'string', default: '60' },
    'start-rate': { type: 'string', default: '25' },
    factor: { type: 'string', default: '1.5' },
    'max-minutes': { type: 'string', default: '40' },
    'cold-share': { type: 'string', default: '0.2' },
    'publish-every': { type: 'string', default: '60' },
    'app-port': { type: 'string' },
    'nginx-port': { type: 'string' },
  },
});
const DURATION = Number(opt.duration);
const CONNECTIONS = Number(opt.connections);
const MISSES = Number(opt.misses);
const work = mkdtempSync(join(tmpdir(), 'kiosque-bench-'));
const log = (...a: unknown[]) => console.error('·', ...a);

function build(db: string): number {
  log(`next build against ${db}…`);
  const migrate = spawnSync('node_modules/.bin/tsx', ['scripts/db.ts', 'migrate'], { env: { ...process.env, DATABASE_PATH: db }, stdio: 'inherit' });
  if (migrate.status !== 0) throw new Error('migration failed');
  const t = performance.now();
  const r = spawnSync('node_modules/.bin/next', ['build'], { env: { ...process.env, DATABASE_PATH: db, NEXT_TELEMETRY_DISABLED: '1' }, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error('next build failed');
  return (performance.now() - t) / 1000;
}

const loadGenerator = wrkVersion ? `wrk ${wrkVersion} (2 threads)` : 'autocannon (in the bench process)';
async function load(url: string, p: Probe | undefined, duration = DURATION): Promise<Load> {
  if (wrkVersion) return wrkLoad(url, { method: p?.method, body: p?.body, headers: p?.headers, readers: p?.readers }, CONNECTIONS, duration);
  const r = await autocannon({
    url,
    method: p?.method ?? 'GET',
    body: p?.body,
    headers: p?.headers,
    connections: CONNECTIONS,
    duration,
  });
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    bytes: r.requests.total ? r.throughput.total / r.requests.total : 0,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    requests: r.requests.total,
  };
}

const f0 = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en') : '–');
const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');

// ---------------------------------------------------------------- static ceiling and nginx
function staticNode(html: string): Promise<{ url: string; close: () => void }> {
  const body = Buffer.from(html);
  const srv = createHttpServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length });
    res.end(body);
  });
  return new Promise((ok) => srv.listen(0, '127.0.0.1', () => ok({ url: `http://127.0.0.1:${(srv.address() as AddressInfo).port}/`, close: () => srv.close() })));
}

const startNginx = (appPort: number, html: string) => startNginxIn({ work, appPort, staticHtml: html });

// ---------------------------------------------------------------- cache misses
interface MissResult { key: string; label: string; n: number; median: number; p90: number; note: string }
async function measureMisses(app: App, db: ContentDb): Promise<MissResult[]> {
  const out: MissResult[] = [];
  for (const type of pageTypes) {
    const hot = type.hot(db);
    if (!hot || hot.method !== 'GET') continue;
    const probe = await request(app.base, hot);
    if (probe.status === 404) {
      out.push({ key: type.key, label: type.label, n: 0, median: NaN, p90: NaN, note: 'route not present in this build' });
      continue;
    }
    const misses = type.misses(db, MISSES);
    const times: number[] = [];
    const states = new Set<string>();
    if (misses === 'revalidate') {
      for (let i = 0; i < Math.min(MISSES, 15); i++) {
        await revalidatePaths(app, [hot.path]);
        const r = await request(app.base, hot);
        states.add(r.cache || 'none');
        times.push(r.ms);
      }
    } else {
      for (const p of misses) {
        const r = await request(app.base, p);
        if (r.status !== 200) throw new Error(`${p.path}: HTTP ${r.status} (a page not prerendered should render on demand)`);
        states.add(r.cache || 'none');
        times.push(r.ms);
      }
    }
    out.push({
      key: type.key,
      label: type.label,
      n: times.length,
      median: median(times),
      p90: p90(times),
      note: `${misses === 'revalidate' ? 'revalidatePath, then GET' : 'URLs not cached yet'} (x-nextjs-cache: ${[...states].join('/')})`,
    });
  }
  return out;
}

// ---------------------------------------------------------------- main
async function main() {
  if (opt.model) {
    const { runModel } = await import('./perf/model');
    const number = (name: string, value: string | undefined, min: number, max: number) => {
      const n = Number(value);
      if (!Number.isFinite(n) || n < min || n > max) throw new Error(`--${name} must be a number from ${min} to ${max}`);
      return n;
    };
    await runModel({
      db: resolve(opt.db),
      work,
      stepSeconds: number('step-seconds', opt['step-seconds'], 5, 3600),
      startRate: number('start-rate', opt['start-rate'], 1, 100_000),
      factor: number('factor', opt.factor, 1.05, 10),
      maxMinutes: number('max-minutes', opt['max-minutes'], 1, 24 * 60),
      coldShare: number('cold-share', opt['cold-share'], 0, 1),
      publishEvery: number('publish-every', opt['publish-every'], 5, 3600),
      appPort: opt['app-port'] ? number('app-port', opt['app-port'], 1, 65535) : undefined,
      nginxPort: opt['nginx-port'] ? number('nginx-port', opt['nginx-port'], 1, 65535) : undefined,
      write: !opt['no-write'],
    });
    process.exit(0);
  }
  const blocks: Record<'throughput' | 'scale', string[]> = { throughput: [], scale: [] };
  let md = blocks.throughput;
  const out = (line = '') => {
    md.push(line);
    console.log(line);
  };
  const cpuModel = cpus()[0]?.model ?? 'unknown CPU';
  const machine = () => `Run ${new Date().toISOString()} on ${cpus().length} cores (${cpuModel}), ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, load average at start ${loadavg().map((l) => l.toFixed(1)).join(' / ')}; ${loadGenerator}, ${CONNECTIONS} connections × ${DURATION} s per row, load generator on the same machine.`;

  const mainDb = resolve(opt.db);
  if (opt.build && !opt['only-scale']) {
    const s = build(mainDb);
    out(`Build against ${opt.db}: ${f1(s)} s.`);
    out();
  }
  if (!opt['only-scale']) {
    out(machine());
    out();
    const db = new ContentDb(mainDb);
    const app = await startApp(mainDb);
    log(`app on ${app.base} with ${db.articleCount()} article versions (${opt.db})`);
    const probes = pageTypes.map((t) => ({ type: t, probe: t.hot(db) }));
    const rows: string[] = [];
    const notes: string[] = [];
    const present: { key: string; probe: Probe; label: string }[] = [];
    for (const { type, probe } of probes) {
      if (!probe) {
        notes.push(`${type.label}: no content to measure in this database.`);
        continue;
      }
      const first = await request(app.base, probe);
      if (first.status === 404 || first.status === 405) {
        notes.push(`${type.label}: skipped, \`${probe.method} ${probe.path.split('?')[0]}\` answers ${first.status} (route not in this build).`);
        continue;
      }
      if (first.status >= 400) notes.push(`${type.label}: \`${probe.method} ${probe.path}\` answers ${first.status}; measured anyway (adjust the probe in scripts/perf/page-types.ts).`);
      present.push({ key: type.key, probe, label: type.label });
    }
    log('warming…');
    for (const p of present) await load(app.base + p.probe.path, p.probe, 2);

    const origin = new Map<string, Load>();
    for (const p of present) {
      log(`origin: ${p.label}`);
      const r = await load(app.base + p.probe.path, p.probe);
      origin.set(p.key, r);
      rows.push(`| ${p.label} | origin (next start) | ${f0(r.rps)} | ${f0(r.p50)} | ${f0(r.p99)} | ${f0(r.bytes)} | ${r.errors} / ${r.non2xx} |`);
    }

    const article = present.find((p) => p.key === 'article');
    const html = article ? (await request(app.base, article.probe)).body : '';
    let staticNodeRps = NaN;
    if (html) {
      const s = await staticNode(html);
      log('static (node)');
      const r = await load(s.url, undefined);
      s.close();
      staticNodeRps = r.rps;
      rows.push(`| Article HTML as a static file | tiny node server (in memory) | ${f0(r.rps)} | ${f0(r.p50)} | ${f0(r.p99)} | ${f0(r.bytes)} | ${r.errors} / ${r.non2xx} |`);
    }
    let nginxRatio = '';
    let staticNginxRps = NaN;
    if (nginxBin && !opt['no-nginx'] && html) {
      const ng = await startNginx(app.port, html);
      log(`nginx (brotli module: ${ng.brotli ? 'yes' : 'no'})`);
      const st = await load(ng.staticUrl, undefined);
      staticNginxRps = st.rps;
      rows.push(`| Article HTML as a static file | nginx (sendfile) | ${f0(st.rps)} | ${f0(st.p50)} | ${f0(st.p99)} | ${f0(st.bytes)} | ${st.errors} / ${st.non2xx} |`);
      for (const p of present) {
        if (p.probe.method !== 'GET') continue;
        await request(ng.proxy, p.probe); // fill the cache
        const hit = await request(ng.proxy, p.probe);
        log(`nginx cache: ${p.label} (${hit.cache})`);
        const r = await load(ng.proxy + p.probe.path, p.probe);
        rows.push(`| ${p.label} | nginx cache (deploy/nginx.conf), X-Cache-Status ${hit.cache} | ${f0(r.rps)} | ${f0(r.p50)} | ${f0(r.p99)} | ${f0(r.bytes)} | ${r.errors} / ${r.non2xx} |`);
        if (p.key === 'article') nginxRatio = `Edge: the article through the nginx cache reaches **${f0((100 * r.rps) / st.rps)} %** of nginx serving the same HTML as a static file (target ≥ 50 %).`;
      }
      await stop(ng.child);
    } else if (!nginxBin) {
      notes.push('nginx is not installed: edge rows skipped (`apt-get install nginx` to measure them).');
    }

    // Search abuse: the article measured again while 16 connections send unique searches (never cacheable), from
    // one client, then from rotating addresses (X-Forwarded-For through the trusted loopback), so that the per-client
    // limit, then the server-wide bounds of lib/server/search-guard.ts, are what hold.
    const floodRows: string[] = [];
    const articleAlone = origin.get('article');
    if (article && articleAlone) {
      for (const rotate of [false, true]) {
        let n = 0;
        log(`article during a unique-query search flood (${rotate ? 'rotating addresses' : 'one client'})`);
        const flood = autocannon({
          url: app.base,
          connections: 16,
          duration: DURATION,
          requests: [
            {
              setupRequest: (req) => {
                n += 1;
                const headers = { ...(req.headers ?? {}), ...(rotate ? { 'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` } : {}) };
                return { ...req, method: 'GET', path: `/fr/recherche?q=${encodeURIComponent(`cameroun mot${n} ${n % 97}`)}`, headers };
              },
            },
          ],
        });
        const [f, r] = await Promise.all([flood, load(app.base + article.probe.path, article.probe)]);
        const refused = f.non2xx;
        const ratio = (100 * r.rps) / articleAlone.rps;
        floodRows.push(
          `| ${rotate ? 'rotating addresses' : 'one client'} | ${f0(f.requests.average)} (${f0(f.requests.total - refused)} answered, ${f0(refused)} refused) | ${f0(r.rps)} | ${f0(r.p99)} | **${f0(ratio)} %** ${ratio >= 70 ? '(met)' : '(not met)'} |`,
        );
      }
    }

    out('### Throughput (hot cache)');
    out();
    out('| Page | Served by | Requests/s | p50 ms | p99 ms | Bytes/response | Errors / non-2xx |');
    out('| --- | --- | ---: | ---: | ---: | ---: | ---: |');
    for (const r of rows) out(r);
    out();
    const a = origin.get('article');
    if (a) {
      out(`Origin: the article from cache (the page cache in front of Next's) serves **${f0(a.rps)} requests/s** with p99 **${f0(a.p99)} ms** (target, issue 14: ≥ 2,000 requests/s, p99 ≤ 50 ms): ${a.rps >= 2000 && a.p99 <= 50 ? 'met' : 'not met'}.`);
      const ratios = [
        Number.isFinite(staticNginxRps) ? `**${f0((100 * a.rps) / staticNginxRps)} %** of nginx serving the same HTML as a static file` : '',
        Number.isFinite(staticNodeRps) ? `${f0((100 * a.rps) / staticNodeRps)} % of a bare node server sending it from memory` : '',
      ].filter(Boolean);
      if (ratios.length) out(`Ratio, same run: ${ratios.join('; ')}.`);
    }
    if (nginxRatio) out(nginxRatio);
    if (floodRows.length) {
      out();
      out(`### Article throughput during a unique-query search flood (16 connections; alone: ${f0(articleAlone!.rps)} requests/s; target ≥ 70 %)`);
      out();
      out('| Flood from | Searches/s sent | Article requests/s | Article p99 ms | Share kept |');
      out('| --- | ---: | ---: | ---: | ---: |');
      for (const r of floodRows) out(r);
    }
    for (const n of notes) out(`- ${n}`);
    out();
    await stop(app.child);
    db.close();
  }

  // ---------------------------------------------------------------- scale: cache misses at each size
  const scaleDbs = (opt.scale ?? '').split(',').filter(Boolean).map((p) => resolve(p));
  if (scaleDbs.length) {
    md = blocks.scale;
    out(`${machine()} Cache misses: one request at a time, ${MISSES} URLs per page type (15 revalidations for prerendered ones).`);
    out();
    const results: { db: string; articles: number; build?: number; misses: MissResult[] }[] = [];
    for (const file of scaleDbs) {
      const buildSeconds = opt.build ? build(file) : undefined;
      // Pages rendered at run time (by an earlier run on another database) would answer STALE instead of a miss.
      rmSync('.next/server/route-cache', { recursive: true, force: true });
      const db = new ContentDb(file);
      const app = await startApp(file);
      log(`cache misses on ${file}`);
      const misses = await measureMisses(app, db);
      results.push({ db: file, articles: db.articleCount(), build: buildSeconds, misses });
      await stop(app.child);
      db.close();
    }
    out('### Cache-miss render time (ms, one request at a time)');
    out();
    const head = results.map((r) => `${f0(r.articles)} articles: median / p90`).join(' | ');
    out(`| Page type | ${head} | Growth (median) | How |`);
    out(`| --- | ${results.map(() => '---:').join(' | ')} | ---: | --- |`);
    for (const type of pageTypes) {
      const cells = results.map((r) => r.misses.find((m) => m.key === type.key));
      if (cells.every((c) => !c)) continue;
      const first = cells[0];
      const last = cells[cells.length - 1];
      const growth = first && last && first.n && last.n ? `${(last.median / first.median).toFixed(2)}×` : '–';
      const how = cells.find((c) => c?.n)?.note ?? cells[0]?.note ?? '';
      out(`| ${type.label} | ${cells.map((c) => (c?.n ? `${f1(c.median)} / ${f1(c.p90)}` : '–')).join(' | ')} | ${growth} | ${how} |`);
    }
    if (results.some((r) => r.build !== undefined)) out(`\nBuild time: ${results.map((r) => `${f0(r.articles)} articles ${f1(r.build!)} s`).join(', ')}.`);
    out();
  }

  if (!opt['no-write']) {
    const file = 'BENCHMARKS.md';
    let text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
    for (const [name, lines] of Object.entries(blocks)) {
      if (!lines.length) continue;
      const start = `<!-- bench:${name}:start -->`;
      const end = `<!-- bench:${name}:end -->`;
      const block = `${start}\n${lines.join('\n')}\n${end}`;
      const i = text.indexOf(start);
      const j = text.indexOf(end);
      text = i >= 0 && j > i ? text.slice(0, i) + block + text.slice(j + end.length) : `${text}\n${block}\n`;
    }
    writeFileSync(file, text);
    log(`written to ${file}`);
  }
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
