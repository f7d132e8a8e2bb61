/**
 * "Lite" reader pages (issue 14): the one module that turns the App Router's HTML into plain HTML + CSS + one
 * small first-party script. Reader pages are still rendered by React server components; on the way out
 * (lib/server/response-hooks.ts holds every HTML response until complete) this module removes what only the
 * framework's client runtime needs:
 *
 *  - `<script src="/_next/static/…">` (React DOM, the App Router, Turbopack's runtime, the `nomodule` polyfills),
 *  - the inline scripts: the flight bootstrap `(self.__next_f=…).push([0])`, the RSC payload
 *    `self.__next_f.push([1,"…"])` (the whole page a second time) and Turbopack's chunk bootstrap,
 *  - `<link rel="preload" as="script">` and `<link rel="modulepreload">`,
 *
 * and adds `<script src="/_next/static/kiosque/lite.<hash>.js" defer>` (./lite-script.ts: the view beacon, the
 * remembered language, the click-to-load video). Stylesheets, fonts, image preloads, metadata and JSON-LD stay.
 *
 * It fails loudly rather than quietly shipping a broken or heavy page:
 *  - the markers it relies on (framework chunk scripts and the flight payload) must be present in its input, and
 *    after the transform no framework script, no `__next_f`, no inline executable script and no script preload
 *    may remain; otherwise `liteHtml` throws `LiteTransformError` (the hook then logs an error and sends the
 *    original page, which still works). lib/server/lite.test.ts runs it on real pages of a Next build
 *    (lib/server/__fixtures__/), and e2e/budget.api.spec.ts on the running build, so a Next upgrade that changes
 *    any of this fails the tests;
 *  - a page with a Suspense boundary streamed late (React's `<template id="B:…">` placeholder, the hidden
 *    `<div id="S:…">` segment and the inline `$RC` script that swaps them) cannot work without scripts: the
 *    content would stay hidden. Reader pages never suspend (components/HeaderStrip.tsx awaits the weather), and
 *    such a page is refused with an error instead of being stripped.
 *
 *  - a page left without a `<main>` after the transform (every reader page has one) is refused: its content
 *    needed the runtime.
 *
 * Not transformed: the newsroom (`/newsroom`, including the article preview), which keeps the full App Router,
 * and the empty `<html id="__next_error__">` shell Next 16 sends for a 404 raised by `notFound()` (its content
 * exists only in the RSC payload, vercel/next.js#62228): stripped, it would be a blank page. The response hook
 * sends a server-rendered lite not-found page in its place (./not-found-document.ts).
 */
import { createHash } from 'node:crypto';
import { isFrameworkInlineScript } from '../headers/csp';
import { LITE_SCRIPT } from './lite-script';

export class LiteTransformError extends Error {
  override name = 'LiteTransformError';
}

const scriptHash = createHash('sha256').update(LITE_SCRIPT).digest('hex').slice(0, 16);

/** Where the lite script is served (by the response hooks, immutable; nginx caches /_next/static/ a year). */
export const LITE_SCRIPT_PATH = `/_next/static/kiosque/lite.${scriptHash}.js`;
export const LITE_SCRIPT_BODY = Buffer.from(LITE_SCRIPT, 'utf8');
/** Appended to the ETag of a transformed page, so that a new lite script is a new representation. */
export const LITE_ETAG_SUFFIX = `-l${scriptHash.slice(0, 8)}`;

/** Reader pages: everything but the newsroom (and its article preview), the API and static files. */
export function isLitePath(url: string | undefined): boolean {
  const target = url ?? '/';
  const q = target.indexOf('?');
  const pathname = q === -1 ? target : target.slice(0, q);
  return !/^\/(?:newsroom|api|_next|media)(?:\/|$)/.test(pathname);
}

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const LINK = /<link\b[^>]*>/gi;
const FRAMEWORK_SRC = /^\/_next\/static\//;
const EXECUTABLE_TYPES = new Set(['', 'text/javascript', 'application/javascript', 'module']);

