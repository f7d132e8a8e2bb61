/**
 * The reader page types that `npm run bench`, `npm run lighthouse` and the budget test measure: the one list to
 * extend when a page type is added (author pages, latest, video…). Each type picks real URLs from the database
 * the server runs on, so the measures follow the content, not hard-coded slugs.
 *
 * - `hot`: the URL measured under load (served from the Next cache once warmed).
 * - `misses`: URLs that are not in the cache yet (render on first request), for cache-miss render time; or
 *   'revalidate' when the page type has few URLs, all prerendered: the bench then revalidates the page through
 *   /api/revalidate before each timed request.
 * - Routes that do not exist yet (404 on the hot URL) are skipped by the bench with a note.
 */
import Database from 'better-sqlite3';
import { paths } from '../../i18n/paths';

export interface Probe {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  headers?: Record<string, string>;
  /** Spread the requests over this many readers (X-Forwarded-For), see scripts/perf/wrk.ts. */
  readers?: number;
}

/** A phone browser's user agent. */
export const READER_UA = 'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36';

export interface PageType {
  key: string;
  label: string;
  /** Also audited by `npm run lighthouse`. */
  lighthouse?: boolean;
  hot(db: ContentDb): Probe | null;
  misses(db: ContentDb, count: number): Probe[] | 'revalidate';
}

const get = (path: string): Probe => ({ method: 'GET', path });
const visible = `a.status = 'published' and a.published_at <= unixepoch('now') * 1000`;
/** Matches PRERENDERED_ARTICLES in app/[locale]/[category]/[slug]/page.tsx: older articles are rendered on demand. */
const PRERENDERED_ARTICLES = 200;

export class ContentDb {
  private readonly db: Database.Database;
  constructor(file: string) {
    this.db = new Database(file, { readonly: true, fileMustExist: true });
  }
  close() {
    this.db.close();
  }
  articleCount(): number {
    return (this.db.prepare('select count(*) as n from articles').get() as { n: number }).n;
  }
  /** Published French articles, newest first, skipping `offset`. */
  articles(limit: number, offset = 0, where = '1') {
    return this.db
      .prepare(
        `select a.id, a.slug, c.slug as categorySlug from articles a
         join category_translations c on c.category_id = a.category_id and c.locale = a.locale
         where ${visible} and a.locale = 'fr' and a.kind = 'article' and ${where}
         order by a.published_at desc, a.id desc limit ? offset ?`,
      )
      .all(limit, offset) as { id: number; slug: string; categorySlug: string }[];
  }
  /** Old articles spread over the archive (never prerendered): every `step`-th article beyond the prerendered ones. */
  oldArticles(count: number) {
    const total = (this.db.prepare(`select count(*) as n from articles a where ${visible} and a.locale = 'fr' and a.kind = 'article'`).get() as { n: number }).n;
    const available = Math.max(0, total - PRERENDERED_ARTICLES * 2);
    const step = Math.max(1, Math.floor(available / count));
    const out = [];
    for (let i = 0; i < count && PRERENDERED_ARTICLES * 2 + i * step < total; i++) out.push(...this.articles(1, PRERENDERED_ARTICLES * 2 + i * step));
    return out;
  }
  sections() {
    return this.db
      .prepare(
        `select c.slug, count(a.id) as n from category_translations c
         left join articles a on a.category_id = c.category_id and a.locale = c.locale and ${visible}
         where c.locale = 'fr' group by c.slug order by n desc`,
      )
      .all() as { slug: string; n: number }[];
  }
  topics() {
    return this.db
      .prepare(
        `select t.slug, count(*) as n from tag_translations t join article_tags at on at.tag_id = t.tag_id
         join articles a on a.id = at.article_id and a.locale = 'fr' and ${visible}
         where t.locale = 'fr' group by t.slug order by n desc`,
      )
      .all() as { slug: string; n: number }[];
  }
}

const SEARCH_WORDS = ['douala', 'budget', 'cacao', 'stade', 'vaccination', 'festival', 'routes', 'port', 'élections', 'musée', 'Garoua', 'syndicat'];

export const pageTypes: PageType[] = [
  {
    key: 'front',
    label: 'Front page',
    lighthouse: true,
    hot: () => get(paths.home('fr')),
    misses: () => 'revalidate',
  },
  {
    key: 'section',
    label: 'Section',
    lighthouse: true,
    hot: (db) => {
      const s = db.sections()[0];
      return s ? get(paths.section('fr', s.slug)) : null;
    },
    // Page 1 is prerendered; pages 2–6 of each section render on demand.
    misses: (db, count) =>
      db
        .sections()
        .flatMap((s) => [2, 3, 4, 5, 6].filter((p) => (p - 1) * 12 < s.n).map((p) => get(paths.section('fr', s.slug, p))))
        .slice(0, count),
  },
  {
    key: 'article',
    label: 'Article',
    lighthouse: true,
    hot: (db) => {
      const a = db.articles(1)[0];
      return a ? get(paths.article('fr', a.categorySlug, a.slug)) : null;
    },
    misses: (db, count) => db.oldArticles(count).map((a) => get(paths.article('fr', a.categorySlug, a.slug))),
  },
  {
    key: 'topic',
    label: 'Topic',
    hot: (db) => {
      const t = db.topics()[0];
      return t ? get(paths.topic('fr', t.slug)) : null;
    },
    // Topic pages are not prerendered: each one's first request renders it (the first topic is the warm one).
    misses: (db, count) =>
      db
        .topics()
        .slice(1)
        .flatMap((t) => [1, 2].filter((p) => (p - 1) * 12 < t.n).map((p) => get(paths.topic('fr', t.slug, p))))
        .slice(0, count),
  },
  {
    key: 'search',
    label: 'Search',
    lighthouse: true,
    hot: () => get(paths.search('fr', 'douala')),
    // Search is dynamic: every request renders. Distinct queries so that no layer can answer from a cache.
    misses: (_db, count) => SEARCH_WORDS.slice(0, count).map((w) => get(paths.search('fr', w))),
  },
  {
    key: 'beacon',
    label: 'View beacon (POST /api/views)',
    hot: (db) => {
      const a = db.articles(1)[0];
      // Adjust the body here if the beacon's contract changes (one place for bench and tests).
      // A phone browser (no user agent = a bot, whose beacon is ignored with a 204), from 40,000 different readers
      // (the rate limit is per reader; wrk only: autocannon sends every beacon from one reader, mostly 429s).
      return a
        ? {
            method: 'POST',
            path: '/api/views',
            body: JSON.stringify({ articleId: a.id }),
            headers: { 'content-type': 'application/json', 'user-agent': READER_UA },
            readers: 40_000,
          }
        : null;
    },
    misses: () => [],
  },
];
