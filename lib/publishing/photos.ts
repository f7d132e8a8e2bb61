/**
 * A library photo's texts (alt text, caption, credit) appear on the pages of the articles that show it: as their
 * hero (article page, share card, JSON-LD) or placed in their body (article_body_photos, kept by triggers on every
 * body write). Editing them refreshes every page of every live article using the photo, the same places a
 * publication of that article refreshes (lib/publishing/targets.ts). Drafts and scheduled articles have no page yet.
 */
import { readerPlacesOf } from '@/db/article-writes';
import { getDb } from '@/db/client';
import { photoUsage } from '@/db/media';
import { refresh } from './refresh';
import { refreshTargets, type RefreshTarget } from './targets';

/** The reader pages showing a photo now (none when no live article uses it). */
export function photoRefreshTargets(mediaId: number, now = new Date()): RefreshTarget[] {
  const places = photoUsage(getDb(), mediaId)
    .map((u) => readerPlacesOf(u.articleId, now))
    .filter((p) => p?.live);
  return refreshTargets(places);
}

/** Refreshes them (from a Server Action or anywhere: lib/publishing/refresh.ts). */
export async function refreshPhotoPages(mediaId: number): Promise<void> {
  await refresh(photoRefreshTargets(mediaId));
}
