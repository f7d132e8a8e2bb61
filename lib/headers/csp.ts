/**
 * Content-Security-Policy for a statically cacheable Next.js app router site, without nonces.
 *
 * Why hashes computed per response: the app router puts inline `<script>`s in every HTML page (the Turbopack
 * bootstrap, `(self.__next_f=…).push([0])`, and the page's own RSC "flight" data as `self.__next_f.push([1,"…"])`).
 * Their content differs per page and per ISR regeneration, so a policy fixed in next.config cannot list their
 * hashes; nonces need a render per request (no static pages, no ISR); `experimental.sri` only covers external
 * files (vercel/next.js#95354). So the server hashes the inline scripts of each HTML response as it goes out
 * (lib/server/response-hooks.ts) and appends those hashes to `script-src`. The header is a pure function of the
 * body, so a cached page and its header stay consistent in Next's cache, nginx or a CDN.
 *
 * Only inline scripts of the shapes Next and React emit are hashed (`isFrameworkInlineScript`). Anything else —
 * e.g. a `<script>` smuggled into the HTML through a rendering bug — gets no hash and the browser refuses it.
 */
import { createHash } from 'node:crypto';
import { playerOrigins } from '../video/embed';

export interface CspOptions {
  /** `upgrade-insecure-requests` only makes sense when the site is served over HTTPS. */
  https: boolean;
  /** `next dev` needs eval (React's dev tooling) and inline scripts (HMR); never in production. */
  dev?: boolean;
}

/** The policy every response carries; HTML responses get the hashes of their inline scripts added. */
export function baseCsp({ https, dev = false }: CspOptions): string {
  const directives = [
    "default-src 'self'",
    dev ? "script-src 'self' 'unsafe-eval' 'unsafe-inline'" : "script-src 'self'",
    // Stylesheets are files; the one inline style next/image emits (style="color:transparent") is hashed
    // per response into style-src-attr like the scripts.
    dev ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
    dev ? "style-src-attr 'unsafe-inline'" : "style-src-attr 'none'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    // The click-to-load video players (lib/video/embed.ts) and nothing else: the iframe only exists after a click.
    `frame-src ${playerOrigins.join(' ')}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ];
  if (https) directives.push('upgrade-insecure-requests');
  return directives.join('; ');
}

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const STYLE_ELEMENT = /<style\b([^>]*)>([\s\S]*?)<\/style\s*>/gi;
// A style attribute inside a start tag (after whitespace, quoted with " as React renders it).
const STYLE_ATTR = /<[a-zA-Z][^>]*?\sstyle="([^"]*)"/g;

const EXECUTABLE_TYPES = new Set(['', 'text/javascript', 'application/javascript', 'module']);

function attribute(attrs: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}(?:\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+)))?`, 'i').exec(` ${attrs}`);
  if (!m) return undefined;
  return m[1] ?? m[2] ?? m[3] ?? '';
}

/**
 * The inline scripts Next.js 16 (Turbopack build) and React 19 emit in app router HTML:
 *  - the flight bootstrap `(self.__next_f=self.__next_f||[]).push([0])`,
 *  - flight data `self.__next_f.push([<n>,"<JSON string>"])` (or `…,null]`),
 *  - the Turbopack chunk bootstrap `(globalThis["TURBOPACK"] || …).push({"otherChunks":[…],"runtimeModuleIds":[…]})`,
 *  - React's streaming instructions for late Suspense boundaries (`$RC("B:0","S:0")` and their runtime,
 *    which starts with `$RB=[];` or `$RC=function` / `$RS=function` / `$RX=function` / `$RV=function`).
 */
export function isFrameworkInlineScript(code: string): boolean {
  const s = code.trim();
  if (/^\(self\.__next_f\s*=\s*self\.__next_f\s*\|\|\s*\[\]\)\.push\(\[0\]\);?$/.test(s)) return true;
  if (/^self\.__next_f\.push\(\[\d+,(?:"(?:[^"\\\n]|\\.)*"|null)\]\);?$/.test(s)) return true;
  if (
    /^\(globalThis\["TURBOPACK"\]\s*\|\|\s*\(globalThis\["TURBOPACK"\]\s*=\s*\[\]\)\)\.push\(\{"otherChunks":\[(?:"static\/chunks\/[\w.~-]+\.js",?)*\],"runtimeModuleIds":\[[\d,]*\]\}\);?$/.test(
      s,
    )
  )
    return true;
  if (/^(?:\$R[A-Z]\((?:"[\w:$.-]*"|\d+)(?:,(?:"[\w:$.-]*"|\d+))*\);?)+$/.test(s)) return true;
  if (/^\$R[A-Z]=(?:\[\];|function\b)/.test(s)) return true;
  return false;
}

function decodeEntities(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

export function cspHash(content: string): string {
  return `'sha256-${createHash('sha256').update(content, 'utf8').digest('base64')}'`;
}

export interface InlineSources {
  scripts: string[];
  styles: string[];
  styleAttrs: string[];
  /** Inline scripts that are not the framework's: left unhashed, i.e. blocked. */
  rejected: number;
}

/** Hash sources for the inline scripts and styles of one HTML document (deduplicated, in document order). */
export function inlineSources(html: string): InlineSources {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  const styleAttrs = new Set<string>();
  let rejected = 0;
  for (const m of html.matchAll(SCRIPT)) {
    const attrs = m[1] ?? '';
    const code = m[2] ?? '';
    if (attribute(attrs, 'src') !== undefined) continue;
    const type = (attribute(attrs, 'type') ?? '').trim().toLowerCase();
    if (!EXECUTABLE_TYPES.has(type)) continue; // data blocks (JSON-LD) are never executed
    if (isFrameworkInlineScript(code)) scripts.add(cspHash(code));
    else rejected += 1;
  }
  for (const m of html.matchAll(STYLE_ELEMENT)) styles.add(cspHash(m[2] ?? ''));
  for (const m of html.matchAll(STYLE_ATTR)) styleAttrs.add(cspHash(decodeEntities(m[1] ?? '')));
  return { scripts: [...scripts], styles: [...styles], styleAttrs: [...styleAttrs], rejected };
}

/** Adds the hashes of an HTML document to a base policy (see `baseCsp`). */
export function cspForHtml(policy: string, html: string): { policy: string; rejected: number } {
  const sources = inlineSources(html);
  const directives = policy.split(';').map((d) => d.trim()).filter(Boolean);
  const add = (name: string, hashes: string[], extra: string[] = []) => {
    if (hashes.length === 0) return;
    const i = directives.findIndex((d) => d.split(/\s+/)[0] === name);
    if (i === -1) return; // no such directive: the fallback (default-src) applies, nothing to extend
    const current = directives[i]!.split(/\s+/).filter((token) => token !== "'none'");
    directives[i] = [...current, ...extra.filter((e) => !current.includes(e)), ...hashes].join(' ');
  };
  add('script-src', sources.scripts);
  add('style-src', sources.styles);
  add('style-src-attr', sources.styleAttrs, ["'unsafe-hashes'"]);
  return { policy: directives.join('; '), rejected: sources.rejected };
}