function attribute(attrs: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}(?:\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+)))?`, 'i').exec(` ${attrs}`);
  if (!m) return undefined;
  return m[1] ?? m[2] ?? m[3] ?? '';
}

export type LiteResult =
  | { kind: 'lite'; html: string; removed: { scripts: number; inline: number; preloads: number } }
  /**
   * Left as it is, with the reason: the 404 shell (see the module comment), or a page with no script at all —
   * Kiosque's own small pages written by the HTTP hooks (search's 429, the 410 of a withdrawn article), never a
   * page of the App Router, which always has scripts.
   */
  | { kind: 'skip'; reason: 'error-shell' | 'no-script' };

/** The lite version of one App Router HTML document; throws LiteTransformError when the input is not as expected. */
export function liteHtml(html: string): LiteResult {
  if (/<html\b[^>]*\bid="__next_error__"/.test(html)) return { kind: 'skip', reason: 'error-shell' };
  if (![...html.matchAll(SCRIPT)].some((m) => EXECUTABLE_TYPES.has((attribute(m[1] ?? '', 'type') ?? '').trim().toLowerCase()))) {
    return { kind: 'skip', reason: 'no-script' };
  }
  if (/<template\b[^>]*\bid="B:/.test(html) || /<div\b[^>]*\bid="S:/.test(html)) {
    throw new LiteTransformError('a Suspense boundary was streamed late: its content needs React’s inline $RC script to be shown');
  }
  let scripts = 0;
  let inline = 0;
  let flight = 0;
  let out = html.replace(SCRIPT, (whole, attrs: string, code: string) => {
    const src = attribute(attrs, 'src');
    if (src !== undefined) {
      if (FRAMEWORK_SRC.test(src) && src !== LITE_SCRIPT_PATH) {
        scripts += 1;
        return '';
      }
      return whole;
    }
    const type = (attribute(attrs, 'type') ?? '').trim().toLowerCase();
    if (!EXECUTABLE_TYPES.has(type)) return whole; // JSON-LD and other data blocks
    if (isFrameworkInlineScript(code)) {
      inline += 1;
      if (code.includes('__next_f.push([1,')) flight += 1;
      return '';
    }
    throw new LiteTransformError(`an inline script that is not the framework's: ${code.slice(0, 60)}`);
  });
  let preloads = 0;
  out = out.replace(LINK, (tag) => {
    const rel = (attribute(tag.slice(5), 'rel') ?? '').toLowerCase();
    const as = (attribute(tag.slice(5), 'as') ?? '').toLowerCase();
    if (rel === 'modulepreload' || (rel === 'preload' && as === 'script')) {
      preloads += 1;
      return '';
    }
    return tag;
  });
  // The markers this module relies on must have been there: otherwise Next changed how it ships its runtime.
  if (scripts === 0) throw new LiteTransformError('no /_next/static script found: has Next changed how it loads its runtime?');
  if (flight === 0) throw new LiteTransformError('no RSC payload (self.__next_f.push) found: has Next changed how it embeds it?');
  // Next's 404 shell under another marker, or any page whose content lived in the payload: nothing to show.
  if (!/<main\b/.test(out)) throw new LiteTransformError('no <main> in the page: its content would need the runtime');
  const head = out.indexOf('</head>');
  if (head === -1) throw new LiteTransformError('no </head> in the page');
  out = `${out.slice(0, head)}<script src="${LITE_SCRIPT_PATH}" defer=""></script>${out.slice(head)}`;
  assertLite(out);
  return { kind: 'lite', html: out, removed: { scripts, inline, preloads } };
}

/** What a lite page must not contain (also used by the tests on real pages). */
export function liteViolations(html: string): string[] {
  const problems: string[] = [];
  if (html.includes('__next_f')) problems.push('__next_f (RSC payload) left');
  for (const m of html.matchAll(SCRIPT)) {
    const attrs = m[1] ?? '';
    const src = attribute(attrs, 'src');
    if (src !== undefined) {
      if (src !== LITE_SCRIPT_PATH) problems.push(`script ${src}`);
      continue;
    }
    const type = (attribute(attrs, 'type') ?? '').trim().toLowerCase();
    if (EXECUTABLE_TYPES.has(type)) problems.push(`inline script ${(m[2] ?? '').slice(0, 40)}`);
  }
  for (const m of html.matchAll(LINK)) {
    const rel = (attribute(m[0].slice(5), 'rel') ?? '').toLowerCase();
    const as = (attribute(m[0].slice(5), 'as') ?? '').toLowerCase();
    if (rel === 'modulepreload' || (rel === 'preload' && as === 'script')) problems.push(`script preload ${m[0]}`);
  }
  if (/\/_next\/static\/chunks\/[^"'\s]+\.js\b/.test(html)) problems.push('a /_next/static/chunks/*.js reference left');
  return problems;
}

function assertLite(html: string): void {
  const problems = liteViolations(html);
  if (problems.length > 0) throw new LiteTransformError(`the transformed page still carries the runtime: ${problems.join('; ')}`);
}
