/**
 * XML for the sitemaps protocol (https://www.sitemaps.org/protocol.html) with the image, xhtml (hreflang) and
 * Google News extensions. Pure string building with every text and attribute escaped.
 */
import { isoDateTimeWithOffset } from './format';

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    // Characters XML 1.0 forbids (control characters other than tab, newline, carriage return).
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NS_SITEMAP = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const NS_XHTML = 'http://www.w3.org/1999/xhtml';
const NS_IMAGE = 'http://www.google.com/schemas/sitemap-image/1.1';
const NS_NEWS = 'http://www.google.com/schemas/sitemap-news/0.9';

export interface IndexEntry {
  loc: string;
  lastmod?: Date | null;
}

export function sitemapIndexXml(entries: IndexEntry[]): string {
  const body = entries
    .map((e) => `<sitemap><loc>${escapeXml(e.loc)}</loc>${e.lastmod ? `<lastmod>${isoDateTimeWithOffset(e.lastmod)}</lastmod>` : ''}</sitemap>`)
    .join('\n');
  return `${DECLARATION}<sitemapindex xmlns="${NS_SITEMAP}">\n${body}\n</sitemapindex>\n`;
}

export interface UrlEntry {
  loc: string;
  lastmod?: Date | null;
  /** hreflang → absolute URL, including the page itself and x-default (empty when the page has no translation). */
  alternates?: Record<string, string>;
  images?: { loc: string; title?: string }[];
}

export function urlsetXml(urls: UrlEntry[]): string {
  const body = urls
    .map((u) => {
      const parts = [`<loc>${escapeXml(u.loc)}</loc>`];
      if (u.lastmod) parts.push(`<lastmod>${isoDateTimeWithOffset(u.lastmod)}</lastmod>`);
      for (const [hreflang, href] of Object.entries(u.alternates ?? {})) {
        parts.push(`<xhtml:link rel="alternate" hreflang="${escapeXml(hreflang)}" href="${escapeXml(href)}"/>`);
      }
      for (const image of u.images ?? []) {
        parts.push(`<image:image><image:loc>${escapeXml(image.loc)}</image:loc>${image.title ? `<image:title>${escapeXml(image.title)}</image:title>` : ''}</image:image>`);
      }
      return `<url>${parts.join('')}</url>`;
    })
    .join('\n');
  return `${DECLARATION}<urlset xmlns="${NS_SITEMAP}" xmlns:xhtml="${NS_XHTML}" xmlns:image="${NS_IMAGE}">\n${body}\n</urlset>\n`;
}

export interface NewsEntry {
  loc: string;
  publicationName: string;
  /** ISO 639 language code of the article. */
  language: string;
  publicationDate: Date;
  title: string;
}

export function newsSitemapXml(entries: NewsEntry[]): string {
  const body = entries
    .map(
      (e) =>
        `<url><loc>${escapeXml(e.loc)}</loc><news:news><news:publication><news:name>${escapeXml(e.publicationName)}</news:name>` +
        `<news:language>${escapeXml(e.language)}</news:language></news:publication>` +
        `<news:publication_date>${isoDateTimeWithOffset(e.publicationDate)}</news:publication_date>` +
        `<news:title>${escapeXml(e.title)}</news:title></news:news></url>`,
    )
    .join('\n');
  return `${DECLARATION}<urlset xmlns="${NS_SITEMAP}" xmlns:news="${NS_NEWS}">\n${body}\n</urlset>\n`;
}
