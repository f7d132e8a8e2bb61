/**
 * One wire document for one feed: parse and convert in the worker thread (lib/wire/parse-pool.ts), store the new
 * versions here, apply the agency's statuses to the articles made from them. No Next.js here (the command line
 * uses it too); lib/wire/desk.ts adds the reader refresh in the server.
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { applyWireEffects, ingestItems, settledGuids, type EffectsResult, type IngestResult } from '@/db/wire';
import type { WireFeedRow } from '@/db/schema';
import { wireParsePool, type WireParsePool } from './parse-pool';
import type { WireItemInput } from './types';

export interface DocumentResult extends IngestResult {
  skipped: number;
  effects: EffectsResult;
}

function mergeEffects(into: EffectsResult, e: EffectsResult) {
  into.places.push(...e.places);
  into.unpublished.push(...e.unpublished);
  into.deleted.push(...e.deleted);
  into.published.push(...e.published);
  into.scheduled.push(...e.scheduled);
}

/**
 * Throws WireParseError for an unusable document (nothing written) and WireWorkerError when the worker timed out or
 * crashed. The main thread only decides which items are repeats (one indexed read: their bodies are never
 * converted) and stores the others 25 per transaction as the worker sends their bodies, applying the agency's
 * statuses to each batch at once, with a turn of the event loop between batches: reader requests and newsroom
 * writes interleave with a 1,000-item first ingest. A worker failure mid-document keeps the batches already stored,
 * each complete with its consequences; the next poll finds them as repeats and stores the rest.
 */
export async function ingestDocument(
  feed: Pick<WireFeedRow, 'id' | 'agencyId' | 'language' | 'format'>,
  text: string,
  now = new Date(),
  pool: Pick<WireParsePool, 'withDocument'> = wireParsePool(),
): Promise<DocumentResult> {
  const total: IngestResult = { created: 0, updated: 0, ignored: 0, changed: [] };
  const effects: EffectsResult = { places: [], unpublished: [], deleted: [], published: [], scheduled: [] };
  let skipped = 0;
  await pool.withDocument(text, feed.format, async (doc) => {
    skipped = doc.skipped;
    const settled = settledGuids(feed.agencyId, doc.heads as WireItemInput[]);
    const wanted: number[] = [];
    doc.heads.forEach((head, index) => {
      if (settled.has(head.guid)) total.ignored++; // a repeat, or a kill (final): nothing to store
      else wanted.push(index);
    });
    for await (const bodies of doc.bodies(wanted)) {
      const batch: WireItemInput[] = [];
      for (const [index, body] of bodies) {
        if (body === null) skipped++;
        else batch.push({ ...doc.heads[index]!, body });
      }
      const r = ingestItems(feed, batch, now);
      total.created += r.created;
      total.updated += r.updated;
      total.ignored += r.ignored;
      total.changed.push(...r.changed);
      mergeEffects(effects, applyWireEffects([...new Set(r.changed)], now));
      await yieldToEventLoop();
    }
  });
  return { ...total, skipped, effects };
}
