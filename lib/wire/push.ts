/**
 * The agency push endpoint's rules (POST /api/wire/push), outside Next so that they are tested directly: a bearer
 * token per feed (the database keeps its SHA-256), a body cap, a per-feed rate limit, ninjs only. Machine clients
 * send no Origin; none is required.
 */
import { feedByPushToken } from '@/db/wire';
import type { WireFeedRow } from '@/db/schema';
import { readCappedText } from '@/lib/http/read-capped';
import { WireParseError } from './types';
import type { DocumentResult } from './ingest';
import { WireWorkerError } from './parse-pool';

export const PUSH_BODY_MAX = 2 * 1024 * 1024;
export const PUSHES_PER_MINUTE = 120;

const windows = new Map<number, { start: number; count: number }>();

export function pushAllowed(feedId: number, now = Date.now()): boolean {
  const w = windows.get(feedId);
  if (!w || now - w.start >= 60_000) {
    windows.set(feedId, { start: now, count: 1 });
    return true;
  }
  w.count++;
  return w.count <= PUSHES_PER_MINUTE;
}

const noStore = { 'Cache-Control': 'no-store' };

export async function handlePush(request: Request, ingest: (feed: WireFeedRow, text: string) => Promise<DocumentResult> | DocumentResult): Promise<Response> {
  const auth = request.headers.get('authorization') ?? '';
  const token = /^Bearer ([A-Za-z0-9_-]{16,200})$/.exec(auth)?.[1];
  const feed = token ? feedByPushToken(token) : null;
  if (!feed || !feed.enabled) return Response.json({ error: 'unauthorized' }, { status: 401, headers: { ...noStore, 'WWW-Authenticate': 'Bearer' } });
  if (!pushAllowed(feed.id)) return Response.json({ error: 'too many requests' }, { status: 429, headers: { ...noStore, 'Retry-After': '60' } });
  if (!/^application\/(json|ninjs\+json)\b/i.test(request.headers.get('content-type') ?? '')) {
    return Response.json({ error: 'content-type must be application/json (ninjs)' }, { status: 415, headers: noStore });
  }
  const text = await readCappedText(request, PUSH_BODY_MAX);
  if (text === null) return Response.json({ error: `body larger than ${PUSH_BODY_MAX} bytes` }, { status: 413, headers: noStore });
  try {
    const r = await ingest({ ...feed, format: 'ninjs' }, text);
    return Response.json({ created: r.created, updated: r.updated, ignored: r.ignored, skipped: r.skipped }, { status: 202, headers: noStore });
  } catch (error) {
    if (error instanceof WireParseError) return Response.json({ error: error.code, detail: error.message.slice(0, 300) }, { status: 400, headers: noStore });
    // The parse worker timed out, crashed or has too many documents waiting: the agency may retry.
    if (error instanceof WireWorkerError) return Response.json({ error: 'unavailable', detail: error.message }, { status: 503, headers: { ...noStore, 'Retry-After': '60' } });
    throw error;
  }
}
