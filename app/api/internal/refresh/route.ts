import { z } from 'zod';
import { applyRefresh } from '@/lib/publishing/refresh';
import { isInternalCaller } from '@/lib/server/internal-refresh';
import { peerAddress } from '@/lib/peer-address';

/**
 * POST /api/internal/refresh — the scheduler's way into Next's cache (revalidatePath needs a request). Callable
 * only from this process: loopback peer and the per-process in-memory secret (lib/server/internal-refresh.ts);
 * anything else is a 404, as if the route did not exist.
 */
export const dynamic = 'force-dynamic';

const noStore = { 'Cache-Control': 'no-store' };

const body = z
  .object({
    targets: z
      .array(z.object({ path: z.string().max(1024).regex(/^\/[^\s?#]*$/), type: z.enum(['layout', 'page']).optional() }).strict())
      .min(1)
      .max(500),
  })
  .strict();

export async function POST(request: Request) {
  if (!isInternalCaller(request.headers.get('authorization'), peerAddress(request.headers))) {
    return new Response('Not found\n', { status: 404, headers: noStore });
  }
  let parsed;
  try {
    parsed = body.safeParse(await request.json());
  } catch {
    parsed = null;
  }
  if (!parsed?.success) return Response.json({ error: 'invalid body' }, { status: 400, headers: noStore });
  applyRefresh(parsed.data.targets);
  return Response.json({ refreshed: parsed.data.targets.length }, { headers: noStore });
}
