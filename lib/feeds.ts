/**
 * RSS 2.0 feeds built with the `feed` library: absolute links, GUIDs that never change (the version's id, not its
 * slug), the hero image as an enclosure, the section as category.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { Feed } from 'feed';
import { MEDIA_URL_PREFIX, publicMediaDir } from '@/lib/media/paths';
import type { Locale } from '@/i18n/routing';
import { paths } from '@/i18n/paths';
import type { ArticleCard } from '@/db/articles';
import { siteName } from '@/db/settings';
import { absoluteUrl } from './site';

export const FEED_SIZE = 50;

/** Permanent GUID of an article version: survives slug and section changes. */
export const articleGuid = (id: number) => `urn:kiosque:article:${id}`;

const IMAGE_TYPES: Record<string, string> = {
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  avif: 'image/avif',
  gif: 'image/gif',
};

function enclosure(path: string) {
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? '';
  let length = 0;
  if (path.startsWith('/') && !path.includes('..')) {
    try {
      length = statSync(join(process.cwd(), 'public', path)).size;
    } catch {
      length = 0; // not a file shipped in public/: size unknown
    }
  }
  return { url: absoluteUrl(path), type: IMAGE_TYPES[ext] ?? 'application/octet-stream', length };
}

/** A library photo's enclosure: its 1200 px 16:9 JPEG (or the widest there is), size read from MEDIA_DIR. */
function photoEnclosure(photo: NonNullable<ArticleCard['photo']>) {
  const jpeg = photo.sources.jpeg.find((s) => s.width === 1200) ?? photo.sources.jpeg.at(-1);
  if (!jpeg) return null;
  let length = 0;
  try {
    length = statSync(join(publicMediaDir(), jpeg.url.slice(MEDIA_URL_PREFIX.length))).size;
  } catch {
    length = 0;
  }
  return { url: absoluteUrl(jpeg.url), type: 'image/jpeg', length };
}

export interface FeedInput {
  locale: Locale;
  title: string;
  description: string;
  /** The HTML page the feed mirrors (front page or section). */
  pagePath: string;
  feedPath: string;
  items: ArticleCard[];
}

export function renderRss(input: FeedInput): string {
  const feed = new Feed({
    id: absoluteUrl(input.pagePath),
    title: input.title,
    description: input.description,
    link: absoluteUrl(input.pagePath),
    language: input.locale,
    feedLinks: { rss: absoluteUrl(input.feedPath) },
    image: absoluteUrl('/logo.png'),
    copyright: `© ${siteName()}`,
    generator: false,
    ttl: 5,
    updated: input.items.reduce<Date | undefined>((max, a) => (!max || a.updatedAt > max ? a.updatedAt : max), undefined),
  });
  for (const a of input.items) {
    const link = absoluteUrl(paths.article(input.locale, a.category.slug, a.slug));
    feed.addItem({
      title: a.title,
      id: articleGuid(a.id),
      guid: articleGuid(a.id),
      link,
      date: a.publishedAt,
      published: a.publishedAt,
      description: a.standfirst,
      author: [{ name: a.author.name, link: absoluteUrl(paths.author(input.locale, a.author.slug)) }],
      category: [{ name: a.category.name, domain: absoluteUrl(paths.section(input.locale, a.category.slug)) }],
      ...(a.photo && photoEnclosure(a.photo) ? { enclosure: photoEnclosure(a.photo)! } : a.heroImage ? { enclosure: enclosure(a.heroImage) } : {}),
    });
  }
  return feed.rss2();
}
