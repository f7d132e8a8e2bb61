import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTestDb } from '@/tests/support/db';
import { listAudit } from './audit';
import { createSession, validateSessionToken } from './sessions';
import { sessions, users } from './schema';
import { createUser } from './users';
import { changeDisabled, changeRole, LastAdministratorError, resetPassword, UnknownUserError } from './user-admin';
import { verifyPassword } from '@/lib/auth/password';

const PASSWORD = 'correct horse battery';
const CLI = { id: null, label: 'cli' };
let env: ReturnType<typeof useTestDb>;

beforeEach(() => {
  env = useTestDb();
});
afterEach(() => env.close());

const make = (email: string, role: 'administrator' | 'editor' | 'author' | 'contributor') => createUser({ email, name: email, role, password: PASSWORD }, CLI);
const token = (n: number) => 'a'.repeat(31) + 'bcdefg'[n];
const roleOf = (id: number) => env.db.select({ role: users.role }).from(users).where(eq(users.id, id)).get()!.role;

describe('last active administrator', () => {
  it('cannot demote themself when alone, and nothing changes', async () => {
    const admin = await make('admin@example.org', 'administrator');
    const actor = { id: admin.id, label: admin.email };
    expect(() => changeRole(admin.id, 'editor', actor)).toThrow(LastAdministratorError);
    expect(roleOf(admin.id)).toBe('administrator');
    expect(listAudit().map((l) => l.action)).not.toContain('user.role');
  });

  it('cannot disable themself when alone', async () => {
    const admin = await make('admin@example.org', 'administrator');
    expect(() => changeDisabled(admin.id, true, { id: admin.id, label: admin.email })).toThrow(LastAdministratorError);
    expect(env.db.select().from(users).where(eq(users.id, admin.id)).get()!.disabledAt).toBeNull();
  });

  it('a disabled administrator does not count as the other one', async () => {
    const a = await make('a@example.org', 'administrator');
    const b = await make('b@example.org', 'administrator');
    changeDisabled(b.id, true, { id: a.id, label: a.email });
    expect(() => changeRole(a.id, 'editor', { id: a.id, label: a.email })).toThrow(LastAdministratorError);
  });

  it('may step down when another active administrator remains, with one audit line', async () => {
    const a = await make('a@example.org', 'administrator');
    await make('b@example.org', 'administrator');
    expect(changeRole(a.id, 'editor', { id: a.id, label: a.email })).toBe(true);
    expect(roleOf(a.id)).toBe('editor');
    const line = listAudit().find((l) => l.action === 'user.role')!;
    expect(line.actor).toBe('a@example.org');
    expect(JSON.parse(line.detail)).toMatchObject({ from: 'administrator', to: 'editor' });
  });

  it('unknown accounts are refused', () => {
    expect(() => changeRole(999, 'editor', CLI)).toThrow(UnknownUserError);
  });
});

describe('disabling and password resets end sessions', () => {
  it('disabling ends every session at once; enabling lets the account log in again', async () => {
    const admin = await make('admin@example.org', 'administrator');
    const editor = await make('ed@example.org', 'editor');
    createSession(token(1), editor.id);
    createSession(token(2), editor.id);
    expect(validateSessionToken(token(1))).not.toBeNull();
    expect(changeDisabled(editor.id, true, { id: admin.id, label: admin.email })).toBe(2);
    expect(validateSessionToken(token(1))).toBeNull();
    expect(env.db.select().from(sessions).where(eq(sessions.userId, editor.id)).all()).toHaveLength(0);
    changeDisabled(editor.id, false, { id: admin.id, label: admin.email });
    expect(listAudit().map((l) => l.action).slice(0, 2)).toEqual(['user.enable', 'user.disable']);
  });

  it('a reset password works, the old one does not, and sessions end', async () => {
    const admin = await make('admin@example.org', 'administrator');
    const editor = await make('ed@example.org', 'editor');
    createSession(token(3), editor.id);
    await resetPassword(editor.id, 'a brand new passphrase', { id: admin.id, label: admin.email });
    const row = env.db.select().from(users).where(eq(users.id, editor.id)).get()!;
    expect(await verifyPassword(row.passwordHash, 'a brand new passphrase')).toBe(true);
    expect(await verifyPassword(row.passwordHash, PASSWORD)).toBe(false);
    expect(validateSessionToken(token(3))).toBeNull();
    expect(listAudit()[0]).toMatchObject({ action: 'user.password.reset', actor: 'admin@example.org', targetId: String(editor.id) });
  });

  it('a short password is refused', async () => {
    const editor = await make('ed@example.org', 'editor');
    await expect(resetPassword(editor.id, 'short', CLI)).rejects.toThrow();
  });
});
