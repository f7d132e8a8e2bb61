/**
 * Managing the taxonomy from the newsroom: sections (order, names, slugs, descriptions), topics (rename, merge)
 * and authors/agencies (names, slugs, bios), each with one translation per locale. Reader pages read them through
 * db/taxonomy.ts; every change here writes its audit line in the same transaction.
 *
 * Slug rules (per locale): lowercase ASCII kebab-case (lib/params isSlug), not a reserved path segment
 * (i18n/routing reservedSegments, for sections whose slugs are the first URL segment), unique among the same
 * concept's kind in that locale.
 */
import { and, asc, count, eq, inArray, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { locales, reservedSegments, type Locale } from '@/i18n/routing';
import { isSlug } from '@/lib/params';
import { getDb, type Db } from './client';
import { audit, type AuditActor } from './audit';
import { httpsUrlSchema } from './settings';
import { articleTags, authors, authorTranslations, categories, categoryTranslations, tags, tagTranslations } from './schema';

export const NAME_MAX = 120;
export const SLUG_MAX = 120;
export const DESCRIPTION_MAX = 1000;
export const BIO_MAX = 4000;
export const URL_MAX = 300;

/** Field errors keyed by dotted path (`fr.slug`), values are message codes the newsroom translates. */
export class TaxonomyValidationError extends Error {
  constructor(public readonly fields: Record<string, string>) {
    super('invalid taxonomy input');
    this.name = 'TaxonomyValidationError';
  }
}

export class UnknownConceptError extends Error {
  constructor(kind: string, id: number) {
    super(`no ${kind} ${id}`);
    this.name = 'UnknownConceptError';
  }
}

const clean = (v: string) => v.normalize('NFC').replace(/\s+/g, ' ').trim();
const nameSchema = z
  .string()
  .transform(clean)
  .pipe(z.string().min(1, 'name_required').refine((v) => [...v].length <= NAME_MAX, 'name_too_long'));
const slugSchema = z
  .string()
  .trim()
  .max(SLUG_MAX, 'slug_too_long')
  .refine((v) => v !== '', 'slug_required')
  .refine((v) => v === '' || isSlug(v), 'slug_invalid');
const longText = (max: number) =>
  z
    .string()
    .transform((v) => v.normalize('NFC').replace(/\r\n?/g, '\n').trim())
    .pipe(z.string().refine((v) => [...v].length <= max, 'text_too_long'));

const perLocale = <T extends z.ZodType>(schema: T) => z.object(Object.fromEntries(locales.map((l) => [l, schema])) as Record<Locale, T>);

export const sectionInputSchema = perLocale(z.object({ name: nameSchema, slug: slugSchema, description: longText(DESCRIPTION_MAX) }));
export const topicInputSchema = perLocale(z.object({ name: nameSchema, slug: slugSchema }));
export const authorInputSchema = z.object({
  kind: z.enum(['person', 'agency'], { error: 'kind_invalid' }),
  url: httpsUrlSchema,
  translations: perLocale(z.object({ name: nameSchema, slug: slugSchema, bio: longText(BIO_MAX) })),
});

export type SectionInput = z.input<typeof sectionInputSchema>;
export type TopicInput = z.input<typeof topicInputSchema>;
export type AuthorInput = z.input<typeof authorInputSchema>;

function parseOrThrow<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) fields[issue.path.join('.')] ??= issue.message;
  throw new TaxonomyValidationError(fields);
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Kind = 'section' | 'topic' | 'author';

