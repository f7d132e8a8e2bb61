/**
 * WordPress import benchmark: writes a bilingual WXR of N posts (default 10,000: Polylang pairs, nested
 * categories, 50 tags, ~3 KB block-editor bodies with a caption, a script and a shortcode each) to a temp
 * directory, imports it into a fresh SQLite file, imports it again (nothing changes), then times old-URL lookups.
 * Prints times, the file size and the process's peak resident memory.
 *   npm run bench:wordpress [-- --posts 10000]
 * With --parse-gb G: writes an export of about G GiB instead (the same posts repeated under new ids) and reads it
 * with the importer's streaming reader, both passes, keeping nothing: the memory bound of a very large export.
 *   npm run bench:wordpress -- --parse-gb 2
 */
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { legacyRedirect } from '../db/wordpress';
import { importWordpress } from '../lib/wordpress/import';
import { readWxr } from '../lib/wordpress/wxr';

const { values } = parseArgs({ options: { posts: { type: 'string', default: '10000' }, 'parse-gb': { type: 'string' } } });
const PARSE_BYTES = values['parse-gb'] ? Number(values['parse-gb']) * 1024 ** 3 : 0;
// In --parse-gb mode the export is written until it reaches the size, whatever the number of posts.
const N = PARSE_BYTES ? Number.POSITIVE_INFINITY : Number(values.posts);
const dir = mkdtempSync(join(tmpdir(), 'kiosque-bench-wp-'));
process.env.MEDIA_DIR = join(dir, 'media');

const cdata = (s: string) => `<![CDATA[${s}]]>`;
const body = (i: number) =>
  `<!-- wp:paragraph --><p>Paragraphe d’ouverture de l’article ${i}, avec un <a href="https://site.example/${i}">lien</a>.</p><!-- /wp:paragraph -->\n` +
  Array.from({ length: 8 }, (_, p) => `<p>Paragraphe ${p} : le port de Kribi a traité <strong>plus de conteneurs</strong> que jamais, selon les chiffres publiés lundi par les autorités portuaires.</p>`).join('\n') +
  `\n[caption id="attachment_1" width="800"]<img src="https://site.example/wp-content/uploads/2024/01/p${i}.jpg" alt="Photo" /> Légende ${i}[/caption]\n<script>track()</script>[gallery ids="1,2"]<h2>Intertitre</h2><ul><li>un</li><li>deux</li></ul>`;

async function writeExport(file: string) {
  const out = createWriteStream(file);
  let written = 0;
  const write = (s: string) => {
    written += Buffer.byteLength(s);
    return out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r()));
  };
  await write(`<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/"><channel>
<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://site.example</wp:base_site_url>
<wp:author><wp:author_id>1</wp:author_id><wp:author_login>redaction</wp:author_login><wp:author_display_name>La rédaction</wp:author_display_name></wp:author>\n`);
  for (let c = 0; c < 10; c++) {
    await write(`<wp:category><wp:term_id>${c + 1}</wp:term_id><wp:category_nicename>rubrique-${c}</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name>Rubrique ${c}</wp:cat_name></wp:category>\n`);
    await write(`<wp:category><wp:term_id>${c + 100}</wp:term_id><wp:category_nicename>sous-${c}</wp:category_nicename><wp:category_parent>rubrique-${c}</wp:category_parent><wp:cat_name>Sous ${c}</wp:cat_name></wp:category>\n`);
  }
  for (let i = 0; PARSE_BYTES ? written < PARSE_BYTES : i < N; i++) {
    const pair = Math.floor(i / 2);
    const locale = i % 2 === 0 ? 'fr' : 'en';
    const d = new Date(Date.UTC(2020, 0, 1) + i * 3_600_000);
    const ymd = d.toISOString().slice(0, 10);
    const gmt = d.toISOString().slice(0, 19).replace('T', ' ');
    const slug = `article-${i}`;
    await write(`<item><title>${cdata(`Article ${i} – Kribi`)}</title><link>https://site.example/${locale === 'en' ? 'en/' : ''}${ymd.replace(/-/g, '/')}/${slug}/</link><dc:creator>redaction</dc:creator>
<content:encoded>${cdata(body(i))}</content:encoded><excerpt:encoded>${cdata(`Chapô ${i}`)}</excerpt:encoded><wp:post_id>${i + 1000}</wp:post_id>
<wp:post_date>${gmt}</wp:post_date><wp:post_date_gmt>${gmt}</wp:post_date_gmt><wp:post_name>${slug}</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<category domain="category" nicename="sous-${pair % 10}">Sous</category><category domain="post_tag" nicename="sujet-${i % 50}">Sujet ${i % 50}</category>
<category domain="language" nicename="${locale}">${locale}</category><category domain="post_translations" nicename="pll_${pair}">pll_${pair}</category></item>\n`);
  }
  await write('</channel></rss>\n');
  await new Promise<void>((r) => out.end(() => r()));
}

async function parseOnly(file: string) {
  const t = performance.now();
  let items = 0;
  // The importer's two passes: the first checks the whole file, the second hands out the posts.
  for (let pass = 0; pass < 2; pass++)
    await readWxr(file, {
      item: () => {
        items += pass;
      },
    });
  const seconds = (performance.now() - t) / 1000;
  const size = statSync(file).size;
  console.log(
    JSON.stringify(
      {
        exportGiB: Number((size / 1024 ** 3).toFixed(2)),
        items,
        seconds: Number(seconds.toFixed(1)),
        mibPerSecond: Number(((2 * size) / 1024 ** 2 / seconds).toFixed(1)), // two passes
        peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
        loadAverage: loadavg().map((l) => Number(l.toFixed(2))),
      },
      null,
      2,
    ),
  );
}

async function main() {
  const file = join(dir, 'export.xml');
  await writeExport(file);
  if (PARSE_BYTES) {
    await parseOnly(file);
    rmSync(dir, { recursive: true, force: true });
    return;
  }
  const db = openDatabase(join(dir, 'bench.db'));
  migrateDatabase(db);
  const mb = (statSync(file).size / 1024 / 1024).toFixed(1);
  let t = performance.now();
  const first = await importWordpress(file, { db });
  const firstSeconds = (performance.now() - t) / 1000;
  t = performance.now();
  const second = await importWordpress(file, { db });
  const secondSeconds = (performance.now() - t) / 1000;
  const lookups = 20_000;
  t = performance.now();
  for (let i = 0; i < lookups; i++) legacyRedirect(i % 2 === 0 ? `/?p=${1000 + (i % N)}` : `/no/such/path-${i}`, db);
  const lookupMicros = ((performance.now() - t) * 1000) / lookups;
  console.log(
    JSON.stringify(
      {
        posts: N,
        exportMb: Number(mb),
        firstRun: { seconds: Number(firstSeconds.toFixed(1)), imported: first.imported, redirects: first.redirects, mediaMissing: first.mediaMissing.length },
        secondRun: { seconds: Number(secondSeconds.toFixed(1)), unchanged: second.unchanged, imported: second.imported, updated: second.updated },
        redirectLookupMicroseconds: Number(lookupMicros.toFixed(1)),
        peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
        loadAverage: loadavg().map((l) => Number(l.toFixed(2))),
      },
      null,
      2,
    ),
  );
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
}

void main();
