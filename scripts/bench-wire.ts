/**
 * Wire ingestion benchmark: a 1,000-item feed (RSS 2.0 and ninjs 2.x, each item a ~2 KB HTML story) parsed,
 * converted to Markdown and stored in a fresh SQLite file, then the same document again (all repeats), then a
 * document where every item has a newer version. Prints time per run and the process's peak resident memory.
 *   npm run bench:wire [-- --items 1000]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { openDatabase, type Db } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { authors, authorTranslations, categories, categoryTranslations } from '../db/schema';
import { createFeed } from '../db/wire';
import { ingestDocument } from '../lib/wire/ingest';

const { values } = parseArgs({ options: { items: { type: 'string', default: '1000' } } });
const N = Number(values.items);

const paragraph = (i: number, p: number) =>
  `<p>Paragraph ${p} of story ${i}: the port of Kribi handled <b>more containers</b> than ever, officials said, citing <a href="https://agency.example/${i}">figures</a> released on Monday.</p>`;
const html = (i: number) => `<h2>Story ${i}</h2>${Array.from({ length: 8 }, (_, p) => paragraph(i, p)).join('')}<script>track()</script><img src="https://t.example/p.gif" width="1" height="1">`;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function rss(version: number): string {
  const items = Array.from({ length: N }, (_, i) => {
    const date = new Date(Date.UTC(2026, 11, 1, 0, 0, i % 60) + version * 60_000).toUTCString();
    return `<item><title>Story ${i} v${version}</title><link>https://agency.example/${i}</link><guid isPermaLink="false">bench-${i}</guid><pubDate>${date}</pubDate><description>${esc(html(i))}</description></item>`;
  }).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Bench</title><link>https://agency.example/</link><description>bench</description>${items}</channel></rss>`;
}

function ninjs(version: number): string {
  return JSON.stringify(
    Array.from({ length: N }, (_, i) => ({
      uri: `urn:bench:${i}`,
      version: String(version),
      versioncreated: new Date(Date.UTC(2026, 11, 1) + version * 60_000).toISOString(),
      pubstatus: 'usable',
      language: 'en',
      headlines: [{ role: 'main', value: `Story ${i} v${version}` }],
      bodies: [{ role: 'main', contenttype: 'text/html', value: html(i) }],
    })),
  );
}

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
for (const format of ['rss', 'ninjs'] as const) {
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
console.log(`Wire ingestion, ${N} items per document (Node ${process.version}, ${process.platform}/${process.arch})\n`);
console.log('| format | run | document | created/updated/ignored | time | peak RSS so far |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const r of rows) console.log(r);
console.log(`\nmax RSS (getrusage): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB; load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
}

void main();
