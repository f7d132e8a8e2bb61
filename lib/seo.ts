/**
 * Page metadata (title, description, canonical, hreflang, Open Graph, Twitter card, robots, feed discovery) for
 * every page type, built from one description of the page. Pure: no React, no SQL, no next-intl — a page's
 * generateMetadata collects the strings and paths and calls `buildMetadata`.
 *
 * Rules it enforces:
 *  - canonical and every alternate are absolute URLs on SITE_URL;
 *  - hreflang only to language versions that exist (`paths` holds only those), plus `x-default` → the default
 *    locale's version, or the current page when there is none;
 *  - `og:locale:alternate` only for versions that exist;
 *  - `max-image-preview:large` everywhere, `noindex, follow` where asked (search results, non-content pages).
 */
import type { Metadata } from 'next';
import { defaultLocale, locales, type Locale } from '@/i18n/routing';
import { siteName } from '@/db/settings';
import { isoDateTimeWithOffset } from './format';
import { absoluteUrl } from './site';

export const OG_LOCALES: Record<Locale, string> = { fr: 'fr_FR', en: 'en_US' };

export interface SeoImage {
  /** Absolute URL or site path. */
  url: string;
  width?: number;
  height?: number;
  alt: string;
  type?: string;
}

export interface SeoFeed {
  title: string;
  /** Site path or absolute URL of an RSS 2.0 feed. */
  url: string;
}

export interface SeoArticle {
  publishedTime: Date;
  modifiedTime: Date;
  section: string;
  /** Author page paths or URLs (og `article:author` wants profile URLs). */
  authors?: string[];
  tags?: string[];
}

export interface SeoInput {
  locale: Locale;
  /** The page's path in every locale where it exists (must include `locale`). */
  paths: Partial<Record<Locale, string>>;
  /** Page title; the layout's template adds the site name unless `absoluteTitle`. */
  title: string;
  absoluteTitle?: boolean;
  description?: string;
  image?: SeoImage | null;
  type?: 'website' | 'article';
  article?: SeoArticle;
  noindex?: boolean;
  /** RSS feeds to advertise with <link rel="alternate" type="application/rss+xml">. */
  feeds?: SeoFeed[];
}

export function hreflangAlternates(current: Locale, paths: Partial<Record<Locale, string>>): Record<string, string> {
  const languages: Record<string, string> = {};
  for (const locale of locales) {
    const path = paths[locale];
    if (path) languages[locale] = absoluteUrl(path);
  }
  const fallback = paths[defaultLocale] ?? paths[current];
  if (fallback) languages['x-default'] = absoluteUrl(fallback);
  return languages;
}

export const ROBOTS_INDEX = { index: true, follow: true, 'max-image-preview': 'large', 'max-snippet': -1, 'max-video-preview': -1 } as const;
export const ROBOTS_NOINDEX = { index: false, follow: true, 'max-image-preview': 'large' } as const;

export function buildMetadata(input: SeoInput): Metadata {
  const path = input.paths[input.locale];
  if (!path) throw new Error(`buildMetadata: no path for the page's own locale ${input.locale}`);
  const canonical = absoluteUrl(path);
  const title = input.absoluteTitle ? { absolute: input.title } : input.title;
  const images = input.image
    ? [
        {
          url: absoluteUrl(input.image.url),
          alt: input.image.alt,
          ...(input.image.width ? { width: input.image.width } : {}),
          ...(input.image.height ? { height: input.image.height } : {}),
          ...(input.image.type ? { type: input.image.type } : {}),
        },
      ]
    : undefined;
  const alternateLocale = locales.filter((l) => l !== input.locale && input.paths[l]).map((l) => OG_LOCALES[l]);
  const common = {
    url: canonical,
    siteName: siteName(),
    title: input.title,
    ...(input.description ? { description: input.description } : {}),
    locale: OG_LOCALES[input.locale],
    ...(alternateLocale.length ? { alternateLocale } : {}),
    ...(images ? { images } : {}),
  };
  const openGraph: Metadata['openGraph'] =
    input.type === 'article' && input.article
      ? {
          ...common,
          type: 'article',
          publishedTime: isoDateTimeWithOffset(input.article.publishedTime),
          modifiedTime: isoDateTimeWithOffset(input.article.modifiedTime),
          section: input.article.section,
          ...(input.article.authors?.length ? { authors: input.article.authors.map((a) => absoluteUrl(a)) } : {}),
          ...(input.article.tags?.length ? { tags: input.article.tags } : {}),
        }
      : { ...common, type: 'website' };
  const feeds = input.feeds?.length
    ? { types: { 'application/rss+xml': input.feeds.map((f) => ({ title: f.title, url: absoluteUrl(f.url) })) } }
    : {};
  return {
    title,
    ...(input.description ? { description: input.description } : {}),
    alternates: { canonical, languages: hreflangAlternates(input.locale, input.paths), ...feeds },
    openGraph,
    twitter: {
      card: 'summary_large_image',
      title: input.title,
      ...(input.description ? { description: input.description } : {}),
      ...(images ? { images } : {}),
    },
    robots: input.noindex ? ROBOTS_NOINDEX : ROBOTS_INDEX,
  };
}
