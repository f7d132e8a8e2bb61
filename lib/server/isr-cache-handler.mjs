/**
 * Next's own ISR cache (memory, then files under .next/server/route-cache), with one change: a 404 that would
 * create a new file stays in memory only (Next's LRU, `cacheMaxMemorySize`).
 *
 * Why: Next caches every rendered path of an ISR route, 404s included, and never deletes the files. Each unknown
 * URL under a locale (`/fr/politique/anything`, `/fr/wp-login.php/x`) left ≈ 50 KB on disk (HTML, RSC payload,
 * segments), so a scanner could fill the disk one made-up URL at a time. A 404 still replaces a page already on
 * disk (a topic, section or page number that existed and no longer does), so the old page can never come back
 * from disk after a restart or an eviction from memory.
 *
 * Plain JavaScript: Next loads this file itself at run time (next.config.ts `cacheHandler`), outside the bundles.
 * It extends Next's internal FileSystemCache; lib/server/isr-cache-handler.test.ts runs it against the installed
 * Next and fails if the parts it relies on change.
 */
import nextFileSystemCache from 'next/dist/server/lib/incremental-cache/file-system-cache.js';

const FileSystemCache = nextFileSystemCache.default ?? nextFileSystemCache;
const ROUTE_CACHE_PREFIX = '/route-cache/';

export default class ReaderCacheHandler extends FileSystemCache {
  constructor(ctx) {
    super(ctx);
    this.ctx = ctx;
  }

  async set(key, data, ctx) {
    if (data?.kind === 'APP_PAGE' && data.status === 404 && key.startsWith(ROUTE_CACHE_PREFIX) && !this.onDisk(key)) {
      // Next makes a handler per request: the memory-only one (it shares the memory store, static on
      // FileSystemCache, but never writes files) is made only for such a 404.
      return new FileSystemCache({ ...this.ctx, flushToDisk: false }).set(key, data, ctx);
    }
    return super.set(key, data, ctx);
  }

  /** Whether a page is stored on disk under this key (a path Next refuses, too long or with a NUL, is not). */
  onDisk(key) {
    try {
      return this.fs.existsSync(this.getFilePath(`${key}.html`, 'APP_PAGE'));
    } catch {
      return false;
    }
  }
}
