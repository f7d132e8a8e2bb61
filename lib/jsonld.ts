/**
 * Structured data (schema.org JSON-LD), typed with schema-dts. Builders are pure (no React, no SQL): pages pass
 * what they loaded and render the result with components/JsonLd.tsx, which serializes through
 * `serializeJsonLd` so that content can never close the <script> element.
 */
import type {
  BreadcrumbList,
  CollectionPage,
  Graph,
  ImageObject,
  ItemList,
  NewsArticle,
  NewsMediaOrganization,
  Organization,
  Person,
  Thing,
  VideoObject,
  WebSite,
  WithContext,
} from 'schema-dts';
import type { Locale } from '@/i18n/routing';
import type { ArticleGenre } from '@/db/schema';
import { paths } from '@/i18n/paths';
import { crops, type Crop } from '@/db/seed/illustrations';
import type { ArticleDetail } from '@/db/articles';
import { siteName } from '@/db/settings';
import { isoDateTimeWithOffset, isoDuration } from './format';
import { dateModified } from './article-dates';
import { absoluteUrl } from './site';
import { embedUrl, parseVideoEmbed, SELF_HOSTED_VIDEO } from './video/embed';

export type JsonLdData = Thing | WithContext<Thing> | Graph;

const CONTEXT = 'https://schema.org';

/**
 * JSON for a `<script type="application/ld+json">`: `<`, `>` and `&` become \u003c, \u003e, \u0026 (so neither
 * `</script>` nor `<!--` can appear in the element), and U+2028/U+2029 are escaped for old JS parsers.
 * JSON.parse gives back exactly the original data.
 */
export function serializeJsonLd(data: JsonLdData): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function graph(...nodes: Thing[]): Graph {
  return { '@context': CONTEXT, '@graph': nodes as Graph['@graph'] };
}

/** Logo shipped in public/ (raster, as Google wants for publisher logos). */
export const LOGO = { path: '/logo.png', width: 600, height: 60 } as const;

export const organizationId = () => absoluteUrl('/#organization');
export const websiteId = (locale: Locale) => absoluteUrl(`${paths.home(locale)}#website`);

export function publisherJsonLd(): NewsMediaOrganization {
  const logo: ImageObject = { '@type': 'ImageObject', url: absoluteUrl(LOGO.path), width: `${LOGO.width}`, height: `${LOGO.height}` };
  return { '@type': 'NewsMediaOrganization', '@id': organizationId(), name: siteName(), url: absoluteUrl('/'), logo };
}

/** The site, with a SearchAction pointing at the localized search page (`?q=`). */
export function websiteJsonLd(locale: Locale, description: string): WebSite {
  const searchUrl = absoluteUrl(paths.search(locale));
  return {
    '@type': 'WebSite',
    '@id': websiteId(locale),
    name: siteName(),
    url: absoluteUrl(paths.home(locale)),
    description,
    inLanguage: locale,
    publisher: { '@id': organizationId() },
    potentialAction: {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: `${searchUrl}?q={search_term_string}` },
      'query-input': 'required name=search_term_string',
    } as WebSite['potentialAction'],
  };
}

export interface Crumb {
  name: string;
  path: string;
}

export function breadcrumbJsonLd(crumbs: Crumb[]): BreadcrumbList {
  return {
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, i) => ({ '@type': 'ListItem', position: i + 1, name: crumb.name, item: absoluteUrl(crumb.path) })),
  };
}

const ILLUSTRATION = /^\/media\/([a-z0-9-]+)-(\d+)-(16x9|4x3|1x1)\.svg$/;

/**
 * The hero image in the crops search engines want (16:9, 4:3, 1:1, ≥ 1200 px wide) when the file follows the
 * illustration naming (/media/{key}-{n}-{crop}.svg); otherwise the image itself.
 */
export function heroCrops(hero: { url: string; width: number | null; height: number | null; alt?: string }): ImageObject[] {
  const match = ILLUSTRATION.exec(hero.url);
  if (match) {
    return (Object.keys(crops) as Crop[]).map((crop) => ({
      '@type': 'ImageObject',
      url: absoluteUrl(`/media/${match[1]}-${match[2]}-${crop}.svg`),
      width: `${crops[crop][0]}`,
      height: `${crops[crop][1]}`,
      ...(hero.alt ? { caption: hero.alt } : {}),
    }));
  }
  return [
    {
      '@type': 'ImageObject',
      url: absoluteUrl(hero.url),
      ...(hero.width ? { width: `${hero.width}` } : {}),
      ...(hero.height ? { height: `${hero.height}` } : {}),
      ...(hero.alt ? { caption: hero.alt } : {}),
    },
  ];
}

/** A library photo's crops for search engines: 16:9, 4:3 and 1:1 JPEGs (made at upload, ≥ 1200 px when the source allows). */
export function photoCrops(photo: NonNullable<ArticleForJsonLd['photo']>): ImageObject[] {
  return photo.structured.map((c) => ({
    '@type': 'ImageObject',
    url: absoluteUrl(c.url),
    width: `${c.width}`,
    height: `${c.height}`,
    ...(photo.alt ? { caption: photo.alt } : {}),
  }));
}

