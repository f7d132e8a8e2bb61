/**
 * The audit log: append-only (database triggers refuse UPDATE and DELETE). Every newsroom change writes one
 * line in the same transaction as the change, so a change without its line cannot happen.
 */
import { desc, lt } from 'drizzle-orm';
import { getDb, type Db } from './client';
import { auditLog } from './schema';

export interface AuditActor {
  id: number | null;
  /** Shown as is in the log: the account's email, or `system` (scheduler, CLI, wire desk). */
  label: string;
}

export const SYSTEM_ACTOR: AuditActor = { id: null, label: 'system' };

export interface AuditEntry {
  action: string;
  targetType?: string;
  targetId?: string | number;
  detail?: Record<string, unknown>;
}

type Writer = Pick<Db, 'insert'>;

/** Appends one line; pass the transaction when inside one. */
export function audit(actor: AuditActor, entry: AuditEntry, db: Writer = getDb(), now = new Date()): void {
  db.insert(auditLog)
    .values({
      at: now,
      userId: actor.id,
      actor: actor.label,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId === undefined ? null : String(entry.targetId),
      detail: JSON.stringify(entry.detail ?? {}),
    })
    .run();
}

/** Newest first, keyset-paginated by id (`before` = the last id of the previous page). */
export function listAudit(limit = 50, before?: number) {
  const db = getDb();
  const query = db.select().from(auditLog);
  return (before ? query.where(lt(auditLog.id, before)) : query).orderBy(desc(auditLog.id)).limit(limit).all();
}
