/**
 * Counts one view of an article, even when the page itself came from a cache. The server renders only this
 * marker; the reader pages' script (lib/server/lite-script.ts, added by lib/server/lite.ts) sends the POST to
 * /api/views once the page is visible, with sendBeacon (fetch keepalive as a fallback) and a random per-tab token
 * kept in sessionStorage (lib/view-beacon.ts). Prerendered or prefetched pages that are never shown send nothing.
 */
export function ViewBeacon({ articleId }: { articleId: number }) {
  return <div hidden data-view-beacon={articleId} />;
}
