import { getViewCounter } from '@/db/view-counter';
import { handleViewBeacon, MAX_BEACON_BYTES } from '@/lib/view-beacon';
import { peerAddress } from '@/lib/peer-address';

export const dynamic = 'force-dynamic';

/** Reads at most `limit` bytes of the body; null when it is longer. */
async function readBody(request: Request, limit: number): Promise<string | null> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > limit) return null;
  const reader = request.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks));
}

/** The view beacon: POST {"articleId": n} from an article page (components/ViewBeacon.client.tsx). */
export async function POST(request: Request) {
  const body = await readBody(request, MAX_BEACON_BYTES);
  const status = handleViewBeacon(
    { headers: request.headers, body, peer: peerAddress(request.headers), now: new Date() },
    getViewCounter(),
  );
  return new Response(null, { status, headers: { 'Cache-Control': 'no-store' } });
}
