/**
 * Test support for the SEO suites: a fresh, migrated and seeded SQLite file installed as the process-wide
 * connection (getDb()), and an XML parser configured for sitemaps and feeds.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { openDatabase, type Db } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { seedDemo } from '@/db/seed';

export function useTestDatabase(options: { seed?: boolean; now?: Date } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'kiosque-seo-'));
  const db = openDatabase(join(dir, 'test.db'));
  migrateDatabase(db);
  if (options.seed !== false) seedDemo(db, options.now);
  (globalThis as unknown as { kiosqueDb?: Db }).kiosqueDb = db;
  return {
    db,
    close() {
      (globalThis as unknown as { kiosqueDb?: Db }).kiosqueDb = undefined;
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Elements that may repeat are always arrays, so a one-entry sitemap reads like a long one. */
const ALWAYS_ARRAY = new Set(['sitemap', 'url', 'xhtml:link', 'image:image', 'item', 'category', 'atom:link']);

export const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  isArray: (name) => ALWAYS_ARRAY.has(name),
});

export interface ParsedUrl {
  loc: string;
  lastmod?: string;
  'xhtml:link'?: { '@rel': string; '@hreflang': string; '@href': string }[];
  'image:image'?: { 'image:loc': string; 'image:title'?: string }[];
  'news:news'?: {
    'news:publication': { 'news:name': string; 'news:language': string };
    'news:publication_date': string;
    'news:title': string;
  };
}

export function parseUrlset(text: string): ParsedUrl[] {
  const doc = xml.parse(text) as { urlset?: { url?: ParsedUrl[] } };
  if (!doc.urlset) throw new Error('not a urlset');
  return doc.urlset.url ?? [];
}

/** Parsed JSON or XML navigated by assertions: a wrong path fails the assertion, so no static shape is needed. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Parsed = any;
