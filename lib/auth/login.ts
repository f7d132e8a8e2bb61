/**
 * The login decision, without Next: throttled per account and per client, one answer ("invalid") for an unknown
 * email and a wrong password, and the same work (an argon2 verification) in both cases.
 */
import { audit } from '@/db/audit';
import { ACCOUNT_RULE, CLIENT_RULE, clearFailures, lockedFor, recordFailure } from '@/db/login-throttle';
import { createSession } from '@/db/sessions';
import { emailSchema, findUserByEmail } from '@/db/users';
import { decoyHash, PASSWORD_MAX, verifyPassword } from './password';
import { generateSessionToken } from './session-token';

export type LoginResult =
  | { ok: true; token: string; expiresAt: Date; userId: number }
  | { ok: false; error: 'invalid' }
  | { ok: false; error: 'throttled'; retryAfterSeconds: number };

export async function attemptLogin(emailInput: string, password: string, clientKey: string, now = new Date()): Promise<LoginResult> {
  const parsed = emailSchema.safeParse(emailInput);
  const email = parsed.success ? parsed.data : emailInput.trim().toLowerCase().slice(0, 254);
  const accountKey = `account:${email}`;
  const client = `client:${clientKey}`;
  const wait = Math.max(lockedFor(accountKey, now), lockedFor(client, now));
  if (wait > 0) {
    audit({ id: null, label: email }, { action: 'login.throttled' }, undefined, now);
    return { ok: false, error: 'throttled', retryAfterSeconds: Math.ceil(wait / 1000) };
  }
  const user = parsed.success ? findUserByEmail(email) : undefined;
  const valid = user && !user.disabledAt && password.length <= PASSWORD_MAX
    ? await verifyPassword(user.passwordHash, password)
    : (await verifyPassword(await decoyHash(), password), false);
  if (!valid || !user) {
    const locked = Math.max(recordFailure(accountKey, ACCOUNT_RULE, now), recordFailure(client, CLIENT_RULE, now));
    audit({ id: user?.id ?? null, label: email }, { action: 'login.failure', detail: { reason: user?.disabledAt ? 'disabled' : 'invalid' } }, undefined, now);
    // The failure that locks says so at once: the person learns to wait now, not after one more try.
    if (locked > 0) return { ok: false, error: 'throttled', retryAfterSeconds: Math.ceil(locked / 1000) };
    return { ok: false, error: 'invalid' };
  }
  clearFailures(accountKey);
  const token = generateSessionToken();
  const session = createSession(token, user.id, now);
  audit({ id: user.id, label: user.email }, { action: 'login.success', targetType: 'user', targetId: user.id }, undefined, now);
  return { ok: true, token, expiresAt: session.expiresAt, userId: user.id };
}
