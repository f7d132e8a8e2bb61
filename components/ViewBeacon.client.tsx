'use client';

import { useEffect } from 'react';

/**
 * Counts one view of an article, even when the page itself came from a cache: a tiny POST after the page
 * is shown, with sendBeacon (fetch keepalive as a fallback). Nothing is sent for prerendered/prefetched pages
 * that are never shown.
 */
export function ViewBeacon({ articleId }: { articleId: number }) {
  useEffect(() => {
    const send = () => {
      const body = JSON.stringify({ articleId });
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
