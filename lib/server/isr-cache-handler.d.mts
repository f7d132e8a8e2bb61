/** Types of lib/server/isr-cache-handler.mjs (plain JavaScript, loaded by Next at run time). */
import type FileSystemCache from 'next/dist/server/lib/incremental-cache/file-system-cache';

export default class ReaderCacheHandler extends FileSystemCache {
  /** Whether a page is stored on disk under this key. */
  onDisk(key: string): boolean;
}
