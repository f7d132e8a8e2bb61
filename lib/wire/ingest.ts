/**
 * One wire document for one feed: parse (bounded), store the new versions, apply the agency's statuses to the
 * articles made from them. No Next.js here (the command line uses it too); lib/wire/desk.ts adds the reader
 * refresh in the server.
 */
import { applyWireEffects, ingestItems, type EffectsResult, type IngestResult } from '@/db/wire';
import type { WireFeedRow } from '@/db/schema';
import { parseWire } from './parse';

export interface DocumentResult extends IngestResult {
  skipped: number;
  effects: EffectsResult;
}

/** Throws WireParseError for an unusable document: then nothing was written. */
export function ingestDocument(feed: Pick<WireFeedRow, 'id' | 'agencyId' | 'language' | 'format'>, text: string, now = new Date()): DocumentResult {
  const parsed = parseWire(text, feed.format);
  const result = ingestItems(feed, parsed.items, now);
  const effects = applyWireEffects(result.changed, now);
  return { ...result, skipped: parsed.skipped, effects };
}
