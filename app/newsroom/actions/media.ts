'use server';
/**
 * The photo library's Server Actions (issue 12): texts per language, focal point, delete. Each: session and role
 * checked on the server (ForbiddenError → a message, nothing changed), input bounded, the change and its audit
 * line together (db/media-writes.ts), then the pages showing the photo refreshed.
 */
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { defaultLocale, isLocale, locales } from '@/i18n/routing';
import { actorOf, requireUser } from '@/lib/auth/current-user';
import { ForbiddenError } from '@/lib/auth/policy';
import type { SessionUser } from '@/db/sessions';
import { getMedia } from '@/db/media';
import { deleteMedia, deleteVideo, MediaAltRequiredError, MediaError, MediaInUseError, MediaNotFoundError, setFocalPoint, updateMediaTexts } from '@/db/media-writes';
import { refreshPhotoPages } from '@/lib/publishing/photos';
import { formId, formText, refreshReaderPages, typedValues, type AdminFormState } from './support';

async function mediaT(user: Pick<SessionUser, 'locale'>) {
  return getTranslations({ locale: isLocale(user.locale) ? user.locale : defaultLocale, namespace: 'newsroom.media' });
}

function code(error: unknown): string {
  if (error instanceof ForbiddenError) return 'forbidden';
  if (error instanceof MediaInUseError) return 'in_use';
  if (error instanceof MediaAltRequiredError) return 'alt_required';
  if (error instanceof MediaNotFoundError) return 'not_found';
  if (error instanceof MediaError) return error.code;
  throw error;
}

const TEXT_FIELDS = { alt: 500, caption: 1000, credit: 200 } as const;
const fieldNames = locales.flatMap((l) => Object.keys(TEXT_FIELDS).map((f) => `${l}.${f}`));

/**
 * New crops change the photo's file names on every page showing it, cards and widgets included (a hero photo is on
 * listings everywhere): a photo a published article uses, as hero or in its body, refreshes the whole site.
 */
function refreshIfUsed(id: number) {
  if (getMedia(id)?.usage.some((u) => u.status === 'published')) refreshReaderPages();
}

export async function saveMediaTexts(_: AdminFormState, form: FormData): Promise<AdminFormState> {
  const user = await requireUser();
  const t = await mediaT(user);
  const id = formId(form);
  if (!id) return { error: t('errors.not_found') };
  const texts = Object.fromEntries(
    locales.map((l) => [l, { alt: formText(form, `${l}.alt`, TEXT_FIELDS.alt), caption: formText(form, `${l}.caption`, TEXT_FIELDS.caption), credit: formText(form, `${l}.credit`, TEXT_FIELDS.credit) }]),
  );
  try {
    updateMediaTexts(actorOf(user), id, texts);
  } catch (error) {
    return { error: t(`errors.${code(error)}` as never), values: typedValues(form, fieldNames) };
  }
  // Texts show on the pages of the live articles using the photo (hero: article page; body: its figure).
  await refreshPhotoPages(id);
  return { ok: t('edit.saved') };
}

const focalArgs = z.tuple([z.number().int().positive().max(2 ** 31), z.number().min(0).max(1), z.number().min(0).max(1)]);

export async function setFocalAction(id: number, x: number, y: number): Promise<{ ok: true } | { ok: false; error: string }> {
  const user = await requireUser();
  const t = await mediaT(user);
  const parsed = focalArgs.safeParse([id, x, y]);
  if (!parsed.success) return { ok: false, error: t('errors.generic') };
  try {
    await setFocalPoint(actorOf(user), parsed.data[0], { x: parsed.data[1], y: parsed.data[2] });
  } catch (error) {
    return { ok: false, error: t(`errors.${code(error)}` as never) };
  }
  refreshIfUsed(id);
  return { ok: true };
}

export async function deleteMediaAction(_: AdminFormState, form: FormData): Promise<AdminFormState> {
  const user = await requireUser();
  const t = await mediaT(user);
  const id = formId(form);
  if (!id) return { error: t('errors.not_found') };
  try {
    await deleteMedia(actorOf(user), id);
  } catch (error) {
    return { error: t(`errors.${code(error)}` as never) };
  }
  redirect('/newsroom/media?deleted=1');
}

export async function deleteVideoAction(_: AdminFormState, form: FormData): Promise<AdminFormState> {
  const user = await requireUser();
  const t = await mediaT(user);
  const id = formId(form);
  if (!id) return { error: t('errors.generic') };
  try {
    await deleteVideo(actorOf(user), id);
  } catch (error) {
    if (error instanceof MediaInUseError) return { error: t('videos.inUse') };
    if (error instanceof MediaNotFoundError) return { error: t('errors.generic') };
    return { error: t(`errors.${code(error)}` as never) };
  }
  return { ok: t('videos.deleted') };
}
