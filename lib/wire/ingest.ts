/**
 * One wire document for one feed: parse (bounded), store the new versions, apply the agency's statuses to the
 * articles made from them. No Next.js here (the command line uses it too); lib/wire/desk.ts adds the reader
 * refresh in the server.
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { applyWireEffects, ingestItems, settledGuids, type EffectsResult, type IngestResult } from '@/db/wire';
import type { WireFeedRow } from '@/db/schema';
import { parseWire } from './parse';

export interface DocumentResult extends IngestResult {
  skipped: number;
  effects: EffectsResult;
}

/** Items per transaction: the write lock is held for one small batch, and the event loop breathes between batches. */
export const INGEST_BATCH = 25;

/**
 * Throws WireParseError for an unusable document: then nothing was written. Bodies are converted outside the
 * write transactions, only for items that are not repeats, in batches with a turn of the event loop between them:
 * a 1,000-item feed never holds the database's write lock, nor the server's event loop, for more than a batch.
 */
export async function ingestDocument(feed: Pick<WireFeedRow, 'id' | 'agencyId' | 'language' | 'format'>, text: string, now = new Date()): Promise<DocumentResult> {
  const parsed = parseWire(text, feed.format);
  const total: IngestResult = { created: 0, updated: 0, ignored: 0, changed: [] };
  for (let i = 0; i < parsed.items.length; i += INGEST_BATCH) {
    const batch = parsed.items.slice(i, i + INGEST_BATCH);
    const settled = settledGuids(feed.agencyId, batch);
    for (const item of batch) if (!settled.has(item.guid)) void item.body; // convert now, outside the transaction
    const r = ingestItems(feed, batch, now);
    total.created += r.created;
    total.updated += r.updated;
    total.ignored += r.ignored;
    total.changed.push(...r.changed);
    if (i + INGEST_BATCH < parsed.items.length) await yieldToEventLoop();
  }
  const effects = applyWireEffects([...new Set(total.changed)], now);
  return { ...total, skipped: parsed.skipped, effects };
}
