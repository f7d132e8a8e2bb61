'use client';

import { useEffect } from 'react';

/**
 * Counts one view of an article, even when the page itself came from a cache: a tiny POST after the page
 * is shown, with sendBeacon (fetch keepalive as a fallback). Nothing is sent for prerendered/prefetched pages
 * that are never shown.
 */
const READER_KEY = 'kiosque.reader';

/**
 * A random token for this browser tab (sessionStorage: gone when the tab closes, never sent anywhere else). It
 * lets the server tell apart readers who share a carrier address and a phone model, while a reload in the same
 * tab counts once (lib/view-beacon.ts). Without storage (blocked, private mode), no token: the server falls back
 * to address and user agent.
 */
function readerToken(): string | undefined {
  try {
    let token = sessionStorage.getItem(READER_KEY);
    if (!token || !/^[A-Za-z0-9_-]{16,64}$/.test(token)) {
      const bytes = crypto.getRandomValues(new Uint8Array(16));
      token = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
      sessionStorage.setItem(READER_KEY, token);
    }
    return token;
  } catch {
    return undefined;
  }
}

export function ViewBeacon({ articleId }: { articleId: number }) {
  useEffect(() => {
    const send = () => {
      const body = JSON.stringify({ articleId, reader: readerToken() });
      if (navigator.sendBeacon?.('/api/views', body)) return;
      void fetch('/api/views', { method: 'POST', body, keepalive: true }).catch(() => {});
    };
    if (document.visibilityState === 'visible') {
      send();
      return;
    }
    const onVisible = () => {
      if (document.visibilityState !== 'visible') return;
      document.removeEventListener('visibilitychange', onVisible);
      send();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [articleId]);
  return null;
}
