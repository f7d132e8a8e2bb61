/**
 * Times the portal's widget, listing and search queries on a large generated newsroom (not part of CI):
 *   npx tsx scripts/bench-queries.ts [articlesPerLocale]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { seedDemo } from '@/db/seed';
import { frontPage } from '@/db/front';
import { pageOfArticles } from '@/db/articles';
import { searchArticles } from '@/db/search';
import { hotThisWeek, popularCategories, recentTopics, relatedArticles } from '@/db/widgets';
import { siteDay } from '@/lib/format';

const perLocale = Number(process.argv[2] ?? 20_000);
const dir = mkdtempSync(join(tmpdir(), 'kiosque-bench-'));
const db = openDatabase(join(dir, 'bench.db'));
(globalThis as unknown as { kiosqueDb?: Db }).kiosqueDb = db;
migrateDatabase(db);
const now = new Date();
seedDemo(db, now);
const c = db.$client;
const words = ['économie', 'Cameroun', 'cacao', 'football', 'budget', 'santé', 'école', 'route', 'énergie', 'musique', 'festival', 'climat'];
const insert = c.prepare(`insert into articles (story_id, locale, slug, title, standfirst, body, kind, category_id, author_id, status, published_at, created_at, updated_at)
  values (@story, @locale, @slug, @title, @standfirst, @body, 'article', @category, @author, 'published', @at, @at, @at)`);
const story = c.prepare('insert into stories (key, created_at) values (?, ?)');
const tag = c.prepare('insert or ignore into article_tags (article_id, tag_id) values (?, ?)');
const view = c.prepare('insert or ignore into article_views_daily (article_id, day, views) values (?, ?, ?)');
const cats = (c.prepare('select id from categories').all() as { id: number }[]).map((r) => r.id);
const tags = (c.prepare('select id from tags').all() as { id: number }[]).map((r) => r.id);
const authors = (c.prepare('select id from authors').all() as { id: number }[]).map((r) => r.id);
let t0 = performance.now();
c.transaction(() => {
  for (let i = 0; i < perLocale; i++) {
    const at = now.getTime() - i * 600_000;
    const s = Number(story.run(`bench-${i}`, at).lastInsertRowid);
    for (const locale of ['fr', 'en']) {
      const w = (k: number) => words[(i * 7 + k) % words.length];
      const id = Number(
        insert.run({ story: s, locale, slug: `bench-${i}-${locale}`, title: `${w(0)} ${w(1)} ${i}`, standfirst: `${w(2)} ${w(3)}`, body: `${w(4)} ${w(5)} ${w(6)} `.repeat(40), category: cats[i % cats.length], author: authors[i % authors.length], at }).lastInsertRowid,
      );
      for (let k = 0; k < 3; k++) tag.run(id, tags[(i + k * 5) % tags.length]);
      if (i < 3000) for (let d = 0; d < 10; d++) view.run(id, siteDay(new Date(now.getTime() - d * 86_400_000)), (i % 50) + d);
    }
  }
})();
console.log(`generated ${perLocale} stories × 2 locales in ${Math.round(performance.now() - t0)} ms`);
const some = c.prepare("select id, category_id as categoryId from articles where locale = 'fr' and slug like 'bench-%' limit 1 offset 500").get() as { id: number; categoryId: number };

function time(name: string, run: () => unknown, n = 20) {
  run();
  t0 = performance.now();
  for (let i = 0; i < n; i++) run();
  console.log(`${name.padEnd(34)} ${((performance.now() - t0) / n).toFixed(2)} ms`);
}
time('hotThisWeek(fr)', () => hotThisWeek('fr', 5, now));
time('popularCategories(fr)', () => popularCategories('fr', now));
time('recentTopics(fr)', () => recentTopics('fr', 12, now));
time('relatedArticles', () => relatedArticles({ id: some.id, locale: 'fr', categoryId: some.categoryId }, 4, now));
time('frontPage(fr)', () => frontPage('fr', now));
time('latest page 1', () => pageOfArticles('fr', {}, 1));
time('latest page 500', () => pageOfArticles('fr', {}, 500));
time('section page 1', () => pageOfArticles('fr', { categoryId: some.categoryId }, 1));
time('topic page 1', () => pageOfArticles('fr', { tagId: tags[0] }, 1));
time('search "economie"', () => searchArticles('fr', 'economie', 1));
time('search "cameroun cac"', () => searchArticles('fr', 'cameroun cac', 1));
time('search 1000 chars', () => searchArticles('fr', 'économie '.repeat(111), 1));
db.$client.close();
rmSync(dir, { recursive: true, force: true });
