/**
 * WordPress video posts (post format "video") → Kiosque video articles. News themes keep the video's URL and
 * duration in post meta under names of their own (`_format_video_embed`, `td_post_video`, `_video_url`,
 * `td_post_video_duration`, `_video_duration`…), some of it PHP-serialized: the URL is the first one, in the meta
 * and then in the body, that the embed allowlist accepts (lib/video/embed.ts); the duration the first meta value
 * under a key naming a duration that parses as one. A video post without a usable URL stays a video article
 * without player, as the newsroom allows.
 */
import { normalizeVideoUrl } from '@/lib/video/embed';
import { parseDurationInput } from '@/lib/video/duration';
import type { WxrItem } from './wxr';

export interface WordpressVideo { videoUrl: string | null; videoDurationSeconds: number | null }

const URLS = /https?:\/\/[^\s"'<>\]\[]{1,500}/g;

export function isVideoPost(item: WxrItem): boolean {
  return item.categories.some((c) => c.domain === 'post_format' && c.nicename === 'post-format-video');
}

export function videoOf(item: WxrItem): WordpressVideo {
  let videoUrl: string | null = null;
  for (const text of [...Object.values(item.meta), item.content]) {
    for (const [candidate] of text.matchAll(URLS)) {
      videoUrl = normalizeVideoUrl(candidate.replace(/&amp;/g, '&'));
      if (videoUrl) break;
    }
    if (videoUrl) break;
  }
  let videoDurationSeconds: number | null = null;
  for (const [key, value] of Object.entries(item.meta)) {
    if (!/duration/i.test(key)) continue;
    videoDurationSeconds = parseDurationInput(value);
    if (videoDurationSeconds !== null) break;
  }
  return { videoUrl, videoDurationSeconds };
}
