import type { Locale } from '@/i18n/routing';
import { MARK_END, MARK_START } from '@/lib/highlight';
import { cardsByIds, type ArticleCard, type Page } from './articles';
import { getDb, type Db } from './client';
import { visibleSql } from './visibility';

/*
 * Full-text search over the `articles_fts` FTS5 index (title, standfirst, body as the text readers see — no Markdown,
 * see lib/plain-text.ts; unicode61 with remove_diacritics 2, kept in sync by the triggers of migration 0003). Reader input never reaches FTS5 as
 * syntax: it is cut into words, each word becomes an FTS string ("…"), the last one a prefix ("…"*).
 */

/** At most this many words are searched (the rest of a very long query is ignored). */
export const MAX_QUERY_WORDS = 12;
const MAX_WORD_LENGTH = 64;
export const SEARCH_PAGE_SIZE = 10;

/** Words of a query as the unicode61 tokenizer sees them: runs of letters, digits and combining marks. */
export function queryWords(input: string): string[] {
  const words = input.normalize('NFKC').match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
  return words.slice(0, MAX_QUERY_WORDS).map((w) => Array.from(w).slice(0, MAX_WORD_LENGTH).join(''));
}

/**
 * A safe FTS5 MATCH expression for reader input, or null when there is nothing to search. Every word is a
 * quoted string (FTS5 operators such as OR, NOT, NEAR(, -, *, ^, column filters become plain words), all
 * words must match, and the last one matches as a prefix so that results come while typing.
 */
export function buildMatchQuery(input: string): string | null {
  const words = queryWords(input);
  if (!words.length) return null;
  return words.map((w, i) => `"${w.replaceAll('"', '')}"${i === words.length - 1 ? '*' : ''}`).join(' ');
}

export interface SearchHit {
  article: ArticleCard;
  /**
   * Title and an excerpt with matches between MARK_START and MARK_END (see lib/highlight.ts): of the body when the
   * words are in it, else of the standfirst; when only the title matches, the title carries the marks.
   */
  title: string;
  snippet: string;
}

/** Relevance (bm25, title weighs most) divided by an age factor: a month-old article needs twice the relevance. */
const RECENCY_MS = 30 * 86_400_000;

// CROSS JOIN keeps the FTS index as the outer loop: matches first, then each article by id, read from the covering
// index articles_visibility (named, so the plan does not depend on ANALYZE statistics): the visibility columns
// come after the body in a row, and reading them from the table walks the body's overflow pages.
const visible = `articles.locale = @locale and ${visibleSql('articles')}`;

/*
 * Measured (30,000 articles, `npm run db:generate`, common words matching 10,000–14,000 articles): taking the top 400
 * by bm25 inside FTS5 first (`rank MATCH 'bm25(10, 4, 1)' ORDER BY rank LIMIT 400`), then re-ranking them by recency,
 * took 104–175 ms a search against 63–115 ms for the ranking below, because FTS5 scores every match either way and
 * the top-N also scores the other language's. So the ranking stays as it is; search's share of the server is bounded
 * in front of it instead (lib/server/search-guard.ts: per-client rate, searches in flight, searches per second).
 */
const statements = new WeakMap<Db, ReturnType<typeof prepare>>();

function prepare(db: Db) {
  const client = db.$client;
  return {
    // Two steps: rank every match (cheap) and keep one page, then highlight only that page. In one step SQLite
    // computes highlight() and snippet() for every match before sorting: 660 ms for a common word at 100,000
    // articles, against a few ms this way.
    hits: client.prepare<
      { match: string; locale: string; now: number; limit: number; offset: number },
      { id: number; title: string; body: string; standfirst: string }
    >(
      `with page as (
         select articles.id as id, bm25(articles_fts, 10.0, 4.0, 1.0) / (1.0 + (@now - articles.published_at) / ${RECENCY_MS}.0) as score
         from articles_fts cross join articles indexed by articles_visibility on articles.id = articles_fts.rowid
         where articles_fts match @match and ${visible}
         order by score, articles.id desc
         limit @limit offset @offset
       )
       select page.id as id,
         highlight(articles_fts, 0, '${MARK_START}', '${MARK_END}') as title,
         snippet(articles_fts, 2, '${MARK_START}', '${MARK_END}', '…', 24) as body,
         snippet(articles_fts, 1, '${MARK_START}', '${MARK_END}', '…', 24) as standfirst
       from page cross join articles_fts on articles_fts.rowid = page.id
       where articles_fts match @match
       order by page.score, page.id desc`,
    ),
    count: client.prepare<{ match: string; locale: string; now: number }, { n: number }>(
      `select count(*) as n from articles_fts cross join articles indexed by articles_visibility on articles.id = articles_fts.rowid
       where articles_fts match @match and ${visible}`,
    ),
  };
}

/** The excerpt that shows the matched words: the body's when it has them, else the standfirst's, else the body's. */
export function pickSnippet(body: string, standfirst: string): string {
  if (body.includes(MARK_START)) return body;
  if (standfirst.includes(MARK_START)) return standfirst;
  return body || standfirst;
}

function stmts() {
  const db = getDb();
  let s = statements.get(db);
  if (!s) {
    s = prepare(db);
    statements.set(db, s);
  }
  return s;
}

/** The number of results of `query` in `locale` (0 for an empty query). */
export function countSearchResults(locale: Locale, query: string, now = new Date()): number {
  const match = buildMatchQuery(query);
  if (!match) return 0;
  return stmts().count.get({ match, locale, now: now.getTime() })?.n ?? 0;
}

/**
 * One page of results for `query` in `locale`, best first; null when the page number is beyond the last page.
 * An empty query (or one without any word) gives an empty first page.
 */
export function searchArticles(locale: Locale, query: string, page = 1, pageSize = SEARCH_PAGE_SIZE, now = new Date()): Page<SearchHit> | null {
  const match = buildMatchQuery(query);
  const total = match ? (stmts().count.get({ match, locale, now: now.getTime() })?.n ?? 0) : 0;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  if (!Number.isInteger(page) || page < 1 || page > pageCount) return null;
  if (!match || total === 0) return { items: [], total: 0, page, pageCount };
  const rows = stmts().hits.all({ match, locale, now: now.getTime(), limit: pageSize, offset: (page - 1) * pageSize });
  const cards = new Map(
    cardsByIds(
      locale,
      rows.map((r) => r.id),
      now,
    ).map((c) => [c.id, c]),
  );
  const items = rows.flatMap((r) => {
    const article = cards.get(r.id);
    return article ? [{ article, title: r.title, snippet: pickSnippet(r.body, r.standfirst) }] : [];
  });
  return { items, total, page, pageCount };
}
