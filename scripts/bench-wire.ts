/**
 * Wire ingestion benchmark: a 1,000-item feed (RSS 2.0 and ninjs 2.x, each item a ~2 KB HTML story) parsed,
 * converted to Markdown and stored in a fresh SQLite file, then the same document again (all repeats), then a
 * document where every item has a newer version. Prints time per run and the process's peak resident memory.
 * Then reader latency during a first ingest (scripts/bench-wire-latency.ts): in this process (worker vs. main
 * thread) and, when a production build exists, against `next start` on a copy of DATABASE_PATH.
 *   npm run bench:wire [-- --items 1000] [--skip-latency | --latency-only]
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { openDatabase, type Db } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { authors, authorTranslations, categories, categoryTranslations } from '../db/schema';
import { createFeed } from '../db/wire';
import { ingestDocument } from '../lib/wire/ingest';
import { ninjsDocument, rssDocument } from './bench-wire-docs';
import { inProcessLatency, serverLatency, type Latency } from './bench-wire-latency';

const { values } = parseArgs({ options: { items: { type: 'string', default: '1000' }, 'skip-latency': { type: 'boolean', default: false }, 'latency-only': { type: 'boolean', default: false } } });
const N = Number(values.items);
const rss = (version: number) => rssDocument(N, version);
const ninjs = (version: number) => ninjsDocument(N, version);

function setup(): { db: Db; dir: string; agencyId: number } {
  const dir = mkdtempSync(join(tmpdir(), 'kiosque-bench-wire-'));
  const db = openDatabase(join(dir, 'bench.db'));
  migrateDatabase(db);
  (globalThis as unknown as { kiosqueDb?: Db }).kiosqueDb = db;
  const { id: agencyId } = db.insert(authors).values({ key: 'bench-agency', kind: 'agency' }).returning({ id: authors.id }).get();
  for (const locale of ['fr', 'en']) db.insert(authorTranslations).values({ authorId: agencyId, locale, name: 'Bench Agency', slug: 'bench-agency' }).run();
  const { id: cat } = db.insert(categories).values({ key: 'bench' }).returning({ id: categories.id }).get();
  for (const locale of ['fr', 'en']) db.insert(categoryTranslations).values({ categoryId: cat, locale, name: 'Bench', slug: 'bench' }).run();
  return { db, dir, agencyId };
}

async function main() {
let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
const mb = (b: number) => (b / 1024 / 1024).toFixed(0);

const rows: string[] = [];
for (const format of values['latency-only'] ? [] : (['rss', 'ninjs'] as const)) {
  const { db, dir, agencyId } = setup();
  const feed = createFeed(null, { name: `bench-${format}`, agencyId, url: '', format, pollIntervalSeconds: 300, language: 'en', defaultCategoryId: null, autoPublishCategoryId: null, autoPublishGenre: null, enabled: true });
  const make = format === 'rss' ? rss : ninjs;
  for (const [label, doc] of [
    ['first ingest', make(1)],
    ['same document again', make(1)],
    ['every item a new version', make(2)],
  ] as const) {
    const t = performance.now();
    const r = await ingestDocument({ ...feed, format }, doc);
    const ms = performance.now() - t;
    peak = Math.max(peak, process.memoryUsage().rss);
    rows.push(`| ${format} | ${label} | ${(doc.length / 1024 / 1024).toFixed(1)} MB | ${r.created}/${r.updated}/${r.ignored} | ${ms.toFixed(0)} ms | ${mb(peak)} MB |`);
  }
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
}
clearInterval(sampler);
if (rows.length) {
  console.log(`Wire ingestion, ${N} items per document (Node ${process.version}, ${process.platform}/${process.arch})\n`);
  console.log('| format | run | document | created/updated/ignored | time | peak RSS so far |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const r of rows) console.log(r);
  console.log(`\nmax RSS (getrusage): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB; load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
}
if (values['skip-latency']) return;

const ms = (n: number) => `${n.toFixed(0)} ms`;
const line = (what: string, l: Latency, work?: number) => `| ${what} | ${ms(l.p50)} | ${ms(l.p99)} | ${ms(l.max)} | ${l.requests} | ${work === undefined ? '—' : `${(work / 1000).toFixed(1)} s`} |`;
console.log(`\nReader latency during a ${N}-item first ingest (4 connections; load average before: ${loadavg().map((l) => l.toFixed(1)).join(' ')})\n`);
console.log('| measured | p50 | p99 | max | requests | ingest time |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
{
  const { db, dir, agencyId } = setup();
  const feed = createFeed(null, { name: 'bench-latency', agencyId, url: '', format: 'ninjs', pollIntervalSeconds: 300, language: 'en', defaultCategoryId: null, autoPublishCategoryId: null, autoPublishGenre: null, enabled: true });
  const r = await inProcessLatency(db, feed, () => [ninjsDocument(N, 1, 'worker'), ninjsDocument(N, 1, 'main')]);
  console.log(line('in-process, idle', r.idle));
  console.log(line('in-process, ingest in the worker', r.worker.latency, r.worker.workMs));
  console.log(line('in-process, ingest on the main thread (before)', r.mainThread.latency, r.mainThread.workMs));
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
}
if (!existsSync('.next/BUILD_ID')) {
  console.log('\n(no production build: `npm run build` first to measure the server)');
  return;
}
const server = await serverLatency(process.env.DATABASE_PATH ?? 'data/kiosque.db', ninjsDocument(N, 1, `push-${Date.now()}`));
console.log(line(`next start, ${server.article}, idle`, server.idle));
console.log(line(`next start, same page during POST /api/wire/push (HTTP ${server.status})`, server.ingest, server.workMs));
console.log(`\nload average at the end: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
}

void main().then(() => process.exit(0));