/** Checks reserved words and uniqueness per locale (inside the write transaction); throws field errors. */
function checkSlugs(tx: Tx, kind: Kind, slugs: Record<Locale, string>, selfId: number | null, prefix = ''): void {
  const fields: Record<string, string> = {};
  for (const locale of locales) {
    const slug = slugs[locale];
    if (kind === 'section' && reservedSegments.has(slug)) {
      fields[`${prefix}${locale}.slug`] = 'slug_reserved';
      continue;
    }
    const taken =
      kind === 'section'
        ? tx
            .select({ id: categoryTranslations.categoryId })
            .from(categoryTranslations)
            .where(and(eq(categoryTranslations.locale, locale), eq(categoryTranslations.slug, slug), selfId === null ? undefined : ne(categoryTranslations.categoryId, selfId)))
            .get()
        : kind === 'topic'
          ? tx
              .select({ id: tagTranslations.tagId })
              .from(tagTranslations)
              .where(and(eq(tagTranslations.locale, locale), eq(tagTranslations.slug, slug), selfId === null ? undefined : ne(tagTranslations.tagId, selfId)))
              .get()
          : tx
              .select({ id: authorTranslations.authorId })
              .from(authorTranslations)
              .where(and(eq(authorTranslations.locale, locale), eq(authorTranslations.slug, slug), selfId === null ? undefined : ne(authorTranslations.authorId, selfId)))
              .get();
    if (taken) fields[`${prefix}${locale}.slug`] = 'slug_taken';
  }
  if (Object.keys(fields).length) throw new TaxonomyValidationError(fields);
}

/** A unique language-neutral key from the default locale's slug (`economie`, `economie-2`, …). */
function uniqueKey(tx: Tx, table: typeof categories | typeof tags | typeof authors, base: string): string {
  for (let n = 1; ; n++) {
    const key = n === 1 ? base : `${base}-${n}`;
    if (!tx.select({ id: table.id }).from(table).where(eq(table.key, key)).get()) return key;
  }
}

const slugsOf = <T extends { slug: string }>(byLocale: Record<Locale, T>) => Object.fromEntries(locales.map((l) => [l, byLocale[l].slug])) as Record<Locale, string>;

/* --------------------------------------------------------------------------------------------------- sections */

export interface AdminSection {
  id: number;
  key: string;
  position: number;
  articles: number;
  translations: Partial<Record<Locale, { name: string; slug: string; description: string }>>;
}

export function listSectionsForAdmin(): AdminSection[] {
  const db = getDb();
  const rows = db.select().from(categories).orderBy(asc(categories.position), asc(categories.id)).all();
  const translations = db.select().from(categoryTranslations).all();
  const counts = new Map(
    db
      .select({ id: sql<number>`category_id`, n: count() })
      .from(sql`articles`)
      .groupBy(sql`category_id`)
      .all()
      .map((r) => [r.id, r.n]),
  );
  return rows.map((c) => ({
    id: c.id,
    key: c.key,
    position: c.position,
    articles: counts.get(c.id) ?? 0,
    translations: Object.fromEntries(
      translations.filter((t) => t.categoryId === c.id).map((t) => [t.locale, { name: t.name, slug: t.slug, description: t.description }]),
    ),
  }));
}

/** Creates a section at the end of the navigation. */
export function createSection(input: SectionInput, actor: AuditActor, now = new Date()): number {
  const data = parseOrThrow(sectionInputSchema, input);
  return getDb().transaction((tx) => {
    checkSlugs(tx, 'section', slugsOf(data), null);
    const last = tx.select({ max: sql<number | null>`max(${categories.position})` }).from(categories).get()?.max ?? -1;
    const { id } = tx
      .insert(categories)
      .values({ key: uniqueKey(tx, categories, data.fr.slug), position: last + 1 })
      .returning({ id: categories.id })
      .get();
    for (const locale of locales) tx.insert(categoryTranslations).values({ categoryId: id, locale, ...data[locale] }).run();
    audit(actor, { action: 'section.create', targetType: 'section', targetId: id, detail: { names: namesOf(data) } }, tx, now);
    return id;
  }, { behavior: 'immediate' });
}

/** Renames a section (names, slugs, descriptions per locale). Returns the old slugs that changed, per locale. */
export function updateSection(id: number, input: SectionInput, actor: AuditActor, now = new Date()): Partial<Record<Locale, string>> {
  const data = parseOrThrow(sectionInputSchema, input);
  return getDb().transaction((tx) => {
    if (!tx.select({ id: categories.id }).from(categories).where(eq(categories.id, id)).get()) throw new UnknownConceptError('section', id);
    checkSlugs(tx, 'section', slugsOf(data), id);
    const before = tx.select().from(categoryTranslations).where(eq(categoryTranslations.categoryId, id)).all();
    const oldSlugs: Partial<Record<Locale, string>> = {};
    for (const locale of locales) {
      const prev = before.find((t) => t.locale === locale);
      if (prev && prev.slug !== data[locale].slug) oldSlugs[locale] = prev.slug;
      tx.insert(categoryTranslations)
        .values({ categoryId: id, locale, ...data[locale] })
        .onConflictDoUpdate({ target: [categoryTranslations.categoryId, categoryTranslations.locale], set: data[locale] })
        .run();
    }
    const changes = diff(before, data);
    if (Object.keys(changes).length) audit(actor, { action: 'section.update', targetType: 'section', targetId: id, detail: changes }, tx, now);
    return oldSlugs;
  }, { behavior: 'immediate' });
}

