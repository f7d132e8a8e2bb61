/**
 * Newsroom accounts. Emails are stored lowercased; passwords only as argon2id hashes. Changing a password ends
 * the account's other sessions; disabling an account ends all of them at once. Every change is audited in the
 * same transaction.
 */
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from './client';
import { audit, type AuditActor } from './audit';
import { sessions, users, userRoles, type UserRole, type UserRow } from './schema';
import { hashPassword, passwordSchema } from '@/lib/auth/password';
import { locales } from '@/i18n/routing';

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'email_invalid')
  .pipe(z.email({ error: 'email_invalid' }));

export const newUserSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, 'name_required').max(120, 'name_too_long'),
  role: z.enum(userRoles, { error: 'role_invalid' }),
  password: passwordSchema,
  locale: z.enum(locales).default('fr'),
});

export class EmailTakenError extends Error {}

export function findUserByEmail(email: string): UserRow | undefined {
  const parsed = emailSchema.safeParse(email);
  if (!parsed.success) return undefined;
  return getDb().select().from(users).where(eq(users.email, parsed.data)).get();
}

export function findUserById(id: number): UserRow | undefined {
  return getDb().select().from(users).where(eq(users.id, id)).get();
}

export function listUsers() {
  return getDb()
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, locale: users.locale, disabledAt: users.disabledAt, createdAt: users.createdAt })
    .from(users)
    .orderBy(asc(users.name))
    .all();
}

export async function createUser(input: z.input<typeof newUserSchema>, actor: AuditActor, now = new Date()): Promise<UserRow> {
  const data = newUserSchema.parse(input);
  const passwordHash = await hashPassword(data.password);
  const db = getDb();
  // Immediate: a deferred transaction that reads, then writes after another process wrote (the running server, an
  // import) fails at once with SQLITE_BUSY instead of waiting for the lock (seen in CI: `npm run user` during an e2e).
  return db.transaction((tx) => {
    if (tx.select({ id: users.id }).from(users).where(eq(users.email, data.email)).get()) throw new EmailTakenError(data.email);
    const row = tx
      .insert(users)
      .values({ email: data.email, name: data.name, role: data.role, locale: data.locale, passwordHash, createdAt: now, updatedAt: now })
      .returning()
      .get();
    audit(actor, { action: 'user.create', targetType: 'user', targetId: row.id, detail: { email: row.email, role: row.role } }, tx, now);
    return row;
  }, { behavior: 'immediate' });
}

/** Sets a new password and ends every session of the account except `keepSessionId` (the one that changed it). */
export async function setPassword(userId: number, password: string, actor: AuditActor, keepSessionId?: string, now = new Date()): Promise<void> {
  const passwordHash = await hashPassword(passwordSchema.parse(password));
  getDb().transaction((tx) => {
    tx.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, userId)).run();
    const others = tx.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, userId)).all();
    for (const s of others) if (s.id !== keepSessionId) tx.delete(sessions).where(eq(sessions.id, s.id)).run();
    audit(actor, { action: 'user.password', targetType: 'user', targetId: userId }, tx, now);
  }, { behavior: 'immediate' });
}

export function setRole(userId: number, role: UserRole, actor: AuditActor, now = new Date()): void {
  getDb().transaction((tx) => {
    const before = tx.select({ role: users.role }).from(users).where(eq(users.id, userId)).get();
    if (!before) throw new Error(`no user ${userId}`);
    tx.update(users).set({ role, updatedAt: now }).where(eq(users.id, userId)).run();
    audit(actor, { action: 'user.role', targetType: 'user', targetId: userId, detail: { from: before.role, to: role } }, tx, now);
  }, { behavior: 'immediate' });
}

/** Disabling ends the account's sessions in the same transaction: its next request is logged out. */
export function setDisabled(userId: number, disabled: boolean, actor: AuditActor, now = new Date()): void {
  getDb().transaction((tx) => {
    tx.update(users).set({ disabledAt: disabled ? now : null, updatedAt: now }).where(eq(users.id, userId)).run();
    if (disabled) tx.delete(sessions).where(eq(sessions.userId, userId)).run();
    audit(actor, { action: disabled ? 'user.disable' : 'user.enable', targetType: 'user', targetId: userId }, tx, now);
  }, { behavior: 'immediate' });
}

export function setUserLocale(userId: number, locale: (typeof locales)[number], now = new Date()): void {
  getDb().update(users).set({ locale, updatedAt: now }).where(eq(users.id, userId)).run();
}

export function countAdministrators(): number {
  return getDb().select({ id: users.id }).from(users).where(eq(users.role, 'administrator')).all().length;
}
