/**
 * Two process-wide hooks on Node's HTTP server, installed once by instrumentation.ts `register()` in the
 * `next start` process (Next has no per-response hook of its own):
 *
 *  1. HTML responses are held until complete, then sent with a Content-Security-Policy extended by the hashes
 *     of their inline framework scripts (lib/headers/csp.ts). The hook sits at the bottom of the stack
 *     (ServerResponse.prototype), below Next's gzip middleware, so it may see compressed bytes: it decompresses
 *     a copy to hash it and sends the original bytes unchanged. Cost: a streamed HTML response (only the dynamic
 *     search page streams) is delivered at once instead of progressively. A 304 goes out without the header, so
 *     the browser keeps the policy it stored with the page.
 *     Reader pages (everything but the newsroom) are first made "lite" (./lite.ts): the framework's scripts and
 *     RSC payload removed, one small first-party script added, the body re-encoded with the response's
 *     content-encoding, its length and ETag adjusted; transformed bodies are kept by ETag (LRU), so a cached page
 *     is transformed once. Their policy then has no inline-script hash at all (`script-src 'self'`). The lite
 *     script itself is answered here, from memory, immutable.
 *  2. One JSON log line per request when it finishes (method, path without search terms, status, duration).
 *  3. Requests Next.js would answer with a 500 are answered with the right 4xx first (./request-guard.ts).
 *  4. Reader pages are answered from the one-second page cache when it has them, and fill it when it does not
 *     (./page-cache.ts); requests that write run in a scope that purges it again when they end.
 */
import http from 'node:http';
import zlib from 'node:zlib';
import { clampToSiteDay } from '../headers/cache';
import { cspForHtml } from '../headers/csp';
import { securityHeaders } from '../headers/security';
import { LRUCache } from 'lru-cache';
import { checkRequest, stripFragileHeaders } from './request-guard';
import { isLitePath, LITE_ETAG_SUFFIX, LITE_SCRIPT_BODY, LITE_SCRIPT_PATH, liteHtml } from './lite';
import { isErrorShell, isNotFoundDocumentPath, notFoundDocumentFor, NotFoundDocuments } from './not-found-document';
import { goneLocale, gonePage } from './gone';
import { legacyRedirect } from '../../db/wordpress';
import { log, redactPath } from '../log';
import { lookupPage, pageCacheKey, releaseTicket, storePage, withPurgeScope, type CachedPage, type FillTicket } from './page-cache';

const CSP = 'content-security-policy';
/** HTML bigger than this is sent unmodified with the base policy (no Kiosque page comes close). */
const MAX_BUFFERED_HTML = 8 * 1024 * 1024;

type Chunk = string | Uint8Array;
type Callback = (error?: Error | null) => void;

interface HeldResponse {
  mode: 'hold' | 'pass' | 'flushing';
  chunks: Buffer[];
  size: number;
  head?: { statusCode: number; statusMessage?: string };
  /** The lite not-found document sent in place of Next's 404 shell (./not-found-document.ts), as HTML. */
  notFoundDocument?: string;
}

const held = new WeakMap<http.ServerResponse, HeldResponse>();

/** Policies of recently sent pages by ETag (LRU): a page served from cache is hashed once, not per request. */
const policyCache = new Map<string, string>();
const POLICY_CACHE_SIZE = 1000;

function isHtml(res: http.ServerResponse): boolean {
  const type = res.getHeader('content-type');
  return typeof type === 'string' && /^text\/html\b/i.test(type);
}

