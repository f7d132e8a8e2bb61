/**
 * The wire desk inside the server: ingest with the reader refresh (pages, feeds and sitemaps an agency withhold,
 * kill or auto-publication touched are refreshed at once, through lib/publishing like every newsroom change),
 * and the newsroom's wire actions that readers see.
 */
import { refresh } from '@/lib/publishing/refresh';
import { refreshTargets } from '@/lib/publishing/targets';
import { rearmScheduler } from '@/lib/scheduler';
import type { WireFeedRow } from '@/db/schema';
import type { EffectsResult } from '@/db/wire';
import { ingestDocument, type DocumentResult } from './ingest';

export async function refreshEffects(effects: EffectsResult): Promise<void> {
  if (effects.places.length) await refresh(refreshTargets(effects.places));
  if (effects.scheduled.length || effects.unpublished.length || effects.deleted.length || effects.published.length) rearmScheduler();
}

export async function ingestAndRefresh(feed: Pick<WireFeedRow, 'id' | 'agencyId' | 'language' | 'format'>, text: string, now = new Date()): Promise<DocumentResult> {
  const result = await ingestDocument(feed, text, now);
  await refreshEffects(result.effects);
  return result;
}
