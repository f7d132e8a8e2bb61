import { getConfig } from './config';

/** Absolute origin for canonical URLs, feeds and sitemaps (SITE_URL, without trailing slash). */
export function getSiteUrl(): string {
  return getConfig().SITE_URL;
}

export function absoluteUrl(path: string): string {
  return new URL(path, `${getSiteUrl()}/`).toString();
}
