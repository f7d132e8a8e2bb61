'use server';
/**
 * The wire desk's Server Actions: take an item (authors, editors), translate a taken item, mark an article
 * reviewed against the agency's latest version (editors); feeds, credentials, push token, poll now
 * (administrators). Role checked on the server first; the change and its audit line in one transaction (db/wire.ts).
 */
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { articleGenres } from '@/db/schema';
import { WorkflowError } from '@/db/article-writes';
import { createFeed, markWireReviewed, pollFeedNow, rotatePushToken, setFeedCredentials, takeItem, updateFeed, WireError, type FeedSettings } from '@/db/wire';
import { defaultLocale, isLocale, locales } from '@/i18n/routing';
import { actorOf, requireCan, requireUser } from '@/lib/auth/current-user';
import { ForbiddenError } from '@/lib/auth/policy';
import * as publishing from '@/lib/publishing';
import { encryptCredentials, MissingSecretError } from '@/lib/wire/credentials';
import { rearmWirePoller } from '@/lib/wire/poller';
import { formId, formText, typedValues, type AdminFormState } from './support';
import type { SessionUser } from '@/db/sessions';

async function wireT(user: Pick<SessionUser, 'locale'>) {
  return getTranslations({ locale: isLocale(user.locale) ? user.locale : defaultLocale, namespace: 'newsroomWire' });
}
type T = Awaited<ReturnType<typeof wireT>>;

function errorOf(t: T, error: unknown): AdminFormState {
  const code = error instanceof WireError || error instanceof WorkflowError ? error.code : null;
  if (code && t.has(`errors.${code}`)) return { error: t(`errors.${code}` as never) };
  if (error instanceof ForbiddenError) throw error;
  return { error: t('errors.generic') };
}

/** Take: a draft from the item, then the editor opens it. */
export async function takeAction(_: AdminFormState, form: FormData): Promise<AdminFormState> {
  const user = await requireCan('wire.take');
  const t = await wireT(user);
  const itemId = formId(form);
  if (!itemId) return { error: t('errors.unknown_item') };
  let articleId: number;
  try {
    articleId = takeItem(actorOf(user), itemId).articleId;
  } catch (error) {
    return errorOf(t, error);
  }
  redirect(`/newsroom/articles/${articleId}`);
}

/** Translate: the other-language draft of a taken item's article (same story). */
export async function translateTakenAction(_: AdminFormState, form: FormData): Promise<AdminFormState> {
  const user = await requireUser();
  const t = await wireT(user);
  const articleId = formId(form, 'article');
  const locale = formText(form, 'locale', 5);
  if (!articleId || !isLocale(locale)) return { error: t('errors.generic') };
  let id: number;
  try {
    id = (await publishing.translate(actorOf(user), articleId, locale)).id;
  } catch (error) {
    if (error instanceof ForbiddenError) return { error: t('errors.generic') };
    return errorOf(t, error);
  }
  redirect(`/newsroom/articles/${id}`);
}

export async function markWireReviewedAction(_: AdminFormState, form: FormData): Promise<AdminFormState> {
  const user = await requireCan('wire.review');
  const t = await wireT(user);
  const articleId = formId(form);
  if (!articleId) return { error: t('errors.generic') };
  try {
    markWireReviewed(actorOf(user), articleId);
  } catch (error) {
    return errorOf(t, error);
  }
  return { ok: t('reviewedOk') };
}

/* ------------------------------------------------------------------------------------------------------- feeds */

