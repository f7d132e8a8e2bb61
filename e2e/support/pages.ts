/**
 * The page types every reader-facing check runs on (accessibility, phones, language quality, no JavaScript).
 * ONE list: a new page type is one line here, and every a11y/phone/language spec picks it up.
 *
 * Paths are functions, called inside the tests: the e2e database is (re)built by the Playwright web server after
 * the spec files are loaded, so nothing here may read it at import time.
 */
import { articlePath, articles, scalar, translatedPair, video } from './fixtures';

export const locales = ['fr', 'en'] as const;
export type Locale = (typeof locales)[number];

export interface PageDescriptor {
  /** Shown in test titles. */
  name: string;
  /** Path (with the locale prefix) of one real page of this type in that locale. */
  path: (locale: Locale) => string;
  /** Expected HTTP status (default 200). */
  status?: number;
  /** An article-like page: one story, with body text (print, selection checks). */
  article?: boolean;
}

const visible = `a.status = 'published' and a.published_at <= unixepoch('now') * 1000`;

/** The slug of the section with the most visible articles in that locale (it has at least two pages). */
export function biggestSection(locale: Locale): string {
  const counts = new Map<string, number>();
  for (const a of articles(`${visible} and a.locale = ?`, [locale])) counts.set(a.categorySlug, (counts.get(a.categorySlug) ?? 0) + 1);
  const [slug] = [...counts.entries()].sort((x, y) => y[1] - x[1])[0] ?? [];
  if (!slug) throw new Error(`no section in ${locale}`);
  return slug;
}

/** The slug of the topic with the most visible articles in that locale. */
function busiestTopic(locale: Locale): string {
  return scalar(
    `select t.slug from article_tags at join articles a on a.id = at.article_id
     join tag_translations t on t.tag_id = at.tag_id and t.locale = a.locale
     where ${visible} and a.locale = ? group by t.slug order by count(*) desc limit 1`,
    locale,
  );
}

/** The slug of the byline with the most visible articles in that locale. */
function busiestAuthor(locale: Locale): string {
  return scalar(
    `select t.slug from articles a join author_translations t on t.author_id = a.author_id and t.locale = a.locale
     where ${visible} and a.locale = ? group by t.slug order by count(*) desc limit 1`,
    locale,
  );
}

const notFoundPath = { fr: '/fr/rubrique-inconnue', en: '/en/unknown-section' } as const;

export const pages: PageDescriptor[] = [
  { name: 'front page', path: (l) => `/${l}` },
  { name: 'section', path: (l) => `/${l}/${biggestSection(l)}` },
  { name: 'section page 2', path: (l) => `/${l}/${biggestSection(l)}/page/2` },
  { name: 'article', path: (l) => articlePath(translatedPair()[l === 'fr' ? 0 : 1]), article: true },
  { name: 'video article', path: (l) => articlePath(video(l)), article: true },
  { name: '404', path: (l) => notFoundPath[l], status: 404 },
  { name: 'topic', path: (l) => `/${l}/${l === 'fr' ? 'sujets' : 'topics'}/${busiestTopic(l)}` },
  { name: 'author', path: (l) => `/${l}/${l === 'fr' ? 'auteurs' : 'authors'}/${busiestAuthor(l)}` },
  { name: 'topics A–Z', path: (l) => `/${l}/${l === 'fr' ? 'sujets' : 'topics'}` },
  { name: 'authors & agencies', path: (l) => `/${l}/${l === 'fr' ? 'auteurs' : 'authors'}` },
  { name: 'latest news', path: (l) => `/${l}/${l === 'fr' ? 'actualites' : 'latest'}` },
  { name: 'search with results', path: (l) => `/${l}/${l === 'fr' ? 'recherche?q=cameroun' : 'search?q=cameroon'}` },
  { name: 'search without results', path: (l) => `/${l}/${l === 'fr' ? 'recherche' : 'search'}?q=zqxwvj` },
];

/**
 * Interface features that are not on every branch yet. When a feature lands, flip it to true: the keyboard and
 * no-JavaScript specs then require it (and fail if it is missing).
 */
export const features = {
  /** A search form (role="search") in the site header. */
  searchForm: true,
};
