/**
 * A WordPress post body (classic or block editor HTML, with shortcodes) → Markdown, through the wire desk's
 * rehype → remark pipeline (lib/wire/html-to-markdown.ts). Before parsing: paragraphs that the classic editor
 * leaves as blank lines are wrapped (a minimal wpautop), `[caption]` becomes an image with its caption, `[embed]`
 * and video iframes from YouTube, Dailymotion, Facebook and Vimeo become a link to the video, other shortcodes
 * are dropped. Everything dropped is counted by kind (`shortcode:gallery`, `script`, `iframe`, `block-comment`…).
 */
import { htmlToMarkdownWith } from '@/lib/wire/html-to-markdown';

export interface BodyResult {
  markdown: string;
  dropped: Record<string, number>;
  images: string[];
}

const VIDEO_HOSTS = /^https?:\/\/(?:www\.|m\.)?(?:youtube\.com|youtube-nocookie\.com|youtu\.be|dailymotion\.com|dai\.ly|facebook\.com|fb\.watch|vimeo\.com|player\.vimeo\.com)\//i;
const KNOWN_SHORTCODES = new Set(['gallery', 'audio', 'video', 'playlist', 'embed', 'caption', 'wp_caption', 'contact-form', 'contact-form-7', 'quote', 'button', 'row', 'column']);
const BLOCK_START = /^<(?:p|div|h[1-6]|ul|ol|li|blockquote|figure|table|pre|hr|iframe|script|style|!--)\b/i;

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function autop(html: string): string {
  if (/<p[\s>]/i.test(html)) return html;
  return html
    .split(/\r?\n\s*\r?\n/)
    .map((chunk) => chunk.trim())
    .filter(Boolean)
    .map((chunk) => (BLOCK_START.test(chunk) ? chunk : `<p>${chunk.replace(/\r?\n/g, '<br>')}</p>`))
    .join('\n');
}

/** Source URLs of the images in a body (inline <img> and captions), for the media step before conversion. */
export function imageSources(html: string): string[] {
  return [...html.matchAll(/<img\b[^>]*?\bsrc\s*=\s*["']([^"']+)["']/gi)].map((m) => m[1]!);
}

export function wordpressBodyToMarkdown(html: string, image: (src: string, alt: string) => string | null, link?: (href: string) => string): BodyResult {
  const dropped: Record<string, number> = {};
  const drop = (kind: string) => {
    dropped[kind] = (dropped[kind] ?? 0) + 1;
  };
  const videoLink = (url: string) => `<p><a href="${escapeAttr(url)}">${escapeAttr(url)}</a></p>`;
  let s = html;
  // [caption id=… align=… width=…]<a><img></a> Caption text[/caption]
  s = s.replace(/\[caption\b[^\]]*\]([\s\S]*?)\[\/caption\]/gi, (_m, inner: string) => {
    const img = /<img\b[^>]*>/i.exec(inner)?.[0] ?? '';
    const caption = inner.replace(/<a\b[^>]*>\s*<img\b[^>]*>\s*<\/a>/i, '').replace(/<img\b[^>]*>/i, '').trim();
    const titled = caption ? img.replace(/<img\b/i, `<img title="${escapeAttr(caption.replace(/<[^>]+>/g, ''))}"`) : img;
    return `\n\n<p>${titled}</p>${caption ? `<p><em>${caption}</em></p>` : ''}\n\n`;
  });
  s = s.replace(/\[embed\b[^\]]*\]\s*(\S+?)\s*\[\/embed\]/gi, (_m, url: string) => (VIDEO_HOSTS.test(url) ? `\n\n${videoLink(url)}\n\n` : (drop('shortcode:embed'), '')));
  // Block editor embeds and classic-editor iframes from video hosts.
  s = s.replace(/<iframe\b[^>]*?\bsrc\s*=\s*["']([^"']+)["'][^>]*>[\s\S]*?<\/iframe>/gi, (m, src: string) => {
    const url = src.startsWith('//') ? `https:${src}` : src;
    return VIDEO_HOSTS.test(url) ? videoLink(url) : m;
  });
  // A video URL alone on its line is an oEmbed in WordPress.
  s = s.replace(/^[ \t]*(https?:\/\/\S+)[ \t]*$/gm, (m, url: string) => (VIDEO_HOSTS.test(url) ? videoLink(url) : m));
  // Remaining shortcodes: [name attr="…"]…[/name] and [name …]. "[sic]" and "[1]" are text, not shortcodes.
  s = s.replace(/\[(\/?)([a-z][\w-]*)((?:\s[^\]]*)?)\](?:([\s\S]*?)\[\/\2\])?/gi, (m, closing: string, name: string, attrs: string, inner: string | undefined) => {
    const lower = name.toLowerCase();
    const isShortcode = KNOWN_SHORTCODES.has(lower) || /[_-]/.test(lower) || attrs.trim() !== '' || inner !== undefined || closing === '/';
    if (!isShortcode) return m;
    if (!closing) drop(`shortcode:${lower}`);
    // Enclosing shortcodes of layout builders keep their content; media and forms go entirely.
    return inner !== undefined && !/^(gallery|audio|video|playlist|contact-form|contact-form-7)$/.test(lower) ? inner : '';
  });
  const images: string[] = [];
  const markdown = htmlToMarkdownWith(autop(s), {
    onDrop: drop,
    link,
    image: (src, alt) => {
      images.push(src);
      return image(src, alt);
    },
  });
  return { markdown, dropped, images };
}
