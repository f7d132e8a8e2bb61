/**
 * Queries behind the sitemaps: small rows (no bodies), read one chunk at a time, with the other published
 * language versions of each URL for hreflang alternates. Chunks are numbered from 1 and ordered by id, so an
 * article stays in the same file as the newsroom publishes more.
 */
import { locales, type Locale } from '@/i18n/routing';
import { getDb } from './client';
import { visibleSql } from './visibility';

/** The sitemaps protocol's limit of URLs per file. */
export const SITEMAP_MAX_URLS = 50_000;
/** Google News sitemaps: articles of the last 48 hours, at most 1,000 URLs. */
export const NEWS_WINDOW_MS = 48 * 3_600_000;
export const NEWS_MAX_URLS = 1_000;

const VISIBLE = (alias: string) => visibleSql(alias);

export interface Version {
  locale: Locale;
  categorySlug: string;
  slug: string;
}

export interface SitemapArticle extends Version {
  id: number;
  title: string;
  updatedAt: Date;
  publishedAt: Date;
  heroImage: string | null;
  heroAlt: string;
  /** The other published language versions (never the article itself). */
  alternates: Version[];
}

export function countSitemapArticles(locale: Locale, now = new Date()): number {
  const row = getDb()
    .$client.prepare(`select count(*) as n from articles a where a.locale = @locale and ${VISIBLE('a')}`)
    .get({ locale, now: now.getTime() }) as { n: number };
  return row.n;
}

export function articleChunkCount(locale: Locale, chunkSize = SITEMAP_MAX_URLS, now = new Date()): number {
  return Math.ceil(countSitemapArticles(locale, now) / chunkSize);
}

interface ChunkRow {
  id: number;
  slug: string;
  categorySlug: string;
  title: string;
  updatedAt: number;
  publishedAt: number;
  heroImage: string | null;
  heroAlt: string;
  altLocale: string | null;
  altSlug: string | null;
  altCategorySlug: string | null;
}

/** Chunk `chunk` (1-based) of a locale's article sitemap; [] past the last chunk. */
export function articleSitemapChunk(locale: Locale, chunk: number, chunkSize = SITEMAP_MAX_URLS, now = new Date()): SitemapArticle[] {
  if (!Number.isInteger(chunk) || chunk < 1) return [];
  const statement = getDb().$client.prepare(`
    with chunk as (
      select a.id, a.story_id, a.slug, c.slug as categorySlug, a.title, a.updated_at as updatedAt,
             a.published_at as publishedAt,
             -- A library photo (its widest 16:9 JPEG and its alt text in this language) wins over the illustration.
             coalesce((select '/media/p/' || r.file from media_renditions r
                       where r.media_id = a.hero_media_id and r.crop = '16x9' and r.format = 'jpeg' order by r.width desc limit 1),
                      a.hero_image) as heroImage,
             coalesce((select nullif(t.alt, '') from media_translations t where t.media_id = a.hero_media_id and t.locale = a.locale),
                      a.hero_alt) as heroAlt
      from articles a
      join category_translations c on c.category_id = a.category_id and c.locale = a.locale
      where a.locale = @locale and ${VISIBLE('a')}
      order by a.id
      limit @limit offset @offset
    )
    select chunk.id, chunk.slug, chunk.categorySlug, chunk.title, chunk.updatedAt, chunk.publishedAt, chunk.heroImage,
           chunk.heroAlt, b.locale as altLocale, b.slug as altSlug, cb.slug as altCategorySlug
    from chunk
    left join articles b on b.story_id = chunk.story_id and b.id <> chunk.id and ${visibleSql('b', 'now', { byId: true })}
    left join category_translations cb on cb.category_id = b.category_id and cb.locale = b.locale
    order by chunk.id`);
  const out: SitemapArticle[] = [];
  for (const row of statement.iterate({ locale, now: now.getTime(), limit: chunkSize, offset: (chunk - 1) * chunkSize }) as Iterable<ChunkRow>) {
    let current = out[out.length - 1];
    if (current?.id !== row.id) {
      current = {
        id: row.id,
        locale,
        slug: row.slug,
        categorySlug: row.categorySlug,
        title: row.title,
        updatedAt: new Date(row.updatedAt),
        publishedAt: new Date(row.publishedAt),
        heroImage: row.heroImage,
        heroAlt: row.heroAlt,
        alternates: [],
      };
      out.push(current);
    }
    if (row.altLocale && row.altSlug && row.altCategorySlug && (locales as readonly string[]).includes(row.altLocale)) {
      current.alternates.push({ locale: row.altLocale as Locale, slug: row.altSlug, categorySlug: row.altCategorySlug });
    }
  }
  return out;
}