const optionalId = z.preprocess((v) => (v === '' || v === 'none' ? null : v), z.coerce.number().int().positive().nullable());
const feedSchema = z.object({
  name: z.string().trim().min(1).max(80),
  agencyId: z.coerce.number().int().positive(),
  url: z.union([z.literal(''), z.url({ protocol: /^https?$/ }).max(1000)]),
  format: z.enum(['rss', 'atom', 'ninjs']),
  pollIntervalSeconds: z.coerce.number().int().min(30).max(86_400),
  language: z.enum(locales),
  defaultCategoryId: optionalId,
  autoPublishCategoryId: optionalId,
  autoPublishGenre: z.preprocess((v) => (v === '' || v === 'none' ? null : v), z.enum(articleGenres).nullable()),
  enabled: z.enum(['1', '0']).transform((v) => v === '1'),
});
const FEED_FIELDS = ['name', 'agencyId', 'url', 'format', 'pollIntervalSeconds', 'language', 'defaultCategoryId', 'autoPublishCategoryId', 'autoPublishGenre', 'enabled'];

export async function saveFeedAction(_: AdminFormState, form: FormData): Promise<AdminFormState> {
  const user = await requireCan('wire.feeds');
  const t = await wireT(user);
  const values = typedValues(form, FEED_FIELDS, 1000);
  const id = formText(form, 'id', 12) === 'new' ? 'new' : formId(form);
  if (!id) return { error: t('feeds.errors.unknown_feed') };
  const parsed = feedSchema.safeParse(values);
  if (!parsed.success) {
    return { error: t('feeds.errors.invalid'), values, fields: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), t('feeds.errors.invalid')])) };
  }
  const settings = parsed.data as FeedSettings;
  try {
    if (id === 'new') createFeed(actorOf(user), settings);
    else updateFeed(actorOf(user), id, settings);
  } catch (error) {
    if (error instanceof WireError && t.has(`feeds.errors.${error.code}`)) return { error: t(`feeds.errors.${error.code}` as never), values };
    throw error;
  }
  rearmWirePoller();
  return { ok: id === 'new' ? t('feeds.created') : t('feeds.saved') };
}

export async function feedCredentialsAction(_: AdminFormState, form: FormData): Promise<AdminFormState> {
  const user = await requireCan('wire.feeds');
  const t = await wireT(user);
  const id = formId(form);
  if (!id) return { error: t('feeds.errors.unknown_feed') };
  const kind = formText(form, 'kind', 10);
  try {
    if (kind === 'remove') {
      setFeedCredentials(actorOf(user), id, null);
      return { ok: t('feeds.credentialsRemoved') };
    }
    const secret = formText(form, 'secret', 2000);
    const username = formText(form, 'username', 200);
    const parsed =
      kind === 'basic' ? { kind: 'basic' as const, username, password: secret } : kind === 'bearer' ? { kind: 'bearer' as const, token: secret } : null;
    if (!parsed || !secret || (kind === 'basic' && !username)) return { error: t('feeds.errors.invalid') };
    setFeedCredentials(actorOf(user), id, encryptCredentials(parsed));
  } catch (error) {
    if (error instanceof MissingSecretError) return { error: t('feeds.missingSecret') };
    if (error instanceof WireError) return { error: t('feeds.errors.unknown_feed') };
    if (error instanceof z.ZodError) return { error: t('feeds.errors.invalid') };
    throw error;
  }
  return { ok: t('feeds.credentialsSaved') };
}

export async function rotatePushTokenAction(_: AdminFormState, form: FormData): Promise<AdminFormState> {
  const user = await requireCan('wire.feeds');
  const t = await wireT(user);
  const id = formId(form);
  if (!id) return { error: t('feeds.errors.unknown_feed') };
  try {
    const token = rotatePushToken(actorOf(user), id);
    return { ok: t('feeds.pushToken', { token }) };
  } catch {
    return { error: t('feeds.errors.unknown_feed') };
  }
}

export async function pollNowAction(_: AdminFormState, form: FormData): Promise<AdminFormState> {
  const user = await requireCan('wire.feeds');
  const t = await wireT(user);
  const id = formId(form);
  if (!id) return { error: t('feeds.errors.unknown_feed') };
  pollFeedNow(actorOf(user), id);
  rearmWirePoller();
  return { ok: t('feeds.pollQueued') };
}
