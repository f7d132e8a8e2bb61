import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleSitemapChunk, SITEMAP_MAX_URLS } from '@/db/sitemaps';
import { absoluteUrl } from '@/lib/site';
import { renderSitemap, renderSitemapIndex, sitemapNames } from '@/lib/sitemaps';
import { parseUrlset, useTestDatabase, xml } from './seo-support';

// A generated newsroom larger than one sitemap file can hold: 50,001 published French versions, written with
// a recursive CTE (a few hundred milliseconds), plus a draft and a scheduled one that must stay out.
const TOTAL = SITEMAP_MAX_URLS + 1;
let env: ReturnType<typeof useTestDatabase>;

beforeAll(() => {
  env = useTestDatabase({ seed: false });
  const run = (sql: string) => env.db.$client.exec(sql);
  const now = Date.now();
  run(`insert into categories (id, key, position) values (1, 'politics', 0)`);
  run(`insert into category_translations (category_id, locale, name, slug) values (1, 'fr', 'Politique', 'politique'), (1, 'en', 'Politics', 'politics')`);
  run(`insert into authors (id, key, kind) values (1, 'desk', 'agency')`);
  run(`insert into author_translations (author_id, locale, name, slug) values (1, 'fr', 'La rédaction', 'la-redaction')`);
  run(`with recursive n(i) as (select 1 union all select i + 1 from n where i < ${TOTAL + 2})
       insert into stories (id, created_at) select i, ${now} from n`);
  run(`with recursive n(i) as (select 1 union all select i + 1 from n where i < ${TOTAL + 2})
       insert into articles (id, story_id, locale, slug, title, category_id, author_id, hero_image, status, published_at, created_at, updated_at)
       select i, i, 'fr', 'article-' || i, 'Article ' || i, 1, 1, '/media/politics-1-16x9.svg',
              case when i = ${TOTAL + 1} then 'draft' else 'published' end,
              case when i = ${TOTAL + 1} then null when i = ${TOTAL + 2} then ${now + 86_400_000} else ${now} - i * 1000 end,
              ${now}, ${now}
       from n`);
});
afterAll(() => env.close());

describe('article sitemaps are split into files of at most 50,000 URLs', () => {
  it('uses the protocol limit by default: 50,001 articles make two files, the first one full', () => {
    expect(SITEMAP_MAX_URLS).toBe(50_000);
    const names = sitemapNames().filter((n) => n.startsWith('fr-articles-'));
    expect(names).toEqual(['fr-articles-1', 'fr-articles-2']);
    const first = parseUrlset(renderSitemap('fr-articles-1')!);
    expect(first).toHaveLength(50_000);
    const second = parseUrlset(renderSitemap('fr-articles-2')!);
    expect(second.map((u) => u.loc)).toEqual([absoluteUrl(`/fr/politique/article-${TOTAL}`)]);
    expect(renderSitemap('fr-articles-3')).toBeNull();
    expect(sitemapNames().filter((n) => n.startsWith('en-articles-'))).toEqual([]);
  }, 120_000);

  it('covers every visible article exactly once with a smaller chunk size', () => {
    const chunkSize = 7_000;
    const index = xml.parse(renderSitemapIndex({ chunkSize })) as { sitemapindex: { sitemap: { loc: string }[] } };
    const names = index.sitemapindex.sitemap.map((s) => /\/sitemaps\/(.+)\.xml$/.exec(s.loc)![1]!).filter((n) => n.startsWith('fr-articles-'));
    expect(names).toEqual(Array.from({ length: Math.ceil(TOTAL / chunkSize) }, (_, i) => `fr-articles-${i + 1}`));
    // Coverage through the chunk query the files are made of (the XML of one full file is parsed above).
    const seen = new Set<number>();
    for (let chunk = 1; chunk <= names.length; chunk++) {
      const rows = articleSitemapChunk('fr', chunk, chunkSize);
      expect(rows.length).toBe(chunk < names.length ? chunkSize : TOTAL - (names.length - 1) * chunkSize);
      for (const r of rows) seen.add(r.id);
    }
    expect(seen.size).toBe(TOTAL);
    expect(seen.has(TOTAL + 1)).toBe(false); // draft
    expect(seen.has(TOTAL + 2)).toBe(false); // scheduled
    const last = parseUrlset(renderSitemap(names[names.length - 1]!, { chunkSize })!);
    expect(last).toHaveLength(TOTAL - (names.length - 1) * chunkSize);
    expect(last.at(-1)?.loc).toBe(absoluteUrl(`/fr/politique/article-${TOTAL}`));
  }, 120_000);
});
