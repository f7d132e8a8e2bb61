/**
 * Every widget and listing query is driven by an index: EXPLAIN QUERY PLAN of each SQL statement they run must
 * never show a full scan of the articles table (`SCAN articles`), and a page's number of queries must not grow
 * with the amount of content.
 */
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countArticles, findArticle, listArticles, pageOfArticles, topicPagePlan } from '@/db/articles';
import { frontPage } from '@/db/front';
import { countSearchResults, searchArticles } from '@/db/search';
import { seedDemo } from '@/db/seed';
import { findAuthor, findTag } from '@/db/taxonomy';
import { isCountableArticle, recordViews } from '@/db/views';
import { hotThisWeek, popularCategories, recentTopics, relatedArticles } from '@/db/widgets';
import { newsroom, useTestDb } from './support/db';

interface Captured {
  sql: string;
  args: unknown[];
}

let env: ReturnType<typeof useTestDb>;
let captured: Captured[] = [];

/** Records every statement run on the connection, with its parameters. */
function record(client: Database.Database) {
  const prepare = client.prepare.bind(client);
  (client as unknown as { prepare: (sql: string) => Database.Statement }).prepare = (sql: string) => {
    const stmt = prepare(sql);
    const proxy: Database.Statement = new Proxy(stmt, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          if (prop === 'all' || prop === 'get' || prop === 'run' || prop === 'iterate') captured.push({ sql, args });
          const result = value.apply(target, args);
          return result === target ? proxy : result;
        };
      },
    });
    return proxy;
  };
}

function plan(c: Captured): string[] {
  if (process.env.SHOW_PLANS) console.log(c.sql.replace(/\s+/g, " ").slice(0, 160), "\n   ", (env.db.$client.prepare(`EXPLAIN QUERY PLAN ${c.sql}`).all(...(c.args as never[])) as { detail: string }[]).map((r) => r.detail).join(" | "));
  const rows = env.db.$client.prepare(`EXPLAIN QUERY PLAN ${c.sql}`).all(...(c.args as never[])) as { detail: string }[];
  return rows.map((r) => r.detail);
}

function expectIndexed(run: () => unknown) {
  captured = [];
  run();
  const reads = captured.filter((c) => /^\s*select/i.test(c.sql));
  expect(reads.length).toBeGreaterThan(0);
  for (const c of reads) {
    const details = plan(c);
    expect(details.filter((d) => /\bSCAN articles\b(?!_)/.test(d)), `${c.sql}\n${details.join('\n')}`).toEqual([]);
  }
  return reads.length;
}

const now = new Date();

beforeEach(() => {
  env = useTestDb();
  seedDemo(env.db, now);
  record(env.db.$client);
});
afterEach(() => env.close());

function someArticle(locale: 'fr' | 'en') {
  return env.db.$client
    .prepare(
      `select a.id, a.locale, a.slug, a.category_id as categoryId, a.author_id as authorId, c.slug as categorySlug from articles a
       join category_translations c on c.category_id = a.category_id and c.locale = a.locale
       where a.locale = ? and a.status = 'published' and exists (select 1 from article_tags t where t.article_id = a.id) limit 1`,
    )
    .get(locale) as { id: number; locale: string; slug: string; categoryId: number; authorId: number; categorySlug: string };
}

describe('query plans: no full scan of articles', () => {
  for (const locale of ['fr', 'en'] as const) {
    it(`widgets (${locale})`, () => {
      const a = someArticle(locale);
      expectIndexed(() => hotThisWeek(locale, 5, now));
      expectIndexed(() => popularCategories(locale, now));
      expectIndexed(() => recentTopics(locale, 12, now));
      expectIndexed(() => relatedArticles({ id: a.id, locale, categoryId: a.categoryId }, 4, now));
    });

    it(`listings (${locale})`, () => {
      const a = someArticle(locale);
      const tagId = (env.db.$client.prepare('select tag_id as t from article_tags where article_id = ?').get(a.id) as { t: number }).t;
      expectIndexed(() => frontPage(locale, now));
      expectIndexed(() => pageOfArticles(locale, {}, 1));
      expectIndexed(() => pageOfArticles(locale, { categoryId: a.categoryId }, 1));
      expectIndexed(() => pageOfArticles(locale, { authorId: a.authorId }, 1));
      expectIndexed(() => pageOfArticles(locale, { tagId }, 1));
      expectIndexed(() => pageOfArticles(locale, { kind: 'video' }, 1));
      expectIndexed(() => countArticles(locale, { tagId }));
      expectIndexed(() => findArticle(locale, a.categorySlug, a.slug));
      expectIndexed(() => findTag(locale, 'x'));
      expectIndexed(() => findAuthor(locale, 'x'));
    });

    it(`search (${locale})`, () => {
      expectIndexed(() => searchArticles(locale, 'cameroun economie', 1));
      expectIndexed(() => countSearchResults(locale, 'cacao'));
    });
  }

  it('view recording', () => {
    const a = someArticle('fr');
    expectIndexed(() => isCountableArticle(a.id));
    captured = [];
    recordViews([{ articleId: a.id, day: '2026-01-01', views: 3 }]);
    for (const c of captured.filter((q) => /^\s*select/i.test(q.sql))) expect(plan(c).join('\n')).not.toMatch(/\bSCAN articles\b(?!_)/);
  });
});

