import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useTestDb } from '@/tests/support/db';
import { attemptLogin } from '@/lib/auth/login';
import { sessionIdFromToken } from '@/lib/auth/session-token';
import { verifyPassword } from '@/lib/auth/password';
import { createSession, invalidateUserSessions, SESSION_DAYS, validateSessionToken } from './sessions';
import { createUser, EmailTakenError, setDisabled, setPassword } from './users';
import { listAudit } from './audit';
import { sessions } from './schema';

const PASSWORD = 'correct horse battery';
const CLI = { id: null, label: 'cli' };
const DAY = 86_400_000;

let t: ReturnType<typeof useTestDb>;
beforeEach(() => {
  t = useTestDb();
});
afterEach(() => t.close());

const newUser = (email = 'Reporter@Example.org', role: 'contributor' | 'editor' = 'contributor') =>
  createUser({ email, name: 'Ama Reporter', role, password: PASSWORD }, CLI);

describe('accounts', () => {
  it('stores the email lowercased and the password only as an argon2id hash', async () => {
    const user = await newUser();
    expect(user.email).toBe('reporter@example.org');
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.passwordHash).not.toContain(PASSWORD);
    expect(await verifyPassword(user.passwordHash, PASSWORD)).toBe(true);
    expect(await verifyPassword(user.passwordHash, 'wrong password!')).toBe(false);
  });

  it('refuses a second account with the same email, whatever its case, and short passwords', async () => {
    await newUser();
    await expect(newUser('REPORTER@example.org')).rejects.toBeInstanceOf(EmailTakenError);
    await expect(createUser({ email: 'x@example.org', name: 'X', role: 'author', password: 'short' }, CLI)).rejects.toThrow(/password_too_short/);
  });
});

describe('login', () => {
  it('gives the same answer for an unknown email and a wrong password, and audits both', async () => {
    await newUser();
    const unknown = await attemptLogin('nobody@example.org', PASSWORD, 'c1');
    const wrong = await attemptLogin('reporter@example.org', 'not the password', 'c1');
    expect(unknown).toEqual({ ok: false, error: 'invalid' });
    expect(wrong).toEqual({ ok: false, error: 'invalid' });
    expect(listAudit().filter((l) => l.action === 'login.failure')).toHaveLength(2);
  });

  it('creates a session whose cookie token is not what the database stores', async () => {
    await newUser();
    const result = await attemptLogin('reporter@example.org', PASSWORD, 'c1');
    if (!result.ok) throw new Error('login failed');
    const stored = t.db.select().from(sessions).all();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.id).toBe(sessionIdFromToken(result.token));
    expect(stored[0]!.id).not.toContain(result.token);
    expect(validateSessionToken(result.token)?.user.email).toBe('reporter@example.org');
    expect(listAudit()[0]!.action).toBe('login.success');
  });

  it('locks an account after 5 wrong passwords, even for the right one, with the time to wait', async () => {
    await newUser();
    const now = new Date('2026-11-30T10:00:00Z');
    for (let i = 0; i < 4; i++) expect(await attemptLogin('reporter@example.org', `wrong ${i}`, `client-${i}`, now)).toMatchObject({ error: 'invalid' });
    // The fifth failure locks, and says so.
    expect(await attemptLogin('reporter@example.org', 'wrong 4', 'client-4', now)).toMatchObject({ error: 'throttled' });
    const locked = await attemptLogin('reporter@example.org', PASSWORD, 'fresh-client', new Date(now.getTime() + 60_000));
    expect(locked).toMatchObject({ ok: false, error: 'throttled' });
    expect(locked.ok === false && locked.error === 'throttled' && locked.retryAfterSeconds).toBeGreaterThan(13 * 60);
    // An unknown account is locked the same way: the answer does not reveal whether it exists.
    for (let i = 0; i < 5; i++) await attemptLogin('ghost@example.org', `wrong ${i}`, `other-${i}`, now);
    expect(await attemptLogin('ghost@example.org', 'x', 'another', now)).toMatchObject({ error: 'throttled' });
    // After the lock, the right password works again.
    expect(await attemptLogin('reporter@example.org', PASSWORD, 'fresh-client', new Date(now.getTime() + 16 * 60_000))).toMatchObject({ ok: true });
  });

  it('locks a client that tries many accounts', async () => {
    await newUser();
    const now = new Date('2026-11-30T10:00:00Z');
    for (let i = 0; i < 20; i++) await attemptLogin(`user${i}@example.org`, 'guess guess guess', 'one-client', now);
    expect(await attemptLogin('reporter@example.org', PASSWORD, 'one-client', now)).toMatchObject({ error: 'throttled' });
    expect(await attemptLogin('reporter@example.org', PASSWORD, 'someone-else', now)).toMatchObject({ ok: true });
  });

  it('refuses a disabled account with the usual answer', async () => {
    const user = await newUser();
    setDisabled(user.id, true, CLI);
    expect(await attemptLogin('reporter@example.org', PASSWORD, 'c')).toEqual({ ok: false, error: 'invalid' });
  });
});

describe('sessions', () => {
  it('slide: a session used in its second half is extended; an expired one is gone', async () => {
    const user = await newUser();
    const start = new Date('2026-01-01T00:00:00Z');
    const token = 'a'.repeat(32);
    createSession(token, user.id, start);
    const early = validateSessionToken(token, new Date(start.getTime() + 2 * DAY));
    expect(early?.session.expiresAt.getTime()).toBe(start.getTime() + SESSION_DAYS * DAY);
    const late = validateSessionToken(token, new Date(start.getTime() + 20 * DAY));
    expect(late?.session.expiresAt.getTime()).toBe(start.getTime() + (20 + SESSION_DAYS) * DAY);
    expect(validateSessionToken(token, new Date(start.getTime() + 51 * DAY))).toBeNull();
    expect(t.db.select().from(sessions).all()).toHaveLength(0);
  });

  it('rejects malformed tokens without a lookup result', () => {
    expect(validateSessionToken('')).toBeNull();
    expect(validateSessionToken("' or 1=1 --")).toBeNull();
    expect(validateSessionToken('A'.repeat(32))).toBeNull();
  });

  it('a password change ends the other sessions and keeps the current one', async () => {
    const user = await newUser();
    const [mine, phone, laptop] = ['b'.repeat(32), 'c'.repeat(32), 'd'.repeat(32)];
    for (const token of [mine, phone, laptop]) createSession(token, user.id);
    await setPassword(user.id, 'another long password', { id: user.id, label: user.email }, sessionIdFromToken(mine));
    expect(validateSessionToken(mine)).not.toBeNull();
    expect(validateSessionToken(phone)).toBeNull();
    expect(validateSessionToken(laptop)).toBeNull();
  });

  it('disabling an account ends its sessions at once; log out everywhere else keeps this one', async () => {
    const user = await newUser();
    createSession('e'.repeat(32), user.id);
    createSession('f'.repeat(32), user.id);
    expect(invalidateUserSessions(user.id, sessionIdFromToken('e'.repeat(32)))).toBe(1);
    expect(validateSessionToken('e'.repeat(32))).not.toBeNull();
    setDisabled(user.id, true, CLI);
    expect(validateSessionToken('e'.repeat(32))).toBeNull();
    expect(listAudit().map((l) => l.action)).toContain('user.disable');
  });
});

describe('audit log', () => {
  it('is append-only', async () => {
    await newUser();
    expect(() => t.db.$client.exec('update audit_log set actor = \'x\'')).toThrow(/append-only/);
    expect(() => t.db.$client.exec('delete from audit_log')).toThrow(/append-only/);
  });
});
