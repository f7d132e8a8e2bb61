/**
 * Video embeds by pasted URL (issue 12): YouTube, Dailymotion and Facebook only, parsed into a provider and an
 * id against a strict allowlist. Nothing else is ever turned into an iframe: the id is re-validated by a
 * per-provider pattern and every URL we emit is rebuilt from it, never copied from the input.
 */
import { z } from 'zod';

export const videoProviders = ['youtube', 'dailymotion', 'facebook'] as const;
export type VideoProvider = (typeof videoProviders)[number];

export const videoEmbedSchema = z.discriminatedUnion('provider', [
  z.object({ provider: z.literal('youtube'), id: z.string().regex(/^[A-Za-z0-9_-]{11}$/) }),
  z.object({ provider: z.literal('dailymotion'), id: z.string().regex(/^x[a-z0-9]{4,12}$/i) }),
  z.object({ provider: z.literal('facebook'), id: z.string().regex(/^[0-9]{5,25}$/) }),
]);
export type VideoEmbed = z.infer<typeof videoEmbedSchema>;

/** The player hosts the CSP's frame-src allows (and nothing else). */
export const playerOrigins = ['https://www.youtube-nocookie.com', 'https://www.dailymotion.com', 'https://www.facebook.com'] as const;

export const providerNames: Record<VideoProvider, string> = { youtube: 'YouTube', dailymotion: 'Dailymotion', facebook: 'Facebook' };

const YOUTUBE_HOSTS = new Set(['youtube.com', 'www.youtube.com', 'm.youtube.com', 'youtube-nocookie.com', 'www.youtube-nocookie.com']);
const DAILYMOTION_HOSTS = new Set(['dailymotion.com', 'www.dailymotion.com']);
const FACEBOOK_HOSTS = new Set(['facebook.com', 'www.facebook.com', 'm.facebook.com', 'web.facebook.com']);

function candidate(url: URL): unknown {
  const host = url.hostname.toLowerCase();
  const segments = url.pathname.split('/').filter(Boolean);
  if (YOUTUBE_HOSTS.has(host)) {
    if (segments.length === 1 && segments[0] === 'watch') return { provider: 'youtube', id: url.searchParams.get('v') };
    if (segments.length === 2 && ['shorts', 'embed', 'live'].includes(segments[0]!)) return { provider: 'youtube', id: segments[1] };
    return null;
  }
  if (host === 'youtu.be') return segments.length === 1 ? { provider: 'youtube', id: segments[0] } : null;
  if (DAILYMOTION_HOSTS.has(host)) {
    if (segments.length === 2 && segments[0] === 'video') return { provider: 'dailymotion', id: segments[1]!.split('_')[0] };
    if (segments.length === 3 && segments[0] === 'embed' && segments[1] === 'video') return { provider: 'dailymotion', id: segments[2] };
    return null;
  }
  if (host === 'dai.ly') return segments.length === 1 ? { provider: 'dailymotion', id: segments[0] } : null;
  if (FACEBOOK_HOSTS.has(host)) {
    if ((segments[0] === 'watch' && segments.length === 1) || (segments[0] === 'video.php' && segments.length === 1)) {
      return { provider: 'facebook', id: url.searchParams.get('v') };
    }
    // /<page>/videos/<id>/ and /<page>/videos/<title-slug>/<id>/, /reel/<id>
    const v = segments.indexOf('videos');
    if (v === 1 && (segments.length === 3 || segments.length === 4)) return { provider: 'facebook', id: segments.at(-1) };
    if (segments.length === 2 && segments[0] === 'reel') return { provider: 'facebook', id: segments[1] };
    return null;
  }
  return null;
}

/** A pasted URL → provider and id, or null when it is not a video of an allowed provider. */
export function parseVideoEmbed(input: string): VideoEmbed | null {
  const raw = input.trim();
  if (raw.length === 0 || raw.length > 500) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username || url.password || url.port) return null;
  const parsed = videoEmbedSchema.safeParse(candidate(url));
  return parsed.success ? parsed.data : null;
}

/** The public page of the video: what the facade links to (and what is stored). */
export function watchUrl(e: VideoEmbed): string {
  switch (e.provider) {
    case 'youtube':
      return `https://www.youtube.com/watch?v=${e.id}`;
    case 'dailymotion':
      return `https://www.dailymotion.com/video/${e.id}`;
    case 'facebook':
      return `https://www.facebook.com/watch/?v=${e.id}`;
  }
}

/** The player URL (JSON-LD embedUrl); `autoplay` for the iframe that replaces the facade after a click. */
export function embedUrl(e: VideoEmbed, { autoplay = false } = {}): string {
  switch (e.provider) {
    case 'youtube':
      return `https://www.youtube-nocookie.com/embed/${e.id}${autoplay ? '?autoplay=1' : ''}`;
    case 'dailymotion':
      return `https://www.dailymotion.com/embed/video/${e.id}${autoplay ? '?autoplay=1' : ''}`;
    case 'facebook':
      return `https://www.facebook.com/plugins/video.php?href=${encodeURIComponent(watchUrl(e))}${autoplay ? '&autoplay=1' : ''}`;
  }
}

/** Our own uploaded video files: `/media/p/<sha256>.mp4|webm`. */
export const SELF_HOSTED_VIDEO = /^\/media\/p\/[0-9a-f]{64}\.(?:mp4|webm)$/;

/** The article's video URL field: a provider URL (stored as its canonical watch URL) or one of our files. */
export function normalizeVideoUrl(input: string): string | null {
  const s = input.trim();
  if (SELF_HOSTED_VIDEO.test(s)) return s;
  const e = parseVideoEmbed(s);
  return e ? watchUrl(e) : null;
}
