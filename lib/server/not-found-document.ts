/**
 * Reader 404s as real lite pages (issue 14).
 *
 * Next 16 answers a `notFound()` raised while rendering a page or layout (an unknown article or section slug, a
 * page number past the end, any path under a locale that no route claims, a path outside the locales that the
 * locale proxy leaves alone — one with a dot, such as /wp-login.php) with an
 * empty `<html id="__next_error__">` shell: its not-found content exists only in the RSC payload and appears once
 * React has run (vercel/next.js#62228, still open on 16.4). Without the framework's runtime — which lite reader
 * pages do not ship (./lite.ts) — that shell is a blank page.
 *
 * So the response hook (./response-hooks.ts), when a reader path answers 404 with that shell, sends instead the
 * lite HTML of a real page that renders the same localized content: `/fr/_404`, `/en/_404`
 * (app/[locale]/%5F404/page.tsx) or, for a path outside any known locale, the bilingual `/_404`
 * (app/%5F404/page.tsx). The localized ones render on each request (their header shows this instance's weather
 * now), the bilingual one, which has no header, is static; the hook asks its own server for them over loopback
 * (through the same hooks, so what comes back is already lite) and keeps each for DOCUMENT_TTL_MS, so a flood of
 * dead URLs costs Next's shell render and nothing more. The status (404), Cache-Control and Vary of the original answer are kept.
 *
 * It fails loudly: a document that is missing, not lite, or itself the shell is refused (`NotFoundDocumentError`);
 * the hook then logs `lite_not_found_failed` and sends Next's shell unchanged (it still works with JavaScript).
 * lib/server/not-found-document.test.ts and e2e (budget, no-JS, a11y, security headers) make that fail CI; if a
 * Next upgrade stops sending the shell (renders the content itself), the 404 goes through the ordinary lite
 * transform and the same tests check it.
 */
import http from 'node:http';
import { isLocale, type Locale } from '../../i18n/routing';
import { log } from '../log';
import { liteViolations } from './lite';

export class NotFoundDocumentError extends Error {
  override name = 'NotFoundDocumentError';
}

/** The not-found documents: one per locale, and the bilingual one for paths outside any locale. */
export const NOT_FOUND_DOCUMENT_SEGMENT = '_404';
export const notFoundDocumentPath = (locale: Locale | null) => (locale ? `/${locale}/${NOT_FOUND_DOCUMENT_SEGMENT}` : `/${NOT_FOUND_DOCUMENT_SEGMENT}`);

/** How long a fetched document is reused before it is asked for again (it changes with the header's weather). */
export const DOCUMENT_TTL_MS = 60_000;
/** How long an old copy may still stand in when its refresh fails (a reader page's own horizon, 15 min). */
export const DOCUMENT_MAX_STALE_MS = 15 * 60_000;
const FETCH_TIMEOUT_MS = 5_000;

function pathnameOf(url: string | undefined): string {
  const target = url ?? '/';
  const q = target.indexOf('?');
  return q === -1 ? target : target.slice(0, q);
}

/** `/fr/_404`, `/en/_404`, `/_404` (with or without a query string). */
export function isNotFoundDocumentPath(url: string | undefined): boolean {
  const m = /^\/(?:([^/]+)\/)?_404$/.exec(pathnameOf(url));
  return !!m && (m[1] === undefined || isLocale(m[1]));
}

/** The document to send for a 404 of this path: its locale's, or the bilingual one outside any known locale. */
export function notFoundDocumentFor(url: string | undefined): string {
  const first = pathnameOf(url).split('/')[1] ?? '';
  return notFoundDocumentPath(isLocale(first) ? first : null);
}

/** Next's `notFound()` shell: the root element carries id="__next_error__" and the body has nothing to show. */
export function isErrorShell(html: string): boolean {
  return /<html\b[^>]*\bid="__next_error__"/.test(html);
}

/** What a document must be to stand in for the shell: a whole lite page with content. */
export function documentProblems(html: string): string[] {
  const problems = liteViolations(html);
  if (isErrorShell(html)) problems.push('it is itself the __next_error__ shell');
  if (!/<html\b[^>]*\blang="[a-z]{2}"/.test(html)) problems.push('no <html lang>');
  if (!/<main\b[^>]*>[\s\S]*<h1\b[^>]*>[^<]+<\/h1>/.test(html)) problems.push('no <main> with an <h1>');
  if (!/<meta name="robots" content="noindex[^"]*"/.test(html)) problems.push('no robots noindex');
  return problems;
}

/** Where to ask: the address and port the request came in on (the server's own listening socket). */
export interface LoopbackTarget {
  host: string;
  port: number;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

function get(target: LoopbackTarget, path: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      { host: target.host, port: target.port, path, agent, headers: { 'accept-encoding': 'identity', accept: 'text/html' }, timeout: FETCH_TIMEOUT_MS },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${FETCH_TIMEOUT_MS} ms`)));
    req.on('error', reject);
  });
}

interface Entry {
  html: string;
  at: number;
  encoded: Map<string, Buffer>;
}

/** The documents in memory, each fetched at most once at a time and reused for DOCUMENT_TTL_MS. */
export class NotFoundDocuments {
  private readonly entries = new Map<string, Entry>();
  private readonly pending = new Map<string, Promise<Entry>>();

  constructor(private readonly now: () => number = Date.now) {}

  /** The document at `path` (a lite HTML page), encoded with `encode` (cached per encoding). */
  async get(target: LoopbackTarget, path: string, encoding: string, encode: (html: string) => Buffer): Promise<{ body: Buffer; html: string }> {
    const entry = await this.entry(target, path);
    let body = entry.encoded.get(encoding);
    if (!body) {
      body = encode(entry.html);
      entry.encoded.set(encoding, body);
    }
    return { body, html: entry.html };
  }

  private async entry(target: LoopbackTarget, path: string): Promise<Entry> {
    const known = this.entries.get(path);
    if (known && this.now() - known.at < DOCUMENT_TTL_MS) return known;
    let pending = this.pending.get(path);
    if (!pending) {
      pending = this.fetch(target, path).finally(() => this.pending.delete(path));
      this.pending.set(path, pending);
    }
    try {
      return await pending;
    } catch (error) {
      // An old copy is better than the shell while its refresh fails.
      if (known && this.now() - known.at < DOCUMENT_MAX_STALE_MS) {
        log.warn('lite_not_found_stale', { path, error });
        return known;
      }
      throw error;
    }
  }

  private async fetch(target: LoopbackTarget, path: string): Promise<Entry> {
    const res = await get(target, path);
    // The hooks answer the documents with 404 (they are the not-found page); 200 would do as well.
    if (res.status !== 404 && res.status !== 200) throw new NotFoundDocumentError(`${path} answered ${res.status}`);
    if (!/^text\/html\b/i.test(res.type)) throw new NotFoundDocumentError(`${path} is not HTML (${res.type})`);
    const problems = documentProblems(res.body);
    if (problems.length) throw new NotFoundDocumentError(`${path} cannot stand in for the 404 shell: ${problems.join('; ')}`);
    const entry = { html: res.body, at: this.now(), encoded: new Map<string, Buffer>() };
    this.entries.set(path, entry);
    return entry;
  }
}