/** Lite reader pages (./lite.ts): on in the `next start` process (instrumentation.ts). */
let liteEnabled = false;
type LiteEntry = { skip: true } | { skip: false; body: Buffer; etag?: string; policy?: string };
/** Transformed bodies by ETag, encoding and base policy: a page served from cache is transformed once. */
const liteCache = new LRUCache<string, LiteEntry>({
  max: 2000,
  maxSize: 64 * 1024 * 1024,
  sizeCalculation: (entry) => (entry.skip ? 1 : entry.body.length + 1),
});
/** Responses to a conditional request that named a lite ETag: their 304 must name it too. */
const liteRevalidations = new WeakSet<http.ServerResponse>();
const gzippedLiteScript = zlib.gzipSync(LITE_SCRIPT_BODY, { level: 9 });
/** Requests that went to Next and whose response may fill the page cache (./page-cache.ts). */
const fillTickets = new WeakMap<http.ServerResponse, FillTicket>();
/** Server-rendered stand-ins for Next's `notFound()` shell on reader paths (./not-found-document.ts). */
const notFoundDocuments = new NotFoundDocuments();

/**
 * A reader page's 404 that Next sent as its `notFound()` shell (content only in the RSC payload): the lite
 * not-found document must be sent instead. HEAD has no body to replace (its headers are the GET's).
 */
function isReaderErrorShell(res: http.ServerResponse, state: HeldResponse): boolean {
  const status = state.head?.statusCode ?? res.statusCode;
  if (!liteEnabled || status !== 404 || res.req?.method !== 'GET' || !isLitePath(res.req.url) || isNotFoundDocumentPath(res.req.url)) return false;
  const encoding = res.getHeader('content-encoding');
  try {
    return isErrorShell(decode(Buffer.concat(state.chunks), typeof encoding === 'string' ? encoding : ''));
  } catch {
    return false;
  }
}

function encode(html: string, encoding: string): Buffer {
  const body = Buffer.from(html, 'utf8');
  switch (encoding.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return zlib.gzipSync(body);
    case 'br':
      return zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 6, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
    case 'deflate':
      return zlib.deflateSync(body);
    default:
      return body;
  }
}

function liteEtag(etag: string): string {
  return etag.endsWith('"') ? `${etag.slice(0, -1)}${LITE_ETAG_SUFFIX}"` : etag;
}

/** The lite body of a reader page (null: sent as it is, with the framework's scripts hashed into the policy). */
function liteBody(res: http.ServerResponse, body: Buffer, encoding: string, policy: unknown): Exclude<LiteEntry, { skip: true }> | null {
  const etag = res.getHeader('etag');
  const key = typeof etag === 'string' ? `${etag} ${encoding} ${String(policy)}` : null;
  const known = key ? liteCache.get(key) : undefined;
  if (known) return known.skip ? null : known;
  let entry: LiteEntry;
  try {
    const result = liteHtml(decode(body, encoding));
    if (result.kind === 'skip') entry = { skip: true };
    else {
      let extended: string | undefined;
      if (typeof policy === 'string') {
        const csp = cspForHtml(policy, result.html);
        extended = csp.policy;
        if (csp.rejected > 0) log.warn('csp_inline_script_not_hashed', { path: redactPath(res.req?.url ?? ''), count: csp.rejected });
      }
      entry = { skip: false, body: encode(result.html, encoding), etag: typeof etag === 'string' ? liteEtag(etag) : undefined, policy: extended };
    }
  } catch (error) {
    // The page still works as it is (full runtime); the tests (lib/server/lite.test.ts, e2e) make this loud.
    log.error('lite_transform_failed', { path: redactPath(res.req?.url ?? ''), error });
    return null;
  }
  if (key) liteCache.set(key, entry);
  return entry.skip ? null : entry;
}

/** A 304 answering a lite ETag names the lite ETag again (Next compared the original one). */
function fixRevalidatedEtag(res: http.ServerResponse) {
  if (!liteRevalidations.has(res)) return;
  const etag = res.getHeader('etag');
  if (typeof etag === 'string' && !etag.endsWith(`${LITE_ETAG_SUFFIX}"`)) res.setHeader('etag', liteEtag(etag));
}

function decode(body: Buffer, encoding: string): string {
  switch (encoding.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return zlib.gunzipSync(body).toString('utf8');
    case 'br':
      return zlib.brotliDecompressSync(body).toString('utf8');
    case 'deflate':
      return zlib.inflateSync(body).toString('utf8');
    default:
      return body.toString('utf8');
  }
}

