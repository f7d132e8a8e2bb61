/**
 * The site's sitemaps: an index at /sitemap.xml pointing at per-locale files of sections, topics, authors and
 * articles (articles split into chunks of at most SITEMAP_MAX_URLS), and a Google News file. Server-only: it
 * composes the db/sitemaps.ts queries with the XML of lib/sitemap-xml.ts. URLs always carry the current slugs.
 */
import { locales, type Locale } from '@/i18n/routing';
import { paths } from '@/i18n/paths';
import {
  articleChunkCount,
  articleSitemapChunk,
  authorSitemap,
  latestChange,
  newsSitemapArticles,
  sectionSitemap,
  SITEMAP_MAX_URLS,
  topicSitemap,
  type SitemapConcept,
} from '@/db/sitemaps';
import { siteName } from '@/db/settings';
import { AUTHOR_INDEX_PAGE_SIZE, TOPIC_INDEX_PAGE_SIZE } from '@/db/taxonomy';
import { hreflangAlternates } from './seo';
import { absoluteUrl } from './site';
import { newsSitemapXml, sitemapIndexXml, urlsetXml, type UrlEntry } from './sitemap-xml';

export interface SitemapOptions {
  chunkSize?: number;
  now?: Date;
}

const KINDS = ['sections', 'topics', 'authors'] as const;
type ConceptKind = (typeof KINDS)[number];

export const NEWS_SITEMAP = 'news';

/** File names (without .xml) listed by the index, in order. */
export function sitemapNames({ chunkSize = SITEMAP_MAX_URLS, now = new Date() }: SitemapOptions = {}): string[] {
  const names: string[] = [NEWS_SITEMAP];
  for (const locale of locales) {
    for (const kind of KINDS) names.push(`${locale}-${kind}`);
    const chunks = articleChunkCount(locale, chunkSize, now);
    for (let i = 1; i <= chunks; i++) names.push(`${locale}-articles-${i}`);
  }
  return names;
}

export function renderSitemapIndex(options: SitemapOptions = {}): string {
  const now = options.now ?? new Date();
  const lastByLocale = new Map(locales.map((l) => [l, latestChange(l, now)]));
  return sitemapIndexXml(
    sitemapNames(options).map((name) => {
      const locale = locales.find((l) => name.startsWith(`${l}-`));
      return { loc: absoluteUrl(paths.sitemap(name)), lastmod: locale ? lastByLocale.get(locale) : null };
    }),
  );
}

const NAME = /^(?:(news)|([a-z]{2})-(sections|topics|authors)|([a-z]{2})-articles-([1-9][0-9]{0,5}))$/;

/** The XML of one sitemap file, or null when no such file exists (→ 404). */
export function renderSitemap(name: string, { chunkSize = SITEMAP_MAX_URLS, now = new Date() }: SitemapOptions = {}): string | null {
  const match = NAME.exec(name);
  if (!match) return null;
  if (match[1]) return renderNewsSitemap(now);
  const locale = (match[2] ?? match[4]) as Locale;
  if (!(locales as readonly string[]).includes(locale)) return null;
  if (match[3]) return urlsetXml(conceptUrls(match[3] as ConceptKind, locale, now));
  const chunk = Number(match[5]);
  if (chunk > articleChunkCount(locale, chunkSize, now)) return null;
  const urls: UrlEntry[] = articleSitemapChunk(locale, chunk, chunkSize, now).map((a) => {
    const versions: Partial<Record<Locale, string>> = { [locale]: paths.article(locale, a.categorySlug, a.slug) };
    for (const alt of a.alternates) versions[alt.locale] = paths.article(alt.locale, alt.categorySlug, alt.slug);
    return {
      loc: absoluteUrl(versions[locale]!),
      lastmod: a.updatedAt,
      alternates: a.alternates.length ? hreflangAlternates(locale, versions) : {},
      images: a.heroImage ? [{ loc: absoluteUrl(a.heroImage), title: a.heroAlt || a.title }] : [],
    };
  });
  return urlsetXml(urls);
}

const conceptPath: Record<ConceptKind, (locale: Locale, slug: string) => string> = {
  sections: (locale, slug) => paths.section(locale, slug),
  topics: (locale, slug) => paths.topic(locale, slug),
  authors: (locale, slug) => paths.author(locale, slug),
};

const conceptQuery: Record<ConceptKind, (locale: Locale, now: Date) => SitemapConcept[]> = {
  sections: sectionSitemap,
  topics: topicSitemap,
  authors: authorSitemap,
};

/** The A–Z index pages of topics and of authors (/fr/sujets, /en/topics, …, and their later pages). */
function indexUrls(kind: 'topics' | 'authors', locale: Locale, concepts: SitemapConcept[]): UrlEntry[] {
  if (!concepts.length) return [];
  const pageSize = kind === 'topics' ? TOPIC_INDEX_PAGE_SIZE : AUTHOR_INDEX_PAGE_SIZE;
  const pageCount = Math.ceil(concepts.length / pageSize);
  const lastmod = concepts.reduce<Date | null>((max, c) => (c.lastModified && (!max || c.lastModified > max) ? c.lastModified : max), null);
  const versions = Object.fromEntries(locales.map((l) => [l, paths.fixed(l, kind)])) as Record<Locale, string>;
  return Array.from({ length: pageCount }, (_, i) =>
    i === 0
      ? { loc: absoluteUrl(versions[locale]), lastmod, alternates: hreflangAlternates(locale, versions) }
      : { loc: absoluteUrl(`${paths.fixed(locale, kind)}/page/${i + 1}`), lastmod, alternates: {} },
  );
}

function conceptUrls(kind: ConceptKind, locale: Locale, now: Date): UrlEntry[] {
  const concepts = conceptQuery[kind](locale, now);
  return [...(kind === 'sections' ? [] : indexUrls(kind, locale, concepts)), ...conceptEntries(kind, locale, concepts)];
}

function conceptEntries(kind: ConceptKind, locale: Locale, concepts: SitemapConcept[]): UrlEntry[] {
  return concepts.map((concept) => {
    const versions: Partial<Record<Locale, string>> = {};
    for (const l of locales) {
      const slug = concept.slugs[l];
      if (slug) versions[l] = conceptPath[kind](l, slug);
    }
    const hasOthers = Object.keys(versions).length > 1;
    return { loc: absoluteUrl(versions[locale]!), lastmod: concept.lastModified, alternates: hasOthers ? hreflangAlternates(locale, versions) : {} };
  });
}

function renderNewsSitemap(now: Date): string {
  return newsSitemapXml(
    newsSitemapArticles(now).map((a) => ({
      loc: absoluteUrl(paths.article(a.locale, a.categorySlug, a.slug)),
      publicationName: siteName(),
      language: a.locale,
      publicationDate: a.publishedAt,
      title: a.title,
    })),
  );
}
