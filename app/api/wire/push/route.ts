import { handlePush } from '@/lib/wire/push';
import { ingestAndRefresh } from '@/lib/wire/desk';

/**
 * POST /api/wire/push — agencies that push instead of being polled send ninjs (one item, an array, or
 * `{ "items": [...] }`) with `Authorization: Bearer <the feed's push token>` (made on the newsroom's feed page,
 * shown once). 202 with counts; 401, 413 (over 2 MB), 415, 429 (per feed, 120 a minute), 400 for invalid ninjs.
 */
export const dynamic = 'force-dynamic';

export async function POST(request: Request) {
  return handlePush(request, (feed, text) => ingestAndRefresh(feed, text));
}
