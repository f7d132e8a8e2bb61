/**
 * The parse worker as the server relies on it: wire documents are parsed and converted off the main thread (this
 * file makes the main thread's parser and converter throw, and ingestion still works); a document past its
 * deadline or a worker out of memory fails that document only, and the next one is parsed by a fresh worker.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFeed, listWireQueue } from '@/db/wire';
import { newsroom, useTestDb } from '@/tests/support/db';
import { ingestDocument } from './ingest';
import { WireParsePool, WireWorkerError } from './parse-pool';
import { WireParseError } from './types';

vi.mock('./parse', async (original) => ({
  ...(await original<typeof import('./parse')>()),
  parseWire: () => {
    throw new Error('parseWire ran on the main thread');
  },
}));
vi.mock('./html-to-markdown', async (original) => ({
  ...(await original<typeof import('./html-to-markdown')>()),
  htmlToMarkdown: () => {
    throw new Error('htmlToMarkdown ran on the main thread');
  },
}));

const fixture = (name: string) => readFileSync(join(__dirname, '../../tests/fixtures/wire', name), 'utf8');

/** A large ninjs document: `n` stories of a few kilobytes of HTML. */
function bigNinjs(n: number): string {
  const html = '<p>' + 'The port of Kribi handled more containers than ever. '.repeat(40) + '</p>';
  return JSON.stringify(Array.from({ length: n }, (_, i) => ({ uri: `urn:big:${i}`, headline: `Story ${i}`, body_html: html.repeat(3) })));
}

let env: ReturnType<typeof useTestDb>;
let agency: number;
beforeEach(() => {
  env = useTestDb();
  agency = newsroom(env.db, new Date()).author('agency', 'agency');
});
afterEach(() => env.close());

const feed = (format: 'rss' | 'ninjs') =>
  createFeed(null, { name: `f-${format}-${Math.random()}`, agencyId: agency, url: '', format, pollIntervalSeconds: 60, language: 'en', defaultCategoryId: null, autoPublishCategoryId: null, autoPublishGenre: null, enabled: true });

describe('the wire parse worker', () => {
  it('parses and converts off the main thread: items reach the queue with Markdown bodies, scripts and pixels gone', async () => {
    const r = await ingestDocument(feed('rss'), fixture('rss.xml'));
    expect(r.created).toBe(3);
    const [item] = listWireQueue({}, 'en').items;
    const stored = env.db.$client.prepare('select body from wire_items where id = ?').get(item!.id) as { body: string };
    expect(stored.body.length).toBeGreaterThan(0);
    expect(stored.body).not.toMatch(/<script|<img|track\(/);
  });

  it('documents arriving together take turns in the one worker, each stored whole', async () => {
    const pool = new WireParsePool();
    const docs = [5, 1, 3].map((n, d) => JSON.stringify(Array.from({ length: n }, (_, i) => ({ uri: `urn:turn:${d}:${i}`, headline: `Doc ${d} story ${i}`, body_html: '<p>Text.</p>' }))));
    const results = await Promise.all(docs.map((doc) => ingestDocument(feed('ninjs'), doc, new Date(), pool)));
    expect(results.map((r) => r.created)).toEqual([5, 1, 3]);
    expect(listWireQueue({}, 'en').total).toBe(9);
    await pool.close();
  });

  it('a malformed document is refused with its reason, as before', async () => {
    await expect(ingestDocument(feed('ninjs'), '{"uri": ')).rejects.toBeInstanceOf(WireParseError);
    await expect(ingestDocument(feed('ninjs'), '{"uri": ')).rejects.toMatchObject({ code: 'malformed' });
  });

  it('a document past its deadline fails alone; the next document is parsed by a fresh worker', async () => {
    const pool = new WireParsePool();
    const f = feed('ninjs');
    await expect(pool.withDocument(bigNinjs(1_000), 'ninjs', async () => 'unreachable', 1)).rejects.toMatchObject({ name: 'WireWorkerError', code: 'timeout' });
    const r = await ingestDocument(f, JSON.stringify({ uri: 'urn:after', headline: 'After the timeout', body_text: 'Fine.' }), new Date(), pool);
    expect(r.created).toBe(1);
    expect(listWireQueue({}, 'en').items.map((i) => i.headline)).toEqual(['After the timeout']);
    await pool.close();
  });

  it('a worker out of memory fails the document (nothing stored), not the process', async () => {
    const pool = new WireParsePool({ resourceLimits: { maxOldGenerationSizeMb: 24, maxYoungGenerationSizeMb: 4 } });
    const error = await ingestDocument(feed('ninjs'), bigNinjs(1_400), new Date(), pool).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WireWorkerError);
    expect((error as WireWorkerError).code).toBe('crashed');
    expect(listWireQueue({}, 'en').total).toBe(0);
    await pool.close();
  });
});
