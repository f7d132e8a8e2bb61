/**
 * The newsroom's request side of sessions (Next only; reader pages never import this). The cookie's Path is the
 * newsroom's, so a browser never sends it to reader pages and no reader response carries a session.
 */
import { cache } from 'react';
import { cookies, headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { invalidateSession, validateSessionToken, type SessionUser, type ValidSession } from '@/db/sessions';
import { isHttpsSite } from '@/lib/headers/security';
import { clientAddress, compileTrustedProxies, type TrustFn } from '@/lib/trusted-proxies';
import { getConfig } from '@/lib/config';
import { peerAddress } from '@/lib/peer-address';
import { hashClientIp } from '@/lib/client-ip';
import { can, type Action, type ArticleScope } from './policy';

export const SESSION_COOKIE = 'kiosque_session';
export const NEWSROOM_PATH = '/newsroom';

export function sessionCookieOptions(expiresAt: Date) {
  return {
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: isHttpsSite(),
    path: NEWSROOM_PATH,
    expires: expiresAt,
  };
}

/** The current session, looked up once per request (React cache), or null. */
export const currentSession = cache(async (): Promise<ValidSession | null> => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!token) return null;
  return validateSessionToken(token);
});

export async function currentUser(): Promise<SessionUser | null> {
  return (await currentSession())?.user ?? null;
}

/** The logged-in user, or a redirect to the login page. */
export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(`${NEWSROOM_PATH}/login`);
  return user;
}

/** The logged-in user allowed to do `action`, else 403 (nothing is done). */
export async function requireCan(action: Action, article?: ArticleScope): Promise<SessionUser> {
  const user = await requireUser();
  if (!can(user, action, article)) forbidden();
  return user;
}

export async function setSessionCookie(token: string, expiresAt: Date): Promise<void> {
  (await cookies()).set(SESSION_COOKIE, token, sessionCookieOptions(expiresAt));
}

export async function endCurrentSession(): Promise<void> {
  const session = await currentSession();
  if (session) invalidateSession(session.session.id);
  (await cookies()).set(SESSION_COOKIE, '', { ...sessionCookieOptions(new Date(0)), maxAge: 0 });
}

let trust: TrustFn | undefined;

/** The client's daily-salted address hash, for throttling (never stored in clear); proxies per TRUSTED_PROXIES. */
export async function clientKey(): Promise<string> {
  const h = await headers();
  trust ??= compileTrustedProxies(getConfig().TRUSTED_PROXIES);
  return hashClientIp(clientAddress(peerAddress(h), h.get('x-forwarded-for'), trust), new Date());
}

/** The audit actor of a user. */
export function actorOf(user: SessionUser) {
  return { id: user.id, role: user.role, label: user.email };
}