/** Moves a section one place up or down the navigation (positions renumbered 0..n-1). False at either end. */
export function moveSection(id: number, direction: 'up' | 'down', actor: AuditActor, now = new Date()): boolean {
  return getDb().transaction((tx) => {
    const order = tx.select({ id: categories.id }).from(categories).orderBy(asc(categories.position), asc(categories.id)).all().map((r) => r.id);
    const at = order.indexOf(id);
    if (at < 0) throw new UnknownConceptError('section', id);
    const to = direction === 'up' ? at - 1 : at + 1;
    if (to < 0 || to >= order.length) return false;
    [order[at], order[to]] = [order[to]!, order[at]!];
    order.forEach((categoryId, position) => tx.update(categories).set({ position }).where(eq(categories.id, categoryId)).run());
    audit(actor, { action: 'section.move', targetType: 'section', targetId: id, detail: { direction, from: at + 1, to: to + 1 } }, tx, now);
    return true;
  }, { behavior: 'immediate' });
}

/* ----------------------------------------------------------------------------------------------------- topics */

export interface AdminTopic {
  id: number;
  key: string;
  articles: number;
  translations: Partial<Record<Locale, { name: string; slug: string }>>;
}

/** Every topic with its number of tagged articles (any status), by name in `locale`. */
export const TOPICS_PAGE_SIZE = 50;
export const TOPIC_QUERY_MAX = 120;

export interface AdminTopicPage {
  topics: AdminTopic[];
  total: number;
  page: number;
  pageCount: number;
}

/** Case- and accent-insensitive form for matching a typed filter ("elec" finds "Élections"). */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * One page of topics, sorted by their name in the newsroom's language, optionally filtered by name, address or
 * key. An imported archive has thousands of tags: only the page's topics have their translations and counts read.
 */
export function listTopicsForAdmin(
  locale: Locale,
  { q = '', page = 1, pageSize = TOPICS_PAGE_SIZE }: { q?: string; page?: number; pageSize?: number } = {},
): AdminTopicPage {
  const db = getDb();
  const named = db
    .select({ id: tags.id, key: tags.key, name: tagTranslations.name, slug: tagTranslations.slug })
    .from(tags)
    .leftJoin(tagTranslations, and(eq(tagTranslations.tagId, tags.id), eq(tagTranslations.locale, locale)))
    .all();
  const needle = fold(q.trim());
  const matching = needle ? named.filter((t) => [t.name, t.slug, t.key].some((v) => v && fold(v).includes(needle))) : named;
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  matching.sort((a, b) => collator.compare(a.name ?? a.key, b.name ?? b.key) || a.id - b.id);
  const pageCount = Math.max(1, Math.ceil(matching.length / pageSize));
  const current = Math.min(Math.max(1, Math.trunc(page)), pageCount);
  const ids = matching.slice((current - 1) * pageSize, current * pageSize).map((t) => t.id);
  const translations = ids.length ? db.select().from(tagTranslations).where(inArray(tagTranslations.tagId, ids)).all() : [];
  const counts = new Map(
    ids.length
      ? db
          .select({ id: articleTags.tagId, n: count() })
          .from(articleTags)
          .where(inArray(articleTags.tagId, ids))
          .groupBy(articleTags.tagId)
          .all()
          .map((r) => [r.id, r.n])
      : [],
  );
  const keyOf = new Map(matching.map((t) => [t.id, t.key]));
  const topics = ids.map((id) => ({
    id,
    key: keyOf.get(id)!,
    articles: counts.get(id) ?? 0,
    translations: Object.fromEntries(translations.filter((x) => x.tagId === id).map((x) => [x.locale, { name: x.name, slug: x.slug }])),
  }));
  return { topics, total: matching.length, page: current, pageCount };
}

