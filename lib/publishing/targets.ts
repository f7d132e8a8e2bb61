/**
 * Which cached reader pages an article touches. Pure: from the article's places (db/article-writes
 * readerPlacesOf, read before and after a change) to the revalidatePath calls that refresh them.
 *
 * Next's cache keys a page by tags derived from its route file (`/[locale]/latest/page/[n]/page`, and a
 * `…/layout` tag for every folder above it) and by its pathname. A literal path refreshes one page; a route
 * pattern with type `layout` refreshes every page below that folder (all the pages of a listing, every sitemap
 * file). Fixed pages are rewritten from their localized name (`/fr/sujets/x` → `/fr/topics/x`): both names are
 * given, whichever the cache recorded.
 */
import { fixedPaths, locales, type Locale } from '@/i18n/routing';
import { paths, FEED_FILE, OG_IMAGE_SEGMENT } from '@/i18n/paths';

export interface RefreshTarget {
  path: string;
  type?: 'layout' | 'page';
}

export interface Places {
  locale: Locale;
  articleUrls: string[];
  sectionSlug: string | null;
  topicSlugs: string[];
  authorSlug: string | null;
  otherVersionUrls: string[];
}

function fixed(locale: Locale, page: keyof typeof fixedPaths, rest = ''): string[] {
  const internal = `/${locale}/${page}${rest}`;
  const public_ = `/${locale}/${fixedPaths[page][locale]}${rest}`;
  return internal === public_ ? [internal] : [public_, internal];
}

/** Every page the article appears on, for each state given (before and after the change). */
export function refreshTargets(states: (Places | null | undefined)[]): RefreshTarget[] {
  const out = new Map<string, RefreshTarget>();
  const add = (path: string, type?: RefreshTarget['type']) => out.set(`${type ?? ''} ${path}`, type ? { path, type } : { path });
  const touchedLocales = new Set<Locale>();
  for (const s of states) {
    if (!s) continue;
    const { locale } = s;
    touchedLocales.add(locale);
    for (const url of [...s.articleUrls, ...s.otherVersionUrls]) {
      add(url);
      add(`${url}/${OG_IMAGE_SEGMENT}`);
    }
    add(paths.home(locale));
    add(paths.feed(locale));
    if (s.sectionSlug) {
      add(paths.section(locale, s.sectionSlug));
      add(paths.sectionFeed(locale, s.sectionSlug));
    }
    for (const slug of s.topicSlugs) for (const p of fixed(locale, 'topics', `/${slug}`)) add(p);
    if (s.authorSlug) for (const p of fixed(locale, 'authors', `/${s.authorSlug}`)) add(p);
    for (const p of fixed(locale, 'latest')) add(p);
  }
  if (touchedLocales.size) {
    // The numbered pages of every listing (an article moves every later one by a place), both locales' patterns.
    add('/[locale]/[category]/page/[n]', 'page');
    add('/[locale]/topics/[slug]/page/[n]', 'page');
    add('/[locale]/authors/[slug]/page/[n]', 'page');
    add('/[locale]/latest/page/[n]', 'page');
    // Sitemaps: the index and every file (articles per locale, sections, topics, authors, news).
    add(paths.sitemapIndex());
    add('/sitemaps', 'layout');
  }
  return [...out.values()];
}

/** The whole site: the header strip's date turns over at midnight in the site's time zone. */
export const EVERYTHING: RefreshTarget[] = [{ path: '/', type: 'layout' }];

export { FEED_FILE, locales };