export interface SitemapConcept {
  /** Slug per locale, only where the concept's page exists. */
  slugs: Partial<Record<Locale, string>>;
  lastModified: Date | null;
}

type ConceptRow = { id: number; locale: string; slug: string; lastmod: number | null };

/** Runs a query returning one row per concept and locale (`id, locale, slug, lastmod`), grouped by concept. */
function conceptSitemap(locale: Locale, query: string, now: Date): SitemapConcept[] {
  const rows = getDb().$client.prepare(query).all({ now: now.getTime() }) as ConceptRow[];
  return groupConcepts(rows, locale);
}

/** Sections, named in each locale; lastmod is the newest visible article of the section in that locale. */
export function sectionSitemap(locale: Locale, now = new Date()): SitemapConcept[] {
  return conceptSitemap(
    locale,
    `select ct.category_id as id, ct.locale, ct.slug,
            (select max(a.updated_at) from articles a
              where a.category_id = ct.category_id and a.locale = ct.locale and ${VISIBLE('a')}) as lastmod
     from category_translations ct join categories c on c.id = ct.category_id
     order by c.position, c.id`,
    now,
  );
}

/** Topics with at least one visible article in a locale (an empty topic page is not worth a crawl). */
export function topicSitemap(locale: Locale, now = new Date()): SitemapConcept[] {
  return conceptSitemap(
    locale,
    `select at.tag_id as id, a.locale, tt.slug, max(a.updated_at) as lastmod
     from article_tags at
     join articles a on a.id = at.article_id
     join tag_translations tt on tt.tag_id = at.tag_id and tt.locale = a.locale
     where ${VISIBLE('a')}
     group by at.tag_id, a.locale
     order by at.tag_id`,
    now,
  );
}

/** Authors (people and agencies) with at least one visible article in a locale. */
export function authorSitemap(locale: Locale, now = new Date()): SitemapConcept[] {
  return conceptSitemap(
    locale,
    `select a.author_id as id, a.locale, au.slug, max(a.updated_at) as lastmod
     from articles a
     join author_translations au on au.author_id = a.author_id and au.locale = a.locale
     where ${VISIBLE('a')}
     group by a.author_id, a.locale
     order by a.author_id`,
    now,
  );
}

function groupConcepts(rows: ConceptRow[], locale: Locale): SitemapConcept[] {
  const byId = new Map<number, { slugs: Partial<Record<Locale, string>>; lastmod: number | null }>();
  for (const row of rows) {
    if (!(locales as readonly string[]).includes(row.locale)) continue;
    const entry = byId.get(row.id) ?? { slugs: {}, lastmod: null };
    entry.slugs[row.locale as Locale] = row.slug;
    if (row.locale === locale) entry.lastmod = row.lastmod;
    byId.set(row.id, entry);
  }
  return [...byId.values()]
    .filter((entry) => entry.slugs[locale])
    .map((entry) => ({ slugs: entry.slugs, lastModified: entry.lastmod === null ? null : new Date(entry.lastmod) }));
}

export interface NewsItem extends Version {
  id: number;
  title: string;
  publishedAt: Date;
}

/** Every locale's articles published in the last 48 hours, newest first. */
export function newsSitemapArticles(now = new Date(), limit = NEWS_MAX_URLS): NewsItem[] {
  const rows = getDb()
    .$client.prepare(
    `select a.id, a.locale, a.slug, c.slug as categorySlug, a.title, a.published_at as publishedAt
     from articles a
     join category_translations c on c.category_id = a.category_id and c.locale = a.locale
     where a.locale = @locale and ${VISIBLE('a')} and a.published_at > @since
     order by a.published_at desc, a.id desc
     limit @limit`,
    );
  const items: NewsItem[] = [];
  for (const locale of locales) {
    const rows2 = rows.all({ locale, now: now.getTime(), since: now.getTime() - NEWS_WINDOW_MS, limit }) as (Omit<NewsItem, 'publishedAt' | 'locale'> & {
      publishedAt: number;
    })[];
    for (const row of rows2) items.push({ ...row, locale, publishedAt: new Date(row.publishedAt) });
  }
  return items.sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime()).slice(0, limit);
}

/** Newest change among visible articles of a locale (lastmod of the index entries). */
export function latestChange(locale: Locale, now = new Date()): Date | null {
  const row = getDb()
    .$client.prepare(`select max(a.updated_at) as t from articles a where a.locale = @locale and ${VISIBLE('a')}`)
    .get({ locale, now: now.getTime() }) as { t: number | null };
  return row.t === null ? null : new Date(row.t);
}