function toBuffer(chunk: Chunk, encoding?: BufferEncoding): Buffer {
  return typeof chunk === 'string' ? Buffer.from(chunk, encoding ?? 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

/** Copies headers given to writeHead() onto the response, so that they are visible to getHeader(). */
function applyHeadArgs(res: http.ServerResponse, args: unknown[]): { statusMessage?: string } {
  let statusMessage: string | undefined;
  let headers: unknown;
  if (typeof args[0] === 'string') {
    statusMessage = args[0];
    headers = args[1];
  } else headers = args[0];
  if (Array.isArray(headers)) {
    // [name, value, name, value] or [[name, value], …]
    const flat = headers.flat() as unknown[];
    for (let i = 0; i + 1 < flat.length; i += 2) res.setHeader(String(flat[i]), flat[i + 1] as string);
  } else if (headers && typeof headers === 'object') {
    for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value as string);
  }
  return { statusMessage };
}

let installed = false;

export function installResponseHooks(options: { logRequests?: boolean; lite?: boolean } = {}): void {
  if (options.lite !== undefined) liteEnabled = options.lite;
  if (installed) return;
  installed = true;
  const proto = http.ServerResponse.prototype;
  type Loose<R> = (this: http.ServerResponse, ...args: unknown[]) => R;
  const original = {
    writeHead: proto.writeHead as unknown as Loose<http.ServerResponse>,
    write: proto.write as unknown as Loose<boolean>,
    end: proto.end as unknown as Loose<http.ServerResponse>,
  };

  function stateOf(res: http.ServerResponse): HeldResponse {
    let state = held.get(res);
    if (!state) {
      state = { mode: !res.headersSent && isHtml(res) ? 'hold' : 'pass', chunks: [], size: 0 };
      held.set(res, state);
    }
    return state;
  }

  function release(res: http.ServerResponse, state: HeldResponse) {
    state.mode = 'flushing';
    // No shared cache keeps a page past the next midnight in the site's time zone (lib/headers/cache.ts).
    const cacheControl = res.getHeader('cache-control');
    if (typeof cacheControl === 'string') res.setHeader('cache-control', clampToSiteDay(cacheControl, new Date()));
    let body: Buffer = Buffer.concat(state.chunks);
    state.chunks = [];
    const policy = res.getHeader(CSP);
    let status = state.head?.statusCode ?? res.statusCode;
    // The not-found documents are the 404 page, also when asked for directly (./not-found-document.ts).
    if (liteEnabled && status === 200 && isNotFoundDocumentPath(res.req?.url)) {
      status = 404;
      res.statusCode = 404;
      if (state.head) state.head = { statusCode: 404 };
    }
    if (status === 304) fixRevalidatedEtag(res);
    const contentEncoding = res.getHeader('content-encoding');
    const lite =
      liteEnabled && state.notFoundDocument === undefined && body.length > 0 && res.req?.method === 'GET' && isLitePath(res.req.url)
        ? liteBody(res, body, typeof contentEncoding === 'string' ? contentEncoding : '', policy)
        : null;
    if (liteEnabled && res.req?.method === 'HEAD' && status === 200 && isLitePath(res.req.url)) {
      // What a GET would answer: the lite page's ETag; its length is not known without rendering it here.
      const etag = res.getHeader('etag');
      if (typeof etag === 'string') res.setHeader('etag', liteEtag(etag));
      res.removeHeader('content-length');
    }
    if (state.notFoundDocument !== undefined) {
      // Already lite (it came through these hooks): no inline script, so the base policy stays as it is.
      if (typeof policy === 'string') res.setHeader(CSP, cspForHtml(policy, state.notFoundDocument).policy);
      res.removeHeader('etag');
      res.setHeader('x-robots-tag', 'noindex');
      res.setHeader('content-length', body.length);
    } else if (lite) {
      body = lite.body;
      res.setHeader('content-length', body.length);
      if (lite.etag) res.setHeader('etag', lite.etag);
      if (lite.policy) res.setHeader(CSP, lite.policy);
    } else if (typeof policy === 'string' && body.length > 0) {
      // Cached pages carry an ETag of their content: the same page gets the same policy without re-reading it.
      const etag = res.getHeader('etag');
      const key = typeof etag === 'string' ? `${etag} ${policy}` : null;
      const known = key ? policyCache.get(key) : undefined;
      if (known) {
        res.setHeader(CSP, known);
        policyCache.delete(key!);
        policyCache.set(key!, known);
      } else {
        try {
          const encoding = res.getHeader('content-encoding');
          const html = decode(body, typeof encoding === 'string' ? encoding : '');
          const { policy: extended, rejected } = cspForHtml(policy, html);
          res.setHeader(CSP, extended);
          if (key) {
            policyCache.set(key, extended);
            if (policyCache.size > POLICY_CACHE_SIZE) policyCache.delete(policyCache.keys().next().value!);
          }
          if (rejected > 0) log.warn('csp_inline_script_not_hashed', { path: redactPath(res.req?.url ?? ''), count: rejected });
        } catch (error) {
          log.error('csp_hashing_failed', { path: redactPath(res.req?.url ?? ''), error });
        }
      }
    }
    // The whole body is known now: send its length instead of chunked encoding (a streamed page would otherwise
    // be chunked, and a cache in front keeps it chunked; measured: the search page through nginx went from
    // ~700 to cache speed). Not for HEAD, 204 or 304, whose length describes no body here.
    if (res.req?.method !== 'HEAD' && status !== 204 && status !== 304 && !res.hasHeader('content-length') && !res.hasHeader('transfer-encoding')) {
      res.setHeader('content-length', body.length);
    }
    const ticket = fillTickets.get(res);
    if (ticket) {
      fillTickets.delete(res);
      storePage(ticket, status, res.getHeaders(), state.notFoundDocument === undefined ? body : null);
    }
    if (state.head) original.writeHead.call(res, state.head.statusCode, state.head.statusMessage);
    return body;
  }

  /** A reader page from the page cache: its stored headers (length, ETag, policy included) and bytes, as Next sent them. */
  function sendCachedPage(res: http.ServerResponse, page: CachedPage) {
    original.writeHead.call(res, 200, page.headers);
    original.end.call(res, page.body);
  }

  proto.writeHead = function writeHead(this: http.ServerResponse, statusCode: number, ...rest: unknown[]) {
    // A 304 updates the headers the browser stored with the page; a policy computed on an empty body would
    // replace the one matching the stored page and block its scripts. Without the header the stored one stays.
    if (statusCode === 304) {
      this.removeHeader(CSP);
      fixRevalidatedEtag(this);
    }
    const state = held.get(this);
    if (state?.mode === 'flushing' || state?.mode === 'pass') {
      return original.writeHead.call(this, statusCode, ...rest);
    }
    const { statusMessage } = applyHeadArgs(this, rest);
    const decided = stateOf(this);
    if (decided.mode === 'hold') {
      decided.head = { statusCode, statusMessage };
      this.statusCode = statusCode;
      return this;
    }
    return original.writeHead.call(this, statusCode, statusMessage);
  } as typeof proto.writeHead;

  proto.write = function write(this: http.ServerResponse, chunk: Chunk, ...rest: unknown[]) {
    const state = stateOf(this);
    if (state.mode !== 'hold') return original.write.call(this, chunk, ...rest);
    const encoding = typeof rest[0] === 'string' ? (rest[0] as BufferEncoding) : undefined;
    const callback = rest.find((r): r is Callback => typeof r === 'function');
    const buffer = toBuffer(chunk, encoding);
    state.chunks.push(buffer);
    state.size += buffer.length;
    if (state.size > MAX_BUFFERED_HTML) {
      // Give up on hashing: send what we have with the base policy and stream the rest.
      const body = Buffer.concat(state.chunks);
      state.chunks = [];
      state.mode = 'flushing';
      if (state.head) original.writeHead.call(this, state.head.statusCode, state.head.statusMessage);
      return original.write.call(this, body, callback);
    }
    if (callback) process.nextTick(callback);
    return true;
  } as typeof proto.write;

  proto.end = function end(this: http.ServerResponse, ...args: unknown[]) {
    const state = stateOf(this);
    if (state.mode !== 'hold') return original.end.call(this, ...args);
    let chunk: Chunk | undefined;
    let encoding: BufferEncoding | undefined;
    let callback: (() => void) | undefined;
    for (const arg of args) {
      if (typeof arg === 'function') callback = arg as () => void;
      else if (typeof arg === 'string' && chunk !== undefined) encoding = arg as BufferEncoding;
      else if (arg !== undefined && arg !== null && chunk === undefined) chunk = arg as Chunk;
    }
    if (chunk !== undefined) {
      const buffer = toBuffer(chunk, encoding);
      state.chunks.push(buffer);
    }
    const socket = this.req?.socket;
    if (socket?.localAddress && socket.localPort && isReaderErrorShell(this, state)) {
      // Next's notFound() shell is blank without its runtime: send the server-rendered not-found document of the
      // path's language instead (./not-found-document.ts), fetched from this server (from memory once known).
      const contentEncoding = this.getHeader('content-encoding');
      const encoding = typeof contentEncoding === 'string' ? contentEncoding : '';
      const url = this.req.url;
      notFoundDocuments
        .get({ host: socket.localAddress, port: socket.localPort }, notFoundDocumentFor(url), encoding, (html) => encode(html, encoding))
        .then(
          (doc) => {
            state.chunks = [doc.body];
            state.notFoundDocument = doc.html;
          },
          (error: unknown) => log.error('lite_not_found_failed', { path: redactPath(url ?? ''), error }),
        )
        .finally(() => {
          // Outside Next's call stack now: an exception here would be an unhandled rejection, so it ends here.
          try {
            original.end.call(this, release(this, state), callback);
          } catch (error) {
            log.error('response_hook_failed', { path: redactPath(url ?? ''), error });
            this.destroy();
          }
        });
      return this;
    }
    const body = release(this, state);
    return original.end.call(this, body, callback);
  } as typeof proto.end;

  const logRequests = options.logRequests ?? true;
  const guardHeaders = securityHeaders()[0]?.headers ?? [];
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
      if (logRequests) logWhenDone(req, res);
      let rejection = null;
      try {
        rejection = checkRequest(req.method, req.url, req.headers);
        stripFragileHeaders(req.headers, req.url);
      } catch (error) {
        log.error('request_guard_failed', { error });
      }
      if (rejection) {
        for (const { key, value } of guardHeaders) res.setHeader(key, value);
        res.setHeader('content-type', 'text/plain; charset=utf-8');
        res.setHeader('cache-control', 'no-store');
        if (rejection.allow) res.setHeader('allow', rejection.allow);
        res.statusCode = rejection.status;
        res.end(rejection.status === 405 ? 'Méthode non autorisée / Method not allowed\n' : 'Requête invalide / Bad request\n');
        return true;
      }
      // The lite reader pages' one script (./lite.ts), from memory: immutable, its URL names its content.
      if (liteEnabled && (req.method === 'GET' || req.method === 'HEAD') && req.url === LITE_SCRIPT_PATH) {
        for (const { key, value } of guardHeaders) res.setHeader(key, value);
        const gzip = /\bgzip\b/i.test(String(req.headers['accept-encoding'] ?? ''));
        const script = gzip ? gzippedLiteScript : LITE_SCRIPT_BODY;
        res.setHeader('content-type', 'text/javascript; charset=utf-8');
        res.setHeader('cache-control', 'public, max-age=31536000, immutable');
        res.setHeader('vary', 'Accept-Encoding');
        if (gzip) res.setHeader('content-encoding', 'gzip');
        res.setHeader('content-length', script.length);
        res.statusCode = 200;
        res.end(req.method === 'HEAD' ? undefined : script);
        return true;
      }
      // A conditional request naming a lite page's ETag: Next knows the page by its own ETag (see liteBody).
      const inm = req.headers['if-none-match'];
      if (liteEnabled && typeof inm === 'string' && inm.includes('-l') && isLitePath(req.url)) {
        req.headers['if-none-match'] = inm.replace(/-l([0-9a-f]{8})"/g, (suffix, hash: string) => (`-l${hash}` === LITE_ETAG_SUFFIX ? '"' : `-stale"`));
        liteRevalidations.add(res);
      }
      // Unpublished and deleted articles: 410 in the URL's language (./gone.ts). A failed lookup lets Next answer.
      let gone = null;
      try {
        gone = goneLocale(req.method, req.url);
      } catch (error) {
        log.error('gone_lookup_failed', { error });
      }
      // Old WordPress URLs (db/wordpress.ts legacyRedirect): 301 to the new URL after one primary-key lookup.
      let moved: string | null = null;
      if (!gone && (req.method === 'GET' || req.method === 'HEAD') && !/^\/(?:_next|media|api|newsroom)(?:[/?]|$)/.test(req.url ?? '') && !isNotFoundDocumentPath(req.url)) {
        try {
          moved = legacyRedirect(req.url ?? '');
        } catch (error) {
          log.error('legacy_redirect_failed', { error });
        }
      }
      if (moved) {
        for (const { key, value } of guardHeaders) res.setHeader(key, value);
        res.setHeader('location', moved);
        res.setHeader('cache-control', 'public, max-age=86400');
        res.statusCode = 301;
        res.end();
        return true;
      }
      if (gone) {
        for (const { key, value } of guardHeaders) res.setHeader(key, value);
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.setHeader('cache-control', 'no-store');
        res.setHeader('x-robots-tag', 'noindex');
        res.statusCode = 410;
        res.end(req.method === 'HEAD' ? undefined : gonePage(gone));
        return true;
      }
      // Reader pages answered from the origin's one-second page cache (./page-cache.ts), before Next sees them.
      const key = liteEnabled && isLitePath(req.url) && !isNotFoundDocumentPath(req.url) ? pageCacheKey(req) : null;
      if (key) {
        const found = lookupPage(key);
        if ('page' in found) {
          sendCachedPage(res, found.page);
          return true;
        }
        fillTickets.set(res, found.fill);
        res.once('close', () => {
          if (fillTickets.delete(res)) releaseTicket(found.fill);
        });
      }
      // Writes (Server Actions, the revalidation routes) purge the page cache again when they end (./page-cache.ts).
      // Not the view beacon: the most frequent write, and one that refreshes nothing.
      if (req.method !== 'GET' && req.method !== 'HEAD' && !req.url?.startsWith('/api/views')) {
        return withPurgeScope(res, () => (emit as (...a: unknown[]) => boolean).call(this, event, ...args));
      }
    }
    return (emit as (...a: unknown[]) => boolean).call(this, event, ...args);
  } as typeof emit;
}

function logWhenDone(req: http.IncomingMessage, res: http.ServerResponse) {
  const started = process.hrtime.bigint();
  let done = false;
  const finish = (aborted: boolean) => {
    if (done) return;
    done = true;
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const fields = {
      method: req.method,
      path: redactPath(req.url ?? ''),
      status: res.statusCode,
      ms: Math.round(ms * 10) / 10,
      ...(aborted ? { aborted: true } : {}),
    };
    if (res.statusCode >= 500) log.error('request', fields);
    else log.info('request', fields);
  };
  res.once('finish', () => finish(false));
  res.once('close', () => finish(!res.writableFinished));
}
