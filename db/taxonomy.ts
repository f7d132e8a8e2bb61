import { cache } from 'react';
import { and, asc, eq } from 'drizzle-orm';
import type { Locale } from '@/i18n/routing';
import { getDb } from './client';
import { authors, authorTranslations, categories, categoryTranslations, tagTranslations } from './schema';

export interface Category {
  id: number;
  key: string;
  slug: string;
  name: string;
  description: string;
}

/**
 * Sections in navigation order, named in the reader's language. Read once per server render (React `cache()`):
 * the header and the footer of every page both list them. Outside a render (actions, scripts) it is a plain call.
 */
export const listCategories = cache((locale: Locale): Category[] =>
  getDb()
    .select({
      id: categories.id,
      key: categories.key,
      slug: categoryTranslations.slug,
      name: categoryTranslations.name,
      description: categoryTranslations.description,
    })
    .from(categories)
    .innerJoin(categoryTranslations, and(eq(categoryTranslations.categoryId, categories.id), eq(categoryTranslations.locale, locale)))
    .orderBy(asc(categories.position), asc(categories.id))
    .all(),
);

export function findCategory(locale: Locale, slug: string): Category | null {
  return (
    getDb()
      .select({
        id: categories.id,
        key: categories.key,
        slug: categoryTranslations.slug,
        name: categoryTranslations.name,
        description: categoryTranslations.description,
      })
      .from(categoryTranslations)
      .innerJoin(categories, eq(categories.id, categoryTranslations.categoryId))
      .where(and(eq(categoryTranslations.locale, locale), eq(categoryTranslations.slug, slug)))
      .get() ?? null
  );
}

/** The slug of a concept in every locale that names it (for the language switcher and hreflang). */
export function categorySlugs(categoryId: number): Partial<Record<Locale, string>> {
  const rows = getDb()
    .select({ locale: categoryTranslations.locale, slug: categoryTranslations.slug })
    .from(categoryTranslations)
    .where(eq(categoryTranslations.categoryId, categoryId))
    .all();
  return Object.fromEntries(rows.map((r) => [r.locale, r.slug]));
}

export interface Tag {
  id: number;
  slug: string;
  name: string;
}

export function findTag(locale: Locale, slug: string): Tag | null {
  return (
    getDb()
      .select({ id: tagTranslations.tagId, slug: tagTranslations.slug, name: tagTranslations.name })
      .from(tagTranslations)
      .where(and(eq(tagTranslations.locale, locale), eq(tagTranslations.slug, slug)))
      .get() ?? null
  );
}

export function tagSlugs(tagId: number): Partial<Record<Locale, string>> {
  const rows = getDb()
    .select({ locale: tagTranslations.locale, slug: tagTranslations.slug })
    .from(tagTranslations)
    .where(eq(tagTranslations.tagId, tagId))
    .all();
  return Object.fromEntries(rows.map((r) => [r.locale, r.slug]));
}

export interface Author {
  id: number;
  slug: string;
  name: string;
  bio: string;
  kind: 'person' | 'agency';
  url: string | null;
}

export function findAuthor(locale: Locale, slug: string): Author | null {
  return (
    getDb()
      .select({
        id: authors.id,
        slug: authorTranslations.slug,
        name: authorTranslations.name,
        bio: authorTranslations.bio,
        kind: authors.kind,
        url: authors.url,
      })
      .from(authorTranslations)
      .innerJoin(authors, eq(authors.id, authorTranslations.authorId))
      .where(and(eq(authorTranslations.locale, locale), eq(authorTranslations.slug, slug)))
      .get() ?? null
  );
}

export function authorSlugs(authorId: number): Partial<Record<Locale, string>> {
  const rows = getDb()
    .select({ locale: authorTranslations.locale, slug: authorTranslations.slug })
    .from(authorTranslations)
    .where(eq(authorTranslations.authorId, authorId))
    .all();
  return Object.fromEntries(rows.map((r) => [r.locale, r.slug]));
}

/* ---------- the A–Z indexes: /fr/sujets, /en/topics, /fr/auteurs, /en/authors ---------- */

export interface IndexEntry {
  id: number;
  slug: string;
  name: string;
  /** Articles a reader of this language can see under this topic or by this author. */
  count: number;
  /** Authors only: a person or an agency. */
  kind?: 'person' | 'agency';
}

export interface IndexPage {
  items: IndexEntry[];
  total: number;
  page: number;
  pageCount: number;
}

export const TOPIC_INDEX_PAGE_SIZE = 120;
export const AUTHOR_INDEX_PAGE_SIZE = 60;

/** A–Z in the reader's language: accents and case do not move a name ("Économie" files under E, next to "Eau"). */
function alphabetical(locale: Locale, rows: IndexEntry[]): IndexEntry[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  return rows.sort((a, b) => collator.compare(a.name, b.name) || a.id - b.id);
}

function paginate(rows: IndexEntry[], page: number, pageSize: number): IndexPage | null {
  const pageCount = Math.max(1, Math.ceil(rows.length / pageSize));
  if (!Number.isInteger(page) || page < 1 || page > pageCount) return null;
  return { items: rows.slice((page - 1) * pageSize, page * pageSize), total: rows.length, page, pageCount };
}

/**
 * One page of the topics A–Z of `locale`: topics with at least one article a reader can see in that language (an
 * empty topic page is not worth a link), with their article counts; null for a page past the end.
 */
export function topicIndex(locale: Locale, page = 1, now = new Date(), pageSize = TOPIC_INDEX_PAGE_SIZE): IndexPage | null {
  const rows = getDb()
    .$client.prepare(
      `select tt.tag_id as id, tt.slug, tt.name, count(*) as count
       from article_tags at
       join articles a on a.id = at.article_id
       join tag_translations tt on tt.tag_id = at.tag_id and tt.locale = a.locale
       where a.locale = @locale and a.status = 'published' and a.published_at <= @now
       group by tt.tag_id`,
    )
    .all({ locale, now: now.getTime() }) as IndexEntry[];
  return paginate(alphabetical(locale, rows), page, pageSize);
}

/** One page of the authors and agencies of `locale` with at least one visible article there, A–Z; null past the end. */
export function authorIndex(locale: Locale, page = 1, now = new Date(), pageSize = AUTHOR_INDEX_PAGE_SIZE): IndexPage | null {
  const rows = getDb()
    .$client.prepare(
      `select au.author_id as id, au.slug, au.name, count(*) as count, au2.kind as kind
       from articles a
       join author_translations au on au.author_id = a.author_id and au.locale = a.locale
       join authors au2 on au2.id = a.author_id
       where a.locale = @locale and a.status = 'published' and a.published_at <= @now
       group by a.author_id`,
    )
    .all({ locale, now: now.getTime() }) as IndexEntry[];
  return paginate(alphabetical(locale, rows), page, pageSize);
}

/** The letter a name files under in an A–Z index: its first letter without accent, upper case; "#" for the rest. */
export function indexLetter(name: string, locale: Locale): string {
  const first = name.trim().normalize('NFD').replace(/\p{M}/gu, '').charAt(0);
  return /\p{L}/u.test(first) ? first.toLocaleUpperCase(locale) : '#';
}