/**
 * The topic a typed address names (merging picks its target by address, not from a list of thousands): the
 * newsroom language's slug first, then the other language's.
 */
export function topicIdBySlug(slug: string, prefer: Locale): number | null {
  const rows = getDb()
    .select({ id: tagTranslations.tagId, locale: tagTranslations.locale })
    .from(tagTranslations)
    .where(eq(tagTranslations.slug, slug.trim().toLowerCase()))
    .all();
  return (rows.find((r) => r.locale === prefer) ?? rows[0])?.id ?? null;
}

export function updateTopic(id: number, input: TopicInput, actor: AuditActor, now = new Date()): Partial<Record<Locale, string>> {
  const data = parseOrThrow(topicInputSchema, input);
  return getDb().transaction((tx) => {
    if (!tx.select({ id: tags.id }).from(tags).where(eq(tags.id, id)).get()) throw new UnknownConceptError('topic', id);
    checkSlugs(tx, 'topic', slugsOf(data), id);
    const before = tx.select().from(tagTranslations).where(eq(tagTranslations.tagId, id)).all();
    const oldSlugs: Partial<Record<Locale, string>> = {};
    for (const locale of locales) {
      const prev = before.find((t) => t.locale === locale);
      if (prev && prev.slug !== data[locale].slug) oldSlugs[locale] = prev.slug;
      tx.insert(tagTranslations)
        .values({ tagId: id, locale, ...data[locale] })
        .onConflictDoUpdate({ target: [tagTranslations.tagId, tagTranslations.locale], set: data[locale] })
        .run();
    }
    const changes = diff(before, data);
    if (Object.keys(changes).length) audit(actor, { action: 'topic.update', targetType: 'topic', targetId: id, detail: changes }, tx, now);
    return oldSlugs;
  }, { behavior: 'immediate' });
}

/**
 * Merges topic `fromId` into `intoId`: every article tagged with A is tagged with B (once), then A and its
 * translations are removed. A's old topic URLs answer 404 afterwards (no redirect is kept). Returns A's slugs.
 */
export function mergeTopics(fromId: number, intoId: number, actor: AuditActor, now = new Date()): { moved: number; slugs: Partial<Record<Locale, string>> } {
  if (fromId === intoId) throw new TaxonomyValidationError({ into: 'merge_same' });
  return getDb().transaction((tx) => {
    const found = tx.select({ id: tags.id, key: tags.key }).from(tags).where(inArray(tags.id, [fromId, intoId])).all();
    if (!found.some((t) => t.id === fromId)) throw new UnknownConceptError('topic', fromId);
    if (!found.some((t) => t.id === intoId)) throw new UnknownConceptError('topic', intoId);
    const fromTranslations = tx.select().from(tagTranslations).where(eq(tagTranslations.tagId, fromId)).all();
    const articleIds = tx.select({ id: articleTags.articleId }).from(articleTags).where(eq(articleTags.tagId, fromId)).all().map((r) => r.id);
    let moved = 0;
    for (const articleId of articleIds) {
      moved += tx.insert(articleTags).values({ articleId, tagId: intoId }).onConflictDoNothing().run().changes;
    }
    tx.delete(tags).where(eq(tags.id, fromId)).run(); // cascades to its translations and article_tags rows
    audit(
      actor,
      {
        action: 'topic.merge',
        targetType: 'topic',
        targetId: intoId,
        detail: { from: fromId, fromNames: Object.fromEntries(fromTranslations.map((t) => [t.locale, t.name])), articles: articleIds.length, added: moved },
      },
      tx,
      now,
    );
    return { moved: articleIds.length, slugs: Object.fromEntries(fromTranslations.map((t) => [t.locale, t.slug])) };
  }, { behavior: 'immediate' });
}

/* ---------------------------------------------------------------------------------------------------- authors */

export interface AdminAuthor {
  id: number;
  key: string;
  kind: 'person' | 'agency';
  url: string | null;
  articles: number;
  translations: Partial<Record<Locale, { name: string; slug: string; bio: string }>>;
}

