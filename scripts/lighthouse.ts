/**
 * `npm run lighthouse`: Lighthouse 12 in its default mobile mode (Moto G Power emulation, simulated slow 4G) on the
 * page types of scripts/perf/page-types.ts marked `lighthouse`, against `next start` on the existing build, with
 * /usr/bin/chromium (CHROME_PATH to change it). Prints the four scores per page, the metrics, the LCP element and
 * the audits that score below 0.9.
 *
 * Beside each page, in the same run, a control (issue 14): the same page's HTML as the app sends it, with every
 * `<script>` removed, served as a static file (gzipped, from memory) by a small server here that forwards every
 * other request (CSS, fonts, images) to the app. The gap between a page and its control is what its scripts cost.
 *
 * Each page is audited --runs times (default 3, pages interleaved so that a slow moment of the machine spreads over
 * all of them); the table shows, per page, the run with the median performance score and the spread (min–max).
 *
 * With --nginx, each page is also audited through the shipped nginx configuration (deploy/nginx.conf, started in
 * front of the app by scripts/perf/nginx.ts): what readers get in production.
 *
 *   npm run lighthouse -- [--db data/kiosque.db] [--url http://localhost:3000] [--runs 3] [--nginx]
 */
import { execFile } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { ContentDb, pageTypes } from './perf/page-types';
import { startApp, stop, type App } from './perf/server';
import { startNginx, type Nginx } from './perf/nginx';

const { values: opt } = parseArgs({
  options: {
    db: { type: 'string', default: process.env.DATABASE_PATH || 'data/kiosque.db' },
    url: { type: 'string' },
    runs: { type: 'string', default: '3' },
    nginx: { type: 'boolean', default: false },
  },
});

interface Result {
  url: string;
  scores: Record<string, number>;
  metrics: Record<string, string>;
  lcpElement: string | null;
  failing: string[];
}

/** Serves `pages` (path → HTML) as static files and forwards anything else to `upstream`. */
async function startControl(upstream: string, pages: Map<string, string>): Promise<{ base: string; server: http.Server }> {
  const bodies = new Map([...pages].map(([path, html]) => [path, gzipSync(html)]));
  const server = http.createServer((req, res) => {
    const body = bodies.get(req.url ?? '');
    if (body) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip', 'content-length': body.length, 'cache-control': 'no-cache' });
      return void res.end(body);
    }
    const forward = http.request(new URL(req.url ?? '/', upstream), { method: req.method, headers: { ...req.headers, host: new URL(upstream).host } }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    forward.on('error', () => res.writeHead(502).end());
    req.pipe(forward);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

const stripScripts = (html: string) => html.replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, '').replace(/<link\b[^>]*\bas="script"[^>]*>/gi, '');

async function main() {
  const dbFile = resolve(opt.db);
  const content = new ContentDb(dbFile);
  let app: App | undefined;
  let control: { base: string; server: http.Server } | undefined;
  let nginx: Nginx | undefined;
  try {
    const base = opt.url ?? (app = await startApp(dbFile)).base;
    if (opt.nginx) {
      if (!app) throw new Error('--nginx starts nginx in front of its own app: leave out --url');
      nginx = await startNginx({ work: mkdtempSync(join(tmpdir(), 'kiosque-lighthouse-')), appPort: app.port });
    }
    const pages = pageTypes.filter((t) => t.lighthouse).flatMap((t) => {
      const probe = t.hot(content);
      return probe ? [{ label: t.label, url: base + probe.path }] : [];
    });
    const controlPages = new Map<string, string>();
    for (const p of pages) {
      await fetch(p.url).then((r) => r.arrayBuffer()); // warm the server cache
      const url = new URL(p.url);
      controlPages.set(url.pathname + url.search, stripScripts(await (await fetch(p.url)).text()));
    }
    control = await startControl(base, controlPages);
    const controlBase = control.base;
    const at = (origin: string, url: string) => origin + new URL(url).pathname + new URL(url).search;
    const throughNginx = nginx ? pages.map((p) => ({ label: `${p.label} — through nginx`, url: at(nginx!.proxy, p.url) })) : [];
    for (const p of throughNginx) await fetch(p.url).then((r) => r.arrayBuffer()); // fill nginx's cache
    pages.push(...pages.map((p) => ({ label: `${p.label} — control (no script, static)`, url: at(controlBase, p.url) })), ...throughNginx);
    const runs = Math.max(1, Number(opt.runs) || 1);
    const urls = Array.from({ length: runs }, () => pages.map((p) => p.url)).flat();
    // Asynchronous on purpose: the control server lives in this process and must keep answering meanwhile.
    const child = promisify(execFile)(process.execPath, ['scripts/perf/lighthouse-run.mjs', ...urls], { encoding: 'utf8', maxBuffer: 1 << 26 });
    child.child.stderr?.pipe(process.stderr);
    const run = await child;
    const all = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as Result);
    // Per page: the run with the median performance score, and the spread of that score over the runs.
    const results = pages.map((p) => {
      const own = all.filter((r) => r.url === p.url).sort((a, b) => a.scores.performance! - b.scores.performance!);
      const median = own[Math.floor((own.length - 1) / 2)]!;
      return { ...median, spread: `${own[0]!.scores.performance}–${own.at(-1)!.scores.performance}` };
    });
    console.log(`Median of ${runs} run(s) per page; spread = lowest–highest performance score.\n`);
    console.log('| Page | Performance (spread) | Accessibility | Best practices | SEO | LCP | TBT | CLS | FCP |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    results.forEach((r, i) => {
      const s = r.scores;
      console.log(`| ${pages[i]!.label} (\`${new URL(r.url).pathname}\`) | ${s.performance} (${r.spread}) | ${s.accessibility} | ${s['best-practices']} | ${s.seo} | ${r.metrics.lcp} | ${r.metrics.tbt} | ${r.metrics.cls} | ${r.metrics.fcp} |`);
    });
    for (const [i, r] of results.entries()) {
      console.log(`\n${pages[i]!.label}: LCP element ${r.lcpElement ?? '–'}`);
      if (r.failing.length) console.log(`  audits below 0.9: ${r.failing.join(', ')}`);
    }
  } finally {
    control?.server.close();
    if (nginx) await stop(nginx.child);
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
