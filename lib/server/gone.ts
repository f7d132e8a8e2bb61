/**
 * 410 Gone for unpublished and deleted articles. App-router pages cannot answer 410 (only 200, 404 and
 * redirects), so the HTTP-level hook (./response-hooks.ts) answers it before Next sees the request: GET and HEAD
 * of article-shaped paths only (`/{locale}/{section}/{slug}`), one primary-key lookup in gone_urls, a small page
 * in the URL's language (messages/{fr,en}.json `gone`), never cached.
 */
import { isGoneUrl } from '@/db/gone';
import { isLocale, type Locale } from '@/i18n/routing';
import { paths } from '@/i18n/paths';
import fr from '@/messages/fr.json';
import en from '@/messages/en.json';

const messages: Record<Locale, { gone: { title: string; body: string; home: string; latest: string }; site: { name: string } }> = { fr, en };

const ARTICLE_PATH = /^\/([a-z]{2})\/[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The locale of a gone article path, or null (not article-shaped, not gone, or the lookup failed). */
export function goneLocale(method: string | undefined, url: string | undefined, lookup: (path: string) => boolean = isGoneUrl): Locale | null {
  if (method !== 'GET' && method !== 'HEAD') return null;
  const target = url ?? '';
  const q = target.indexOf('?');
  const pathname = q === -1 ? target : target.slice(0, q);
  const match = ARTICLE_PATH.exec(pathname);
  if (!match || !isLocale(match[1])) return null;
  return lookup(pathname) ? match[1] : null;
}

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export function gonePage(locale: Locale): string {
  const m = messages[locale];
  return `<!DOCTYPE html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>${escape(m.gone.title)} – ${escape(m.site.name)}</title></head>
<body><main><h1>${escape(m.gone.title)}</h1><p>${escape(m.gone.body)}</p>
<p><a href="${paths.home(locale)}">${escape(m.gone.home)}</a> · <a href="${paths.latest(locale)}">${escape(m.gone.latest)}</a></p></main></body></html>
`;
}