export function listAuthorsForAdmin(locale: Locale): AdminAuthor[] {
  const db = getDb();
  const rows = db.select().from(authors).all();
  const translations = db.select().from(authorTranslations).all();
  const counts = new Map(
    db
      .select({ id: sql<number>`author_id`, n: count() })
      .from(sql`articles`)
      .groupBy(sql`author_id`)
      .all()
      .map((r) => [r.id, r.n]),
  );
  const list = rows.map((a) => ({
    id: a.id,
    key: a.key,
    kind: a.kind,
    url: a.url,
    articles: counts.get(a.id) ?? 0,
    translations: Object.fromEntries(translations.filter((t) => t.authorId === a.id).map((t) => [t.locale, { name: t.name, slug: t.slug, bio: t.bio }])),
  }));
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  return list.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'person' ? -1 : 1) || collator.compare(a.translations[locale]?.name ?? a.key, b.translations[locale]?.name ?? b.key));
}

export function createAuthor(input: AuthorInput, actor: AuditActor, now = new Date()): number {
  const data = parseOrThrow(authorInputSchema, input);
  return getDb().transaction((tx) => {
    checkSlugs(tx, 'author', slugsOf(data.translations), null, 'translations.');
    const { id } = tx
      .insert(authors)
      .values({ key: uniqueKey(tx, authors, data.translations.fr.slug), kind: data.kind, url: data.url || null })
      .returning({ id: authors.id })
      .get();
    for (const locale of locales) tx.insert(authorTranslations).values({ authorId: id, locale, ...data.translations[locale] }).run();
    audit(actor, { action: 'author.create', targetType: 'author', targetId: id, detail: { kind: data.kind, names: namesOf(data.translations) } }, tx, now);
    return id;
  }, { behavior: 'immediate' });
}

export function updateAuthor(id: number, input: AuthorInput, actor: AuditActor, now = new Date()): Partial<Record<Locale, string>> {
  const data = parseOrThrow(authorInputSchema, input);
  return getDb().transaction((tx) => {
    const row = tx.select().from(authors).where(eq(authors.id, id)).get();
    if (!row) throw new UnknownConceptError('author', id);
    checkSlugs(tx, 'author', slugsOf(data.translations), id, 'translations.');
    const before = tx.select().from(authorTranslations).where(eq(authorTranslations.authorId, id)).all();
    const oldSlugs: Partial<Record<Locale, string>> = {};
    tx.update(authors)
      .set({ kind: data.kind, url: data.url || null })
      .where(eq(authors.id, id))
      .run();
    for (const locale of locales) {
      const prev = before.find((t) => t.locale === locale);
      if (prev && prev.slug !== data.translations[locale].slug) oldSlugs[locale] = prev.slug;
      tx.insert(authorTranslations)
        .values({ authorId: id, locale, ...data.translations[locale] })
        .onConflictDoUpdate({ target: [authorTranslations.authorId, authorTranslations.locale], set: data.translations[locale] })
        .run();
    }
    const changes: Record<string, unknown> = diff(before, data.translations);
    if (row.kind !== data.kind) changes.kind = { from: row.kind, to: data.kind };
    if ((row.url ?? '') !== data.url) changes.url = { from: row.url, to: data.url || null };
    if (Object.keys(changes).length) audit(actor, { action: 'author.update', targetType: 'author', targetId: id, detail: changes }, tx, now);
    return oldSlugs;
  }, { behavior: 'immediate' });
}

/* ------------------------------------------------------------------------------------------------------ utils */

function namesOf<T extends { name: string }>(byLocale: Record<Locale, T>) {
  return Object.fromEntries(locales.map((l) => [l, byLocale[l].name]));
}

/** `{ "fr.name": { from, to }, … }` for the fields that changed (the audit line's detail). */
function diff<T extends Record<string, string>>(before: ({ locale: string } & Partial<T>)[], after: Record<Locale, T>) {
  const out: Record<string, { from: string | null; to: string }> = {};
  for (const locale of locales) {
    const prev = before.find((b) => b.locale === locale) as Partial<T> | undefined;
    for (const [field, value] of Object.entries(after[locale])) {
      const old = (prev?.[field] as string | undefined) ?? null;
      if (old !== value) out[`${locale}.${field}`] = { from: old, to: value };
    }
  }
  return out;
}
