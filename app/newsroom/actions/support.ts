/**
 * What the administration pages' Server Actions share: bounded form reading, the user's translations of message
 * codes (the `newsroomAdmin` messages), and the refresh of reader pages after a change. Not a 'use server' module:
 * only the action modules next to it are callable from the browser.
 */
import { applyRefresh } from '@/lib/publishing/refresh';
import { getTranslations } from 'next-intl/server';
import { isLocale, defaultLocale } from '@/i18n/routing';
import type { SessionUser } from '@/db/sessions';
import { forgetWidgetLists } from '@/components/widgets/lists';

/** What a form shows after its action: translated messages, and the values typed when it was refused. */
export type AdminFormState = { ok?: string; error?: string; fields?: Record<string, string>; values?: Record<string, string> } | null;

/**
 * A form field as a string, bounded: at most `max + 1` characters are kept, so a schema's `max(max)` still sees
 * (and refuses) an over-long value without the action holding a huge one. Anything but a string reads as ''.
 */
export function formText(form: FormData, name: string, max: number): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.slice(0, max + 1) : '';
}

/** A positive integer id from a form field, or null. */
export function formId(form: FormData, name = 'id'): number | null {
  const raw = formText(form, name, 12);
  return /^[1-9][0-9]{0,10}$/.test(raw) ? Number(raw) : null;
}

/** The typed values to give back with an error (never passwords). */
export function typedValues(form: FormData, names: string[], max = 5000): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, formText(form, n, max)]));
}

/** The administration messages in the user's interface language. */
export async function adminT(user: Pick<SessionUser, 'locale'>) {
  return getTranslations({ locale: isLocale(user.locale) ? user.locale : defaultLocale, namespace: 'newsroomAdmin' });
}

type T = Awaited<ReturnType<typeof adminT>>;

/** Translates a message code (`slug_taken`) into the user's language; unknown codes read as a generic error. */
export function message(t: T, code: string): string {
  const key = `errors.${code}`;
  return t.has(key) ? t(key as never) : t('errors.generic');
}

/** Field errors keyed by form field name (dotted paths of the schemas are mapped by `rename`). */
export function fieldMessages(t: T, fields: Record<string, string>, rename: (path: string) => string = (p) => p): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([path, code]) => [rename(path), message(t, code)]));
}

/**
 * Reader pages show sections (navigation, footer, cards), topics, authors and the site's identity on every page:
 * a change to any of them marks every cached page stale (regenerated on its next request) and drops the sidebar's
 * memoized lists.
 */
export function refreshReaderPages(): void {
  forgetWidgetLists();
  applyRefresh([{ path: '/', type: 'layout' }]);
}
