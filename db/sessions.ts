/**
 * Database sessions (the Lucia guide's design, without the library): 30 days, sliding — a session used in its
 * second half is extended, so an active journalist stays logged in and an idle one is logged out. Revocation is
 * immediate: every request looks its session up.
 */
import { and, eq, lt, ne } from 'drizzle-orm';
import { getDb } from './client';
import { sessions, users, type UserRole } from './schema';
import { isWellFormedToken, sessionIdFromToken } from '@/lib/auth/session-token';

export const SESSION_DAYS = 30;
const DAY = 86_400_000;
const LIFETIME = SESSION_DAYS * DAY;

export interface SessionUser {
  id: number;
  email: string;
  name: string;
  role: UserRole;
  locale: string;
  authorId: number | null;
}

export interface ValidSession {
  session: { id: string; userId: number; expiresAt: Date };
  user: SessionUser;
}

export function createSession(token: string, userId: number, now = new Date()) {
  const session = { id: sessionIdFromToken(token), userId, createdAt: now, expiresAt: new Date(now.getTime() + LIFETIME) };
  getDb().insert(sessions).values(session).run();
  return session;
}

/** The session and its user, or null (unknown, expired, or the account disabled). Extends it when due. */
export function validateSessionToken(token: string, now = new Date()): ValidSession | null {
  if (!isWellFormedToken(token)) return null;
  const db = getDb();
  const id = sessionIdFromToken(token);
  const row = db
    .select({
      id: sessions.id,
      userId: sessions.userId,
      expiresAt: sessions.expiresAt,
      email: users.email,
      name: users.name,
      role: users.role,
      locale: users.locale,
      authorId: users.authorId,
      disabledAt: users.disabledAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id))
    .get();
  if (!row) return null;
  if (row.disabledAt || row.expiresAt.getTime() <= now.getTime()) {
    db.delete(sessions).where(eq(sessions.id, id)).run();
    return null;
  }
  let expiresAt = row.expiresAt;
  if (expiresAt.getTime() - now.getTime() < LIFETIME / 2) {
    expiresAt = new Date(now.getTime() + LIFETIME);
    db.update(sessions).set({ expiresAt }).where(eq(sessions.id, id)).run();
  }
  return {
    session: { id, userId: row.userId, expiresAt },
    user: { id: row.userId, email: row.email, name: row.name, role: row.role, locale: row.locale, authorId: row.authorId },
  };
}

export function invalidateSession(sessionId: string): void {
  getDb().delete(sessions).where(eq(sessions.id, sessionId)).run();
}

/** Ends every session of a user, or every other one (`exceptSessionId`: "log out everywhere else"). */
export function invalidateUserSessions(userId: number, exceptSessionId?: string): number {
  const where = exceptSessionId ? and(eq(sessions.userId, userId), ne(sessions.id, exceptSessionId)) : eq(sessions.userId, userId);
  return getDb().delete(sessions).where(where).run().changes;
}

export function countUserSessions(userId: number): number {
  return getDb().select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, userId)).all().length;
}

export function deleteExpiredSessions(now = new Date()): number {
  return getDb().delete(sessions).where(lt(sessions.expiresAt, now)).run().changes;
}
