import type { MetadataRoute } from 'next';
import { locales } from '@/i18n/routing';
import { paths } from '@/i18n/paths';
import { absoluteUrl } from '@/lib/site';

// Crawlers may read everything but the API, the newsroom and search results (infinite, thin pages); the index lists the rest.
export const revalidate = 3600;

/** The search page and its queries, without catching a section whose slug merely starts with the same word. */
function searchRules(path: string) {
  return [`${path}$`, `${path}?`, `${path}/`];
}

export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: ['/api/', '/newsroom', ...locales.flatMap((l) => searchRules(paths.search(l)))] }],
    sitemap: absoluteUrl(paths.sitemapIndex()),
  };
}
