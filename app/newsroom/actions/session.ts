'use server';
/**
 * Session actions: log in, log out, log out everywhere else, change password, interface language.
 * Server Actions: Next refuses a call whose Origin is not this host; every input is bounded and validated here.
 */
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { locales } from '@/i18n/routing';
import { attemptLogin } from '@/lib/auth/login';
import { verifyPassword, passwordSchema } from '@/lib/auth/password';
import { clientKey, currentSession, endCurrentSession, requireUser, setSessionCookie } from '@/lib/auth/current-user';
import { audit } from '@/db/audit';
import { findUserById, setPassword, setUserLocale } from '@/db/users';
import { invalidateUserSessions } from '@/db/sessions';

/** What a form gets back: a success key, an error key, field error codes, and the values to show again. */
export type FormState = {
  ok?: string;
  error?: string;
  fields?: Record<string, string>;
  values?: Record<string, string>;
  retryAfterMinutes?: number;
} | null;

const text = (form: FormData, name: string, max = 1000) => {
  const value = form.get(name);
  return typeof value === 'string' ? value.slice(0, max) : '';
};

export async function login(_: FormState, form: FormData): Promise<FormState> {
  const email = text(form, 'email', 300);
  const result = await attemptLogin(email, text(form, 'password', 300), await clientKey());
  if (!result.ok) {
    // React resets a form after its action: the email is given back so that only the password is typed again.
    const values = { email };
    if (result.error === 'throttled') return { error: 'throttled', values, retryAfterMinutes: Math.max(1, Math.ceil(result.retryAfterSeconds / 60)) };
    return { error: 'invalid', values };
  }
  await setSessionCookie(result.token, result.expiresAt);
  redirect('/newsroom');
}

export async function logout(): Promise<void> {
  const session = await currentSession();
  if (session) audit({ id: session.user.id, label: session.user.email }, { action: 'logout' });
  await endCurrentSession();
  redirect('/newsroom/login?out=1');
}

export async function logoutEverywhere(): Promise<FormState> {
  const session = await currentSession();
  if (!session) redirect('/newsroom/login');
  const ended = invalidateUserSessions(session.user.id, session.session.id);
  audit({ id: session.user.id, label: session.user.email }, { action: 'logout.everywhere', detail: { sessions: ended } });
  return { ok: 'loggedOutEverywhere' };
}

export async function changePassword(_: FormState, form: FormData): Promise<FormState> {
  const session = await currentSession();
  if (!session) redirect('/newsroom/login');
  const next = passwordSchema.safeParse(text(form, 'newPassword', 300));
  if (!next.success) return { fields: { newPassword: next.error.issues[0]?.message ?? 'generic' } };
  const user = findUserById(session.user.id);
  if (!user || !(await verifyPassword(user.passwordHash, text(form, 'currentPassword', 300)))) {
    return { fields: { currentPassword: 'wrongPassword' } };
  }
  await setPassword(user.id, next.data, { id: user.id, label: user.email }, session.session.id);
  return { ok: 'passwordChanged' };
}

const languageSchema = z.enum(locales);

export async function setLanguage(_: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const parsed = languageSchema.safeParse(text(form, 'locale', 10));
  if (!parsed.success) return { fields: { locale: 'generic' } };
  setUserLocale(user.id, parsed.data);
  return { ok: 'languageSaved' };
}