describe('a page makes a bounded number of queries', () => {
  it('the front page and the widgets run as many queries with 10 times more content', () => {
    const count = () =>
      expectIndexed(() => {
        frontPage('fr', now);
        hotThisWeek('fr', 5, now);
        popularCategories('fr', now);
        recentTopics('fr', 12, now);
        searchArticles('fr', 'cameroun', 1);
      });
    const before = count();
    const room = newsroom(env.db, now);
    const category = (env.db.$client.prepare("select id from categories where key = 'politics'").get() as { id: number }).id;
    const author = room.author('bulk');
    const tag = room.tag('bulk');
    for (let i = 0; i < 1000; i++) {
      const id = room.article({ categoryId: category, authorId: author, ageHours: i, tagIds: [tag], title: `Cameroun ${i}` });
      room.views(id, new Date(now.getTime() - (i % 7) * 86_400_000).toISOString().slice(0, 10), i);
    }
    expect(count()).toBe(before);
  });
});

/** The plan of every select a call runs, one string per statement. */
function plansOf(run: () => unknown): string[] {
  captured = [];
  run();
  return captured.filter((c) => /^\s*(select|with)\b/i.test(c.sql)).map((c) => plan(c).join(' | '));
}

describe('query plans: widgets and search start from the narrowest index', () => {
  it('hot this week walks one week of article_views_daily, then articles by id', () => {
    const [first, cards] = plansOf(() => hotThisWeek('fr', 5, now));
    expect(first).toMatch(/^SEARCH article_views_daily USING INDEX article_views_daily_day \(day>\? AND day<\?\) \| SEARCH articles USING INTEGER PRIMARY KEY/);
    expect(cards).toMatch(/^SEARCH articles USING INTEGER PRIMARY KEY/);
  });

  it('related articles walk the source’s topics, then articles by id', () => {
    const a = someArticle('fr');
    const [source, ...rest] = plansOf(() => relatedArticles({ id: a.id, locale: 'fr', categoryId: a.categoryId }, 4, now));
    expect(source).toMatch(/^SEARCH article_tags USING COVERING INDEX \S+ \(article_id=\?\)$/);
    // The newest candidates of each topic straight from the index, then only those are scored.
    const candidates = rest.filter((p) => p === 'SEARCH article_tags USING COVERING INDEX article_tags_tag (tag_id=?)');
    expect(candidates.length).toBeGreaterThan(0);
    const scoring = rest[candidates.length]!;
    // The candidates arrive as one JSON list (json_each), read once into the IN list.
    expect(scoring).toMatch(
      /^SEARCH article_tags USING COVERING INDEX article_tags_tag \(tag_id=\? AND article_id=\?\) \| LIST SUBQUERY \d+ \| SCAN json_each VIRTUAL TABLE INDEX \d+:? \| SEARCH articles USING INTEGER PRIMARY KEY/,
    );
  });

  it('a topic page walks the listing index newest first when the topic is a large share of the archive, its own rows when not', () => {
    // 100,000 articles, a topic on 10,000 of them: page 1 reads ~120 index entries instead of sorting 10,000 rows.
    expect(topicPagePlan(10_000, 100_000, 0, 12)).toBe('newest');
    // Deep pages of the same topic, and small topics, are cheaper from the topic's rows.
    expect(topicPagePlan(10_000, 100_000, 2_400, 12)).toBe('tagged');
    expect(topicPagePlan(50, 100_000, 0, 12)).toBe('tagged');
    expect(topicPagePlan(0, 100_000, 0, 12)).toBe('tagged');
    const a = someArticle('fr');
    const tagId = (env.db.$client.prepare('select tag_id as t from article_tags where article_id = ?').get(a.id) as { t: number }).t;
    const [newest] = plansOf(() => listArticles('fr', { tagId }, 12, 0, now, 'newest'));
    expect(newest).toMatch(/^SEARCH articles USING INDEX articles_listing \(locale=\? AND status=\? AND published_at<\?\) \| /);
    expect(newest).toMatch(/SEARCH article_tags (EXISTS )?USING COVERING INDEX \S+ \(article_id=\? AND tag_id=\?\)/);
    expect(newest).not.toMatch(/TEMP B-TREE/);
    const [tagged] = plansOf(() => listArticles('fr', { tagId }, 12, 0, now, 'tagged'));
    expect(tagged).toMatch(/SEARCH article_tags USING COVERING INDEX article_tags_tag \(tag_id=\?\)/);
  });

  it('both ways to a topic page give the same articles in the same order, on every page', () => {
    const tags = env.db.$client.prepare('select tag_id as id, count(*) as n from article_tags group by tag_id').all() as { id: number; n: number }[];
    expect(tags.length).toBeGreaterThan(3);
    for (const locale of ['fr', 'en'] as const) {
      for (const { id, n } of tags) {
        for (let offset = 0; offset < n; offset += 5) {
          const ids = (plan: 'newest' | 'tagged') => listArticles(locale, { tagId: id }, 5, offset, now, plan).map((c) => c.id);
          expect(ids('newest'), `topic ${id}, ${locale}, offset ${offset}`).toEqual(ids('tagged'));
        }
      }
    }
  });

  it('search walks the FTS matches, then the covering index of articles by id', () => {
    const [count, hits] = plansOf(() => searchArticles('fr', 'cameroun', 1));
    expect(count).toMatch(/^SCAN articles_fts VIRTUAL TABLE INDEX \d+:M\S* \| SEARCH articles USING COVERING INDEX articles_visibility \(id=\?/);
    expect(hits).toMatch(/SCAN articles_fts VIRTUAL TABLE INDEX \d+:M\S* \| SEARCH articles USING COVERING INDEX articles_visibility \(id=\?/);
  });
});

describe('the plan check itself', () => {
  it('fails on a query that reads the whole articles table', () => {
    expect(() => expectIndexed(() => env.db.$client.prepare('select id from articles where title = ?').all('x'))).toThrow(/SCAN articles/);
  });
});
