import { getViewCounter } from '@/db/view-counter';
import { handleViewBeacon, MAX_BEACON_BYTES } from '@/lib/view-beacon';
import { peerAddress } from '@/lib/peer-address';
import { readCappedText } from '@/lib/http/read-capped';

export const dynamic = 'force-dynamic';

/** The view beacon: POST {"articleId": n} from an article page (components/ViewBeacon.client.tsx). */
export async function POST(request: Request) {
  const body = await readCappedText(request, MAX_BEACON_BYTES);
  const status = handleViewBeacon(
    { headers: request.headers, body, peer: peerAddress(request.headers), now: new Date() },
    getViewCounter(),
  );
  return new Response(null, { status, headers: { 'Cache-Control': 'no-store' } });
}
