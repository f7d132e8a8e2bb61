/**
 * Soak test (not run in CI): keeps 64 connections busy on a mix of reader pages and view beacons for N minutes
 * against a portal on localhost, then reports errors, latency and the server's memory (RSS) over time.
 *
 *   npm run soak -- [--minutes 10] [--url http://localhost:3000] [--connections 64] [--pid <server pid>]
 *
 * The server's pid is found from its listening port when not given (/proc/net/tcp → socket inode → /proc/<pid>/fd).
 * Errors are network failures, timeouts and 5xx answers; a 404 from /api/views is counted apart (the beacon
 * route may not exist in this build). Paths come from DATABASE_PATH (default data/kiosque.db).
 */
import Database from 'better-sqlite3';
import http from 'node:http';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { READER_UA } from './perf/page-types';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    url: { type: 'string', default: 'http://localhost:3000' },
    connections: { type: 'string', default: '64' },
    pid: { type: 'string' },
  },
});

const minutes = Number(values.minutes);
const connections = Number(values.connections);
const base = new URL(values.url!);
if (!['localhost', '127.0.0.1', '[::1]'].includes(base.hostname)) {
  console.error('soak: refusing to load anything but localhost');
  process.exit(2);
}
if (!(minutes > 0) || !(connections > 0)) {
  console.error('soak: --minutes and --connections must be positive numbers');
  process.exit(2);
}
const port = Number(base.port || 80);

function findServerPid(): number | null {
  const inodes = new Set<string>();
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length < 10 || cols[3] !== '0A') continue; // LISTEN
      if (parseInt(cols[1]!.split(':')[1]!, 16) === port) inodes.add(cols[9]!);
    }
  }
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      for (const fd of readdirSync(`/proc/${pid}/fd`)) {
        const link = readlinkSync(`/proc/${pid}/fd/${fd}`);
        const m = /^socket:\[(\d+)\]$/.exec(link);
        if (m && inodes.has(m[1]!)) return Number(pid);
      }
    } catch {
      // process gone or not ours
    }
  }
  return null;
}

function rssMb(pid: number | null): number | null {
  if (pid === null) return null;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 102.4) / 10 : null;
  } catch {
    return null;
  }
}

function targets(): { pages: string[]; articleIds: number[] } {
  const db = new Database(process.env.DATABASE_PATH || 'data/kiosque.db', { readonly: true, fileMustExist: true });
  const rows = db
    .prepare(
      `select a.id, a.locale, a.slug, c.slug as category from articles a
       join category_translations c on c.category_id = a.category_id and c.locale = a.locale
       where a.status = 'published' and a.published_at <= unixepoch('now') * 1000 order by a.published_at desc limit 200`,
    )
    .all() as { id: number; locale: string; slug: string; category: string }[];
  const sections = db.prepare('select locale, slug from category_translations').all() as { locale: string; slug: string }[];
  db.close();
  const pages = [
    '/fr',
    '/en',
    ...sections.map((s) => `/${s.locale}/${s.slug}`),
    ...sections.map((s) => `/${s.locale}/${s.slug}/page/2`),
    ...rows.map((r) => `/${r.locale}/${r.category}/${r.slug}`),
    '/fr/recherche?q=budget',
    '/en/search?q=football',
    '/fr/actualites',
    '/fr/page-inexistante',
  ];
  return { pages, articleIds: rows.map((r) => r.id) };
}

interface Stats {
  requests: number;
  errors: number;
  byStatus: Map<number, number>;
  errorKinds: Map<string, number>;
  latencies: number[];
}

const agent = new http.Agent({ keepAlive: true, maxSockets: connections });

// A phone browser (READER_UA): requests without a user agent are taken for bots, and a bot's beacon is ignored (204).

/** Readers behind the loopback proxy: one address per beacon, cycling through 40,000 (the rate limiter is per
 * reader and tracks at most 50,000). */
const readerAddress = (n: number) => {
  const k = Math.floor(n) % 40_000;
  return `10.77.${k >> 8}.${k & 255}`;
};

function once(method: string, path: string, body?: string, forwardedFor?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: base.hostname.replace(/^\[|\]$/g, ''),
        port,
        method,
        path,
        timeout: 10_000,
        headers: {
          'user-agent': READER_UA,
          ...(body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : { 'accept-encoding': 'gzip' }),
          ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}

function percentile(sorted: number[], p: number) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0;
}

async function main() {
  const { pages, articleIds } = targets();
  const pid = values.pid ? Number(values.pid) : findServerPid();
  const durationMs = minutes * 60_000;
  const stats: Stats = { requests: 0, errors: 0, byStatus: new Map(), errorKinds: new Map(), latencies: [] };
  const rss: { at: string; mb: number | null }[] = [{ at: 'start', mb: rssMb(pid) }];
  console.log(`soak: ${connections} connections for ${minutes} min on ${base.origin}, ${pages.length} pages + beacons, server pid ${pid ?? 'unknown'}`);
  console.log(`soak: RSS at start ${rss[0]!.mb ?? '?'} MB`);

  const started = Date.now();
  const samples = setInterval(() => {
    const mb = rssMb(pid);
    const elapsed = Math.round((Date.now() - started) / 1000);
    console.log(`soak: t=${elapsed}s requests=${stats.requests} errors=${stats.errors} rss=${mb ?? '?'} MB`);
  }, 30_000);
  const middle = setTimeout(() => rss.push({ at: 'middle', mb: rssMb(pid) }), durationMs / 2);

  let i = 0;
  async function connection() {
    while (Date.now() - started < durationMs) {
      const n = i++;
      // One request in five is a view beacon, the rest are page views.
      const beacon = n % 5 === 4;
      const path = beacon ? '/api/views' : pages[n % pages.length]!;
      const body = beacon ? JSON.stringify({ articleId: articleIds[n % articleIds.length] }) : undefined;
      const t0 = performance.now();
      try {
        const status = await once(beacon ? 'POST' : 'GET', path, body, beacon ? readerAddress(n / 5) : undefined);
        stats.latencies.push(performance.now() - t0);
        stats.byStatus.set(status, (stats.byStatus.get(status) ?? 0) + 1);
        if (status >= 500 || status === 0) stats.errors++;
      } catch (error) {
        stats.errors++;
        const kind = (error as Error).message;
        stats.errorKinds.set(kind, (stats.errorKinds.get(kind) ?? 0) + 1);
      }
      stats.requests++;
    }
  }
  await Promise.all(Array.from({ length: connections }, connection));
  clearInterval(samples);
  clearTimeout(middle);
  // Let the server settle a moment before the last reading.
  await new Promise((r) => setTimeout(r, 2000));
  rss.push({ at: 'end', mb: rssMb(pid) });
  agent.destroy();

  const seconds = (Date.now() - started) / 1000;
  const sorted = stats.latencies.sort((a, b) => a - b);
  const report = {
    minutes,
    connections,
    requests: stats.requests,
    requestsPerSecond: Math.round(stats.requests / seconds),
    errors: stats.errors,
    errorKinds: Object.fromEntries(stats.errorKinds),
    statuses: Object.fromEntries([...stats.byStatus].sort((a, b) => a[0] - b[0])),
    latencyMs: { p50: Math.round(percentile(sorted, 50)), p95: Math.round(percentile(sorted, 95)), p99: Math.round(percentile(sorted, 99)), max: Math.round(sorted.at(-1) ?? 0) },
    rssMb: Object.fromEntries(rss.map((r) => [r.at, r.mb])),
  };
  console.log(JSON.stringify(report, null, 2));
  process.exit(stats.errors === 0 ? 0 : 1);
}

void main();
