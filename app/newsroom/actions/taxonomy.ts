'use server';
/**
 * Sections, topics, authors and agencies (editors and administrators). Every action: role checked on the server
 * first (403, nothing changed), input bounded and validated (field messages in the user's language), the change
 * and its audit line in one transaction (db/taxonomy-admin.ts), then every reader page marked stale — sections
 * are in every page's navigation and footer, topics in the sidebar and on articles, bylines on every card.
 */
import { locales } from '@/i18n/routing';
import {
  BIO_MAX,
  createAuthor,
  createSection,
  DESCRIPTION_MAX,
  mergeTopics,
  moveSection,
  NAME_MAX,
  SLUG_MAX,
  TaxonomyValidationError,
  topicIdBySlug,
  UnknownConceptError,
  updateAuthor,
  updateSection,
  updateTopic,
  URL_MAX,
} from '@/db/taxonomy-admin';
import { actorOf, requireCan } from '@/lib/auth/current-user';
import { newsroomLocale } from '@/components/newsroom/locale';
import { adminT, fieldMessages, formId, formText, message, refreshReaderPages, typedValues, type AdminFormState } from './support';

type T = Awaited<ReturnType<typeof adminT>>;

function perLocale<F extends string>(form: FormData, fields: Record<F, number>) {
  return Object.fromEntries(
    locales.map((l) => [l, Object.fromEntries(Object.entries<number>(fields).map(([f, max]) => [f, formText(form, `${l}.${f}`, max)]))]),
  ) as Record<(typeof locales)[number], Record<F, string>>;
}

const fieldNames = (fields: string[]) => locales.flatMap((l) => fields.map((f) => `${l}.${f}`));

function refused(t: T, error: unknown, values: Record<string, string>, rename?: (p: string) => string): AdminFormState {
  if (error instanceof TaxonomyValidationError) return { fields: fieldMessages(t, error.fields, rename), values, error: t('form.fixErrors') };
  if (error instanceof UnknownConceptError) return { error: message(t, 'not_found') };
  throw error;
}

/* ---------------------------------------------------------------------------------------------------- sections */

const SECTION_FIELDS = { name: NAME_MAX, slug: SLUG_MAX, description: DESCRIPTION_MAX };

export async function saveSection(_: AdminFormState, form: FormData): Promise<AdminFormState> {
  const user = await requireCan('taxonomy.manage');
  const t = await adminT(user);
  const id = formText(form, 'id', 12) === 'new' ? 'new' : formId(form);
  if (!id) return { error: message(t, 'not_found') };
  const input = perLocale(form, SECTION_FIELDS);
  const values = typedValues(form, fieldNames(Object.keys(SECTION_FIELDS)));
  try {
    if (id === 'new') createSection(input, actorOf(user));
    else updateSection(id, input, actorOf(user));
  } catch (error) {
    return refused(t, error, values);
  }
  refreshReaderPages();
  return { ok: id === 'new' ? t('sections.created') : t('sections.saved') };
}

export async function moveSectionAction(_: AdminFormState, form: FormData): Promise<AdminFormState> {
  const user = await requireCan('taxonomy.manage');
  const t = await adminT(user);
  const id = formId(form);
  const direction = formText(form, 'direction', 4);
  if (!id || (direction !== 'up' && direction !== 'down')) return { error: message(t, 'not_found') };
  try {
    if (!moveSection(id, direction, actorOf(user))) return { error: t('sections.cannotMove') };
  } catch (error) {
    return refused(t, error, {});
  }
  refreshReaderPages();
  return { ok: t('sections.moved') };
}

/* ------------------------------------------------------------------------------------------------------ topics */

const TOPIC_FIELDS = { name: NAME_MAX, slug: SLUG_MAX };

export async function saveTopic(_: AdminFormState, form: FormData): Promise<AdminFormState> {
  const user = await requireCan('taxonomy.manage');
  const t = await adminT(user);
  const id = formId(form);
  if (!id) return { error: message(t, 'not_found') };
  const values = typedValues(form, fieldNames(Object.keys(TOPIC_FIELDS)));
  try {
    updateTopic(id, perLocale(form, TOPIC_FIELDS), actorOf(user));
  } catch (error) {
    return refused(t, error, values);
  }
  refreshReaderPages();
  return { ok: t('topics.saved') };
}

export async function mergeTopic(_: AdminFormState, form: FormData): Promise<AdminFormState> {
  const user = await requireCan('taxonomy.manage');
  const t = await adminT(user);
  const from = formId(form);
  const slug = formText(form, 'into', SLUG_MAX);
  if (!from) return { error: message(t, 'not_found') };
  if (!slug) return { fields: { into: message(t, 'required') }, values: { into: slug } };
  const into = topicIdBySlug(slug, await newsroomLocale());
  if (!into) return { fields: { into: message(t, 'topic_unknown') }, values: { into: slug } };
  try {
    const { moved } = mergeTopics(from, into, actorOf(user));
    refreshReaderPages();
    return { ok: t('topics.merged', { count: moved }) };
  } catch (error) {
    return refused(t, error, { into: slug });
  }
}

/* ----------------------------------------------------------------------------------------------------- authors */

const AUTHOR_FIELDS = { name: NAME_MAX, slug: SLUG_MAX, bio: BIO_MAX };

export async function saveAuthor(_: AdminFormState, form: FormData): Promise<AdminFormState> {
  const user = await requireCan('taxonomy.manage');
  const t = await adminT(user);
  const id = formText(form, 'id', 12) === 'new' ? 'new' : formId(form);
  if (!id) return { error: message(t, 'not_found') };
  const input = { kind: formText(form, 'kind', 10) as 'person', url: formText(form, 'url', URL_MAX), translations: perLocale(form, AUTHOR_FIELDS) };
  const values = { ...typedValues(form, fieldNames(Object.keys(AUTHOR_FIELDS))), ...typedValues(form, ['kind', 'url']) };
  // Schema paths are `translations.fr.slug`; the form's fields are `fr.slug`.
  const rename = (p: string) => p.replace(/^translations\./, '');
  try {
    if (id === 'new') createAuthor(input, actorOf(user));
    else updateAuthor(id, input, actorOf(user));
  } catch (error) {
    return refused(t, error, values, rename);
  }
  refreshReaderPages();
  return { ok: id === 'new' ? t('authors.created') : t('authors.saved') };
}
