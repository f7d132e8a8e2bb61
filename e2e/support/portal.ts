/** Portal fixtures: topics, authors and counts read from the e2e database (what the newsroom really holds). */
import Database from 'better-sqlite3';
import { E2E_DB } from './fixtures';

type Locale = 'fr' | 'en';
const other = (l: Locale): Locale => (l === 'fr' ? 'en' : 'fr');

let db: Database.Database | undefined;
function open() {
  db ??= new Database(E2E_DB, { readonly: true, fileMustExist: true });
  return db;
}

const visible = `a.status = 'published' and a.published_at <= unixepoch('now') * 1000`;

/** The topic with the most visible articles in `locale`, with its slug in the other language. */
export function busiestTopic(locale: Locale) {
  return open()
    .prepare(
      `select t.slug, t.name, o.slug as otherSlug, o.name as otherName, count(*) as n from tag_translations t
       join tag_translations o on o.tag_id = t.tag_id and o.locale = ?
       join article_tags x on x.tag_id = t.tag_id join articles a on a.id = x.article_id and a.locale = t.locale
       where t.locale = ? and ${visible} group by t.tag_id order by n desc limit 1`,
    )
    .get(other(locale), locale) as { slug: string; name: string; otherSlug: string; otherName: string; n: number };
}

/** The author with the most visible articles in `locale`, with bio and slug in the other language. */
export function busiestAuthor(locale: Locale) {
  return open()
    .prepare(
      `select t.slug, t.name, t.bio, o.slug as otherSlug, count(*) as n from author_translations t
       join author_translations o on o.author_id = t.author_id and o.locale = ?
       join articles a on a.author_id = t.author_id and a.locale = t.locale
       where t.locale = ? and ${visible} group by t.author_id order by n desc limit 1`,
    )
    .get(other(locale), locale) as { slug: string; name: string; bio: string; otherSlug: string; n: number };
}

export function visibleCount(locale: Locale): number {
  return (open().prepare(`select count(*) as n from articles a where a.locale = ? and ${visible}`).get(locale) as { n: number }).n;
}

export function viewsOf(articleId: number): number {
  return (open().prepare('select coalesce(sum(views), 0) as n from article_views_daily where article_id = ?').get(articleId) as { n: number }).n;
}

export const PAGE_SIZE = 12;
export const fixed = {
  topics: { fr: 'sujets', en: 'topics' },
  authors: { fr: 'auteurs', en: 'authors' },
  latest: { fr: 'actualites', en: 'latest' },
  search: { fr: 'recherche', en: 'search' },
} as const;
export const switcherName = { fr: 'Choix de la langue', en: 'Language' } as const;
export const languageName = { fr: 'Français', en: 'English' } as const;
export { other };
