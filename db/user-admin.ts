/**
 * Account administration from the newsroom (the administrator's page): role changes, disabling and enabling,
 * password resets, with the one guard the command line does not need — the newsroom never loses its last active
 * administrator (the CLI stays the recovery path). Each change and its audit line share one transaction, and the
 * guard is checked inside it, so two administrators demoting each other at once cannot both succeed.
 */
import { and, eq, isNull, ne } from 'drizzle-orm';
import { z } from 'zod';
import { locales } from '@/i18n/routing';
import { hashPassword, passwordSchema } from '@/lib/auth/password';
import { getDb, type Db } from './client';
import { audit, type AuditActor } from './audit';
import { sessions, userRoles, users, type UserRole } from './schema';
import { emailSchema } from './users';

/** The account form of the users page: everything required, the password typed by the administrator. */
export const adminNewUserSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, 'name_required').max(120, 'name_too_long'),
  role: z.enum(userRoles, { error: 'role_invalid' }),
  locale: z.enum(locales, { error: 'locale_invalid' }),
  password: passwordSchema,
});

export class LastAdministratorError extends Error {
  constructor() {
    super('the last active administrator cannot be demoted or disabled');
    this.name = 'LastAdministratorError';
  }
}

export class UnknownUserError extends Error {
  constructor(id: number) {
    super(`no user ${id}`);
    this.name = 'UnknownUserError';
  }
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Active administrators other than `exceptId`. */
function otherActiveAdministrators(tx: Tx, exceptId: number): number {
  return tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'administrator'), isNull(users.disabledAt), ne(users.id, exceptId)))
    .all().length;
}

function load(tx: Tx, userId: number) {
  const row = tx.select({ id: users.id, role: users.role, disabledAt: users.disabledAt, email: users.email }).from(users).where(eq(users.id, userId)).get();
  if (!row) throw new UnknownUserError(userId);
  return row;
}

/** Changes a role; refuses to demote the last active administrator. Returns false when nothing changed. */
export function changeRole(userId: number, role: UserRole, actor: AuditActor, now = new Date()): boolean {
  return getDb().transaction((tx) => {
    const before = load(tx, userId);
    if (before.role === role) return false;
    if (before.role === 'administrator' && !before.disabledAt && otherActiveAdministrators(tx, userId) === 0) throw new LastAdministratorError();
    tx.update(users).set({ role, updatedAt: now }).where(eq(users.id, userId)).run();
    audit(actor, { action: 'user.role', targetType: 'user', targetId: userId, detail: { email: before.email, from: before.role, to: role } }, tx, now);
    return true;
  }, { behavior: 'immediate' });
}

/**
 * Disables (ending every session of the account in the same transaction: its next request is logged out) or
 * enables an account; refuses to disable the last active administrator. Returns the number of ended sessions.
 */
export function changeDisabled(userId: number, disabled: boolean, actor: AuditActor, now = new Date()): number {
  return getDb().transaction((tx) => {
    const before = load(tx, userId);
    if (Boolean(before.disabledAt) === disabled) return 0;
    if (disabled && before.role === 'administrator' && otherActiveAdministrators(tx, userId) === 0) throw new LastAdministratorError();
    tx.update(users).set({ disabledAt: disabled ? now : null, updatedAt: now }).where(eq(users.id, userId)).run();
    const ended = disabled ? tx.delete(sessions).where(eq(sessions.userId, userId)).run().changes : 0;
    audit(actor, { action: disabled ? 'user.disable' : 'user.enable', targetType: 'user', targetId: userId, detail: { email: before.email, sessions: ended } }, tx, now);
    return ended;
  }, { behavior: 'immediate' });
}

/** An administrator sets a new password for an account: all of that account's sessions end. */
export async function resetPassword(userId: number, password: string, actor: AuditActor, now = new Date()): Promise<void> {
  const passwordHash = await hashPassword(passwordSchema.parse(password));
  getDb().transaction((tx) => {
    const before = load(tx, userId);
    tx.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, userId)).run();
    const ended = tx.delete(sessions).where(eq(sessions.userId, userId)).run().changes;
    audit(actor, { action: 'user.password.reset', targetType: 'user', targetId: userId, detail: { email: before.email, sessions: ended } }, tx, now);
  }, { behavior: 'immediate' });
}
