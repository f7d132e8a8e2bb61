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

/** Sections in navigation order, named in the reader's language. */
export function listCategories(locale: Locale): Category[] {
  return getDb()
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
    .all();
}

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
