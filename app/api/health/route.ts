import { databaseReadable } from '@/db/health';

export const dynamic = 'force-dynamic';

/** Liveness for monitors and load balancers: 200 when the database can be read, 503 otherwise. */
export function GET() {
  const ok = databaseReadable();
  return Response.json({ status: ok ? 'ok' : 'unavailable' }, { status: ok ? 200 : 503, headers: { 'cache-control': 'no-store' } });
}