export interface ArticleForJsonLd {
  locale: Locale;
  path: string;
  title: string;
  standfirst: string;
  kind: 'article' | 'video';
  videoDurationSeconds: number | null;
  videoUrl: string | null;
  /** The video's own title (the article title when empty). */
  videoTitle?: string;
  heroImage: string | null;
  heroWidth: number | null;
  heroHeight: number | null;
  heroAlt: string;
  /** A library photo: its JPEG crops (16:9, 4:3, 1:1) are the article's images. */
  photo?: { alt: string; structured: { url: string; width: number; height: number }[] } | null;
  publishedAt: Date;
  updatedAt: Date;
  /** Last change of the text (never before publishedAt); updatedAt when absent. */
  modifiedAt?: Date;
  genre?: ArticleGenre;
  textChangedAt?: Date | null;
  section: string;
  keywords: string[];
  author: { name: string; kind: 'person' | 'agency'; path: string; url: string | null };
}

function authorJsonLd(author: ArticleForJsonLd['author']): Person | Organization {
  const common = {
    name: author.name,
    url: absoluteUrl(author.path),
    ...(author.url ? { sameAs: author.url } : {}),
  };
  return author.kind === 'person' ? { '@type': 'Person', ...common } : { '@type': 'Organization', ...common };
}

/**
 * schema.org type per editorial genre: opinion → OpinionNewsArticle, analysis → AnalysisNewsArticle, sponsored →
 * AdvertiserContentArticle (an Article, not news), a press release → Article (the organisation's text, not the
 * newsroom's reporting), news and interviews → NewsArticle.
 */
export const jsonLdTypeByGenre = {
  news: 'NewsArticle',
  interview: 'NewsArticle',
  analysis: 'AnalysisNewsArticle',
  opinion: 'OpinionNewsArticle',
  press_release: 'Article',
  sponsored: 'AdvertiserContentArticle',
} as const satisfies Record<ArticleGenre, string>;

export function newsArticleJsonLd(a: ArticleForJsonLd): NewsArticle {
  const url = absoluteUrl(a.path);
  const images = a.photo?.structured.length
    ? photoCrops(a.photo)
    : a.heroImage
      ? heroCrops({ url: a.heroImage, width: a.heroWidth, height: a.heroHeight, alt: a.heroAlt })
      : [];
  return {
    // The subtypes carry the same properties; schema-dts types them apart, hence the cast.
    '@type': jsonLdTypeByGenre[a.genre ?? 'news'] as 'NewsArticle',
    '@id': `${url}#article`,
    headline: a.title,
    description: a.standfirst,
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    ...(images.length ? { image: images } : {}),
    datePublished: isoDateTimeWithOffset(a.publishedAt),
    dateModified: isoDateTimeWithOffset(a.modifiedAt ?? dateModified(a)),
    author: [authorJsonLd(a.author)],
    publisher: publisherJsonLd(),
    inLanguage: a.locale,
    articleSection: a.section,
    keywords: a.keywords,
    isAccessibleForFree: true,
    ...(a.kind === 'video' ? { video: videoObjectJsonLd(a) } : {}),
  };
}

export function videoObjectJsonLd(a: ArticleForJsonLd): VideoObject {
  const thumbnails = a.photo?.structured.length
    ? photoCrops(a.photo).map((i) => String(i.url))
    : a.heroImage
      ? heroCrops({ url: a.heroImage, width: a.heroWidth, height: a.heroHeight }).map((i) => String(i.url))
      : [];
  const embed = a.videoUrl ? parseVideoEmbed(a.videoUrl) : null;
  return {
    '@type': 'VideoObject',
    name: a.videoTitle || a.title,
    description: a.standfirst || a.title,
    thumbnailUrl: thumbnails,
    uploadDate: isoDateTimeWithOffset(a.publishedAt),
    duration: isoDuration(a.videoDurationSeconds ?? 0),
    inLanguage: a.locale,
    // A provider video: its player (youtube-nocookie, Dailymotion, Facebook); our own file: contentUrl.
    ...(embed ? { embedUrl: embedUrl(embed) } : a.videoUrl && SELF_HOSTED_VIDEO.test(a.videoUrl) ? { contentUrl: absoluteUrl(a.videoUrl) } : {}),
  };
}

export interface ListedItem {
  path: string;
  name: string;
}

export function itemListJsonLd(items: ListedItem[], startPosition = 1): ItemList {
  return {
    '@type': 'ItemList',
    numberOfItems: items.length,
    itemListElement: items.map((item, i) => ({ '@type': 'ListItem', position: startPosition + i, url: absoluteUrl(item.path), name: item.name })),
  };
}

/** A listing page (section, topic, author, latest): CollectionPage whose main entity is the ItemList shown. */
export function collectionPageJsonLd(input: {
  locale: Locale;
  path: string;
  name: string;
  description?: string;
  items: ListedItem[];
  startPosition?: number;
}): CollectionPage {
  const url = absoluteUrl(input.path);
  return {
    '@type': 'CollectionPage',
    '@id': url,
    url,
    name: input.name,
    ...(input.description ? { description: input.description } : {}),
    inLanguage: input.locale,
    isPartOf: { '@id': websiteId(input.locale) },
    mainEntity: itemListJsonLd(input.items, input.startPosition),
  };
}

/** The JSON-LD view of an article as the article page shows it (canonical path, section, keywords, byline). */
export function articleForJsonLd(article: ArticleDetail): ArticleForJsonLd {
  const locale = article.locale as Locale;
  return {
    ...article,
    locale,
    path: paths.article(locale, article.category.slug, article.slug),
    section: article.category.name,
    keywords: article.tags.map((tag) => tag.name),
    author: { ...article.author, path: paths.author(locale, article.author.slug) },
  };
}
