import { log } from '@/lib/log';
import { getDb, type Db } from './client';

export type WriteResult<T> = { ok: true; value: T } | { ok: false; code: string };

/**
 * Runs one write in a transaction and never throws: when the database is busy beyond busy_timeout, read-only,
 * or the disk is full, the failure is logged as one JSON line (`db_write_failed`, with the SQLite code) and
 * reported to the caller, who carries on (a lost view count must not become an error page). Reads are not
 * affected by any of these conditions.
 */
export function safeWrite<T>(operation: string, write: (db: Db) => T, db: Db = getDb()): WriteResult<T> {
  try {
    const value = db.$client.transaction(() => write(db)).immediate();
    return { ok: true, value };
  } catch (error) {
    const code = typeof (error as { code?: unknown }).code === 'string' ? (error as { code: string }).code : 'UNKNOWN';
    log.error('db_write_failed', { operation, code, error: error instanceof Error ? error.message : String(error) });
    return { ok: false, code };
  }
}
