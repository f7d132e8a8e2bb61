import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SITEMAP_MAX_URLS } from '@/db/sitemaps';
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
    const chunkLocs = index.sitemapindex.sitemap.map((s) => s.loc).filter((l) => l.includes('/fr-articles-'));
    expect(chunkLocs).toHaveLength(Math.ceil(TOTAL / chunkSize));
    const seen = new Set<string>();
    for (const loc of chunkLocs) {
      const name = /\/sitemaps\/(.+)\.xml$/.exec(loc)![1]!;
      const urls = parseUrlset(renderSitemap(name, { chunkSize })!);
      expect(urls.length).toBeLessThanOrEqual(chunkSize);
      for (const u of urls) seen.add(u.loc);
    }
    expect(seen.size).toBe(TOTAL);
    expect(seen.has(absoluteUrl(`/fr/politique/article-${TOTAL + 1}`))).toBe(false); // draft
    expect(seen.has(absoluteUrl(`/fr/politique/article-${TOTAL + 2}`))).toBe(false); // scheduled
  }, 120_000);
});
