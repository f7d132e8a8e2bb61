/**
 * Fetching an agency feed, bounded: a deadline for the whole exchange (headers and body; AbortController), a
 * maximum body size (read as a stream and abandoned past the cap, whatever Content-Length says), conditional
 * requests (If-None-Match / If-Modified-Since), redirects followed only to http(s), and the platform `fetch`
 * (not Next's patched one, which would cache). A slow, dead or huge feed costs one timer and one socket.
 */
import { WIRE_DOCUMENT_MAX } from './parse';

export const WIRE_FETCH_TIMEOUT_MS = 15_000;

export type FetchOutcome =
  | { kind: 'ok'; text: string; etag: string | null; lastModified: string | null }
  | { kind: 'not_modified' }
  | { kind: 'error'; message: string };

export interface FetchOptions {
  etag?: string | null;
  lastModified?: string | null;
  headers?: Record<string, string>;
  timeoutMs?: number;
  maxBytes?: number;
}

function platformFetch(): typeof fetch {
  const current = globalThis.fetch as typeof fetch & { _nextOriginalFetch?: typeof fetch };
  return typeof current._nextOriginalFetch === 'function' ? current._nextOriginalFetch : current;
}

export async function fetchFeed(url: string, options: FetchOptions = {}): Promise<FetchOutcome> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'error', message: 'invalid URL' };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { kind: 'error', message: 'only http(s) URLs' };
  const timeoutMs = options.timeoutMs ?? WIRE_FETCH_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? WIRE_DOCUMENT_MAX;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  timer.unref?.();
  const headers: Record<string, string> = {
    accept: 'application/rss+xml, application/atom+xml, application/xml, text/xml, application/json;q=0.9, */*;q=0.5',
    'user-agent': 'Kiosque wire desk',
    ...options.headers,
  };
  if (options.etag) headers['if-none-match'] = options.etag;
  if (options.lastModified) headers['if-modified-since'] = options.lastModified;
  try {
    const response = await platformFetch()(parsed, { headers, signal: controller.signal, redirect: 'follow', cache: 'no-store' });
    if (response.status === 304) {
      await response.body?.cancel().catch(() => {});
      return { kind: 'not_modified' };
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => {});
      return { kind: 'error', message: `HTTP ${response.status}` };
    }
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > maxBytes) {
      controller.abort();
      return { kind: 'error', message: `response larger than ${maxBytes} bytes` };
    }
    const reader = response.body?.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    if (reader) {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > maxBytes) {
          controller.abort();
          await reader.cancel().catch(() => {});
          return { kind: 'error', message: `response larger than ${maxBytes} bytes` };
        }
        chunks.push(value);
      }
    }
    const text = new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks));
    return { kind: 'ok', text, etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') };
  } catch (error) {
    if (timedOut) return { kind: 'error', message: `timeout after ${timeoutMs} ms` };
    return { kind: 'error', message: error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message).slice(0, 200) : 'fetch failed' };
  } finally {
    clearTimeout(timer);
  }
}
