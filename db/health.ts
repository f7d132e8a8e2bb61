import { getDb } from './client';

/** True when the database answers a read (used by the health check of load balancers and monitors). */
export function databaseReadable(): boolean {
  try {
    return getDb().$client.prepare('select 1 as ok').get() !== undefined;
  } catch {
    return false;
  }
}
