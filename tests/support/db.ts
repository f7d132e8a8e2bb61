/**
 * A real SQLite file, migrated with db/migrate, with hand-made rows; installed as the process-wide
 * connection that the db/ query modules use.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import {
  articles,
  articleTags,
  articleViewsDaily,
  authors,
  authorTranslations,
  categories,
  categoryTranslations,
  stories,
  tags,
  tagTranslations,
} from '@/db/schema';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export function useTestDb(): { db: Db; dir: string; close: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'kiosque-test-'));
  const db = openDatabase(join(dir, 'test.db'));
  migrateDatabase(db);
  (globalThis as unknown as { kiosqueDb?: Db }).kiosqueDb = db;
  return {
    db,
    dir,
    close: () => {
      db.$client.close();
      (globalThis as unknown as { kiosqueDb?: Db }).kiosqueDb = undefined;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Builds a small newsroom: `category(key)`, `tag(key)`, `author(key)`, `article({...})`, `views(id, day, n)`. */
export function newsroom(db: Db, now: Date) {
  let storySeq = 0;
  const category = (key: string, position = 0) => {
    const { id } = db.insert(categories).values({ key, position }).returning({ id: categories.id }).get();
    for (const locale of ['fr', 'en']) {
      db.insert(categoryTranslations).values({ categoryId: id, locale, name: `${key}-${locale}`, slug: `${key}-${locale}` }).run();
    }
    return id;
  };
  const tag = (key: string) => {
    const { id } = db.insert(tags).values({ key }).returning({ id: tags.id }).get();
    for (const locale of ['fr', 'en']) db.insert(tagTranslations).values({ tagId: id, locale, name: `${key}-${locale}`, slug: `${key}-${locale}` }).run();
    return id;
  };
  const author = (key: string, kind: 'person' | 'agency' = 'person') => {
    const { id } = db.insert(authors).values({ key, kind }).returning({ id: authors.id }).get();
    for (const locale of ['fr', 'en']) db.insert(authorTranslations).values({ authorId: id, locale, name: `${key}-${locale}`, slug: `${key}-${locale}`, bio: `bio ${locale}` }).run();
    return id;
  };
  const article = (a: {
    locale?: 'fr' | 'en';
    slug?: string;
    title?: string;
    standfirst?: string;
    body?: string;
    categoryId: number;
    authorId: number;
    ageHours?: number;
    status?: 'draft' | 'scheduled' | 'published';
    kind?: 'article' | 'video';
    tagIds?: number[];
    storyId?: number;
  }) => {
    const storyId = a.storyId ?? db.insert(stories).values({ key: `s${++storySeq}`, createdAt: now }).returning({ id: stories.id }).get().id;
    const publishedAt = new Date(now.getTime() - (a.ageHours ?? 1) * HOUR);
    const status = a.status ?? 'published';
    const { id } = db
      .insert(articles)
      .values({
        storyId,
        locale: a.locale ?? 'fr',
        slug: a.slug ?? `article-${storyId}-${a.locale ?? 'fr'}`,
        title: a.title ?? `Article ${storyId}`,
        standfirst: a.standfirst ?? '',
        body: a.body ?? '',
        kind: a.kind ?? 'article',
        videoDurationSeconds: a.kind === 'video' ? 63 : null,
        categoryId: a.categoryId,
        authorId: a.authorId,
        status,
        publishedAt: status === 'draft' ? null : publishedAt,
        createdAt: publishedAt,
        updatedAt: publishedAt,
      })
      .returning({ id: articles.id })
      .get();
    for (const tagId of a.tagIds ?? []) db.insert(articleTags).values({ articleId: id, tagId }).run();
    return id;
  };
  const views = (articleId: number, day: string, n: number) => {
    db.insert(articleViewsDaily).values({ articleId, day, views: n }).run();
  };
  return { category, tag, author, article, views };
}
