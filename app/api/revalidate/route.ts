import { revalidatePath, revalidateTag } from 'next/cache';
import { isAuthorized, pathTarget, revalidateBody, revalidateToken } from '@/lib/revalidate';
import { purgePageCache } from '@/lib/server/page-cache';

/**
 * POST /api/revalidate — the newsroom (scripts/revalidate.ts, a CMS hook) tells the portal that content changed.
 *   Authorization: Bearer $REVALIDATE_TOKEN
 *   { "paths": ["/fr/politique/mon-article", "/fr/politique", "/fr"], "tags": ["…"] }
 * Without REVALIDATE_TOKEN in the server's environment the route does not exist (404).
 */
const noStore = { 'Cache-Control': 'no-store' };

export async function POST(request: Request) {
  const token = revalidateToken();
  if (!token) return Response.json({ error: 'not found' }, { status: 404, headers: noStore });
  if (!isAuthorized(request.headers.get('authorization'), token)) {
    return Response.json({ error: 'unauthorized' }, { status: 401, headers: { ...noStore, 'WWW-Authenticate': 'Bearer' } });
  }
  let json: unknown;
  try {
    json = await request.json();
  } catch {
    return Response.json({ error: 'body must be JSON' }, { status: 400, headers: noStore });
  }
  const parsed = revalidateBody.safeParse(json);
  if (!parsed.success) {
    return Response.json({ error: 'invalid body', issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) }, { status: 400, headers: noStore });
  }
  const { paths = [], tags = [] } = parsed.data;
  for (const p of paths) {
    const target = pathTarget(p);
    revalidatePath(target.path, target.type);
  }
  // Expire at once: a correction must not be served stale to the next reader.
  for (const t of tags) revalidateTag(t, { expire: 0 });
  purgePageCache();
  return Response.json({ revalidated: { paths, tags }, now: Date.now() }, { headers: noStore });
}
