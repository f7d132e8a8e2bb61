/**
 * Search's share of the server. Search answers cannot be cached for unique queries, so every one reaches SQLite; a
 * flood of unique queries (measured: 16 connections, ~130 searches/s) cut article throughput from 733 to 149
 * requests/s. Three bounds, checked before Next sees the request (an answer costs microseconds):
 *  - per client (subscriber address through TRUSTED_PROXIES, IPv6 /64): SEARCH_PER_CLIENT_PER_MINUTE searches a
 *    minute, as a burst or spread → 429 with Retry-After;
 *  - server-wide: at most SEARCH_MAX_IN_FLIGHT searches being answered at once and SEARCH_MAX_PER_SECOND a second
 *    (a flood from many addresses) → 429 with Retry-After: 1 and a "search is busy" message;
 * both with a small localized HTML page. Only searches with words count: the empty search page is a plain page.
 */
import http from 'node:http';
import { createTranslator } from 'next-intl';
import { LRUCache } from 'lru-cache';
import en from '@/messages/en.json';
import fr from '@/messages/fr.json';
import { hashClientIp } from '../client-ip';
import { getConfig } from '../config';
import { securityHeaders } from '../headers/security';
import { log } from '../log';
import { clientAddress, compileTrustedProxies, type TrustFn } from '../trusted-proxies';

export interface SearchGuardOptions {
  perClientPerMinute: number;
  maxInFlight: number;
  maxPerSecond: number;
  /** Clients remembered at most. */
  maxClients?: number;
}

/**
 * Refusals are 429 with Retry-After, also for the server-wide bounds (503 would fit "busy" as well, but the request
 * log writes every 5xx as an error line, synchronously: a flood would become a flood of error lines). `reason` says
 * which bound held, and picks the message.
 */
export type Admission = { ok: true; release: () => void } | { ok: false; status: 429; reason: 'client' | 'busy'; retryAfter: number };

const SEARCH_PATH = /^\/(fr|en)\/(?:recherche|search)\/?$/;

/** The locale of a search request with words in `q`, or null for anything else (including the empty search page). */
export function searchLocale(url: string | undefined): 'fr' | 'en' | null {
  if (!url) return null;
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  const match = SEARCH_PATH.exec(path);
  if (!match || q === -1) return null;
  const query = new URLSearchParams(url.slice(q + 1)).get('q') ?? '';
  return /[\p{L}\p{N}]/u.test(query) ? (match[1] as 'fr' | 'en') : null;
}

export class SearchGuard {
  private readonly clients: LRUCache<string, { tokens: number; at: number }>;
  private inFlight = 0;
  private second = { at: 0, n: 0 };

  constructor(private readonly options: SearchGuardOptions) {
    this.clients = new LRUCache({ max: options.maxClients ?? 50_000 });
  }

  admit(clientKey: string, nowMs: number): Admission {
    const capacity = this.options.perClientPerMinute;
    const perMs = capacity / 60_000;
    const bucket = this.clients.get(clientKey);
    const tokens = bucket ? Math.min(capacity, bucket.tokens + (nowMs - bucket.at) * perMs) : capacity;
    if (tokens < 1) {
      this.clients.set(clientKey, { tokens, at: nowMs });
      return { ok: false, status: 429, reason: 'client', retryAfter: Math.max(1, Math.ceil((1 - tokens) / perMs / 1000)) };
    }
    const second = Math.floor(nowMs / 1000);
    if (this.second.at !== second) this.second = { at: second, n: 0 };
    if (this.inFlight >= this.options.maxInFlight || this.second.n >= this.options.maxPerSecond) {
      return { ok: false, status: 429, reason: 'busy', retryAfter: 1 };
    }
    this.clients.set(clientKey, { tokens: tokens - 1, at: nowMs });
    this.second.n += 1;
    this.inFlight += 1;
    let released = false;
    return {
      ok: true,
      release: () => {
        if (released) return;
        released = true;
        this.inFlight -= 1;
      },
    };
  }

  get searchesInFlight(): number {
    return this.inFlight;
  }
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The small localized page of a refused search. */
export function refusalPage(locale: 'fr' | 'en', reason: 'client' | 'busy', retryAfter: number): string {
  const t = createTranslator({ locale, messages: locale === 'fr' ? fr : en, namespace: 'searchLimit' });
  const message = reason === 'client' ? t('rateLimited', { seconds: retryAfter }) : t('busy');
  return `<!DOCTYPE html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(t('title'))} – ${escapeHtml(t('siteName'))}</title></head>
<body><main><h1>${escapeHtml(t('title'))}</h1><p>${escapeHtml(message)}</p><p><a href="/${locale}">${escapeHtml(t('back'))}</a></p></main></body></html>
`;
}

/** Answers refused searches before Next runs; counts admitted ones in flight until their response closes. */
export function installSearchGuard(): void {
  const g = globalThis as unknown as { kiosqueSearchGuard?: boolean };
  if (g.kiosqueSearchGuard) return;
  g.kiosqueSearchGuard = true;
  const config = getConfig();
  const guard = new SearchGuard({
    perClientPerMinute: config.SEARCH_PER_CLIENT_PER_MINUTE,
    maxInFlight: config.SEARCH_MAX_IN_FLIGHT,
    maxPerSecond: config.SEARCH_MAX_PER_SECOND,
  });
  const trust: TrustFn = compileTrustedProxies(config.TRUSTED_PROXIES);
  const headers = securityHeaders()[0]?.headers ?? [];
  let lastWarning = 0;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
      const locale = req.method === 'GET' || req.method === 'HEAD' ? searchLocale(req.url) : null;
      if (locale) {
        const forwarded = req.headers['x-forwarded-for'];
        const address = clientAddress(req.socket?.remoteAddress, Array.isArray(forwarded) ? forwarded.join(',') : forwarded, trust);
        const now = new Date();
        const admission = guard.admit(hashClientIp(address, now), now.getTime());
        if (!admission.ok) {
          const body = refusalPage(locale, admission.reason, admission.retryAfter);
          for (const { key, value } of headers) res.setHeader(key, value);
          res.statusCode = admission.status;
          res.setHeader('content-type', 'text/html; charset=utf-8');
          res.setHeader('cache-control', 'no-store');
          res.setHeader('retry-after', String(admission.retryAfter));
          res.setHeader('content-language', locale);
          res.end(req.method === 'HEAD' ? undefined : body);
          // At most one line a minute: a flood must not turn into a flood of log lines.
          if (now.getTime() - lastWarning > 60_000) {
            lastWarning = now.getTime();
            log.warn('search_refused', { reason: admission.reason, inFlight: guard.searchesInFlight });
          }
          return true;
        }
        res.once('close', admission.release);
      }
    }
    return (emit as (...a: unknown[]) => boolean).call(this, event, ...args);
  } as typeof emit;
}
