/**
 * Reads the e2e database (seeded fresh by the Playwright web server) to pick real content for the specs:
 * tests assert against what the newsroom holds, not against hard-coded slugs.
 */
import Database from 'better-sqlite3';

export const E2E_DB = 'data/e2e.db';

/** The portal instances started by playwright.config.ts (the main one, then weather down, hanging, garbage). */
const appPort = Number(process.env.E2E_APP_PORT ?? 3100);
export const instances = {
  weatherDown: `http://localhost:${appPort + 1}`,
  weatherSlow: `http://localhost:${appPort + 2}`,
  weatherGarbage: `http://localhost:${appPort + 3}`,
};
export const fakeWeather = `http://127.0.0.1:${Number(process.env.E2E_WEATHER_PORT ?? 4010)}`;

export interface ArticleRef {
  id: number;
  storyId: number;
  locale: 'fr' | 'en';
  slug: string;
  title: string;
  categorySlug: string;
  kind: 'article' | 'video';
  videoDurationSeconds: number | null;
  status: string;
  publishedAt: number | null;
}

let db: Database.Database | undefined;
function open() {
  db ??= new Database(E2E_DB, { readonly: true, fileMustExist: true });
  return db;
}

const base = `select a.id, a.story_id as storyId, a.locale, a.slug, a.title, c.slug as categorySlug, a.kind,
  a.video_duration_seconds as videoDurationSeconds, a.status, a.published_at as publishedAt
  from articles a join category_translations c on c.category_id = a.category_id and c.locale = a.locale`;

const visible = `a.status = 'published' and a.published_at <= unixepoch('now') * 1000`;

/** The first column of the first row of a query (throws when there is none). */
export function scalar(query: string, ...params: unknown[]): string {
  const row = open().prepare(query).raw().get(...params) as unknown[] | undefined;
  if (!row) throw new Error(`no row for ${query}`);
  return String(row[0]);
}

export function articles(where: string, params: unknown[] = []): ArticleRef[] {
  return open().prepare(`${base} where ${where} order by a.published_at desc`).all(...params) as ArticleRef[];
}

/** A published story with both a French and an English version: [fr, en]. */
export function translatedPair(): [ArticleRef, ArticleRef] {
  const fr = articles(`${visible} and a.locale = 'fr' and a.kind = 'article' and exists (select 1 from articles b where b.story_id = a.story_id and b.locale = 'en' and b.status = 'published' and b.published_at <= unixepoch('now') * 1000)`)[0];
  if (!fr) throw new Error('no translated pair in the e2e database');
  const en = articles(`a.story_id = ? and a.locale = 'en'`, [fr.storyId])[0]!;
  return [fr, en];
}

/** A published version whose story has no published version in the other language. */
export function untranslated(locale: 'fr' | 'en'): ArticleRef {
  const found = articles(`${visible} and a.locale = ? and a.kind = 'article' and not exists (select 1 from articles b where b.story_id = a.story_id and b.locale <> a.locale)`, [locale])[0];
  if (!found) throw new Error(`no ${locale}-only article in the e2e database`);
  return found;
}

export function hidden(): ArticleRef[] {
  return articles(`not (${visible})`);
}

export function video(locale: 'fr' | 'en'): ArticleRef {
  const found = articles(`${visible} and a.locale = ? and a.kind = 'video'`, [locale])[0];
  if (!found) throw new Error('no video in the e2e database');
  return found;
}

export function articlePath(a: Pick<ArticleRef, 'locale' | 'categorySlug' | 'slug'>) {
  return `/${a.locale}/${a.categorySlug}/${a.slug}`;
}
