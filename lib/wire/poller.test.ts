/**
 * Polling against fake agency servers started here (node:http on 127.0.0.1): conditional requests, a hung feed,
 * HTTP 500, a 50 MB body, malformed XML and entity expansion. The oracle is what an editor and a reader observe:
 * the queue (db/wire listWireQueue), the feed's status (listFeeds) and whether anything was written.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFeed, feedRow, listFeeds, listWireQueue } from '@/db/wire';
import { wireFeeds } from '@/db/schema';
import { eq } from 'drizzle-orm';
import { newsroom, useTestDb } from '@/tests/support/db';
import { ingestDocument } from './ingest';
import { pollDueFeeds, type PollDeps } from './poller';
import { encryptCredentials } from './credentials';
import { WireParsePool } from './parse-pool';

const fixture = (name: string) => readFileSync(join(__dirname, '../../tests/fixtures/wire', name), 'utf8');
const rss = fixture('rss.xml');

let env: ReturnType<typeof useTestDb>;
let agency: number;
let server: Server;
let base: string;
let handler: (req: IncomingMessage, res: ServerResponse) => void;
const seen: IncomingMessage[] = [];

beforeEach(async () => {
  env = useTestDb();
  const n = newsroom(env.db, new Date());
  n.category('news');
  agency = n.author('agency', 'agency');
  seen.length = 0;
  server = createServer((req, res) => {
    seen.push(req);
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  env.close();
});

function feedAt(path: string, format: 'rss' | 'atom' | 'ninjs' = 'rss') {
  return createFeed(null, { name: path, agencyId: agency, url: base + path, format, pollIntervalSeconds: 60, language: 'fr', defaultCategoryId: null, autoPublishCategoryId: null, autoPublishGenre: null, enabled: true });
}

const deps = (timeoutMs = 500): PollDeps => ({ ingest: (feed, text, now) => ingestDocument(feed, text, now), fetchOptions: { timeoutMs } });
const state = (timeoutMs?: number) => ({ owner: 'test', deps: deps(timeoutMs), inFlight: new Set<Promise<unknown>>() });
const due = (id: number) => env.db.update(wireFeeds).set({ nextPollAt: new Date(0) }).where(eq(wireFeeds.id, id)).run();

describe('polling', () => {
  it('ingests, then asks conditionally and gets 304; status shows the last success', async () => {
    handler = (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"', 'last-modified': 'Tue, 01 Dec 2026 02:00:00 GMT' }).end(rss);
    };
    const f = feedAt('/rss');
    expect((await pollDueFeeds(state()))[0]).toMatchObject({ kind: 'ingested' });
    expect(listWireQueue({}, 'fr').total).toBe(3);
    due(f.id);
    expect((await pollDueFeeds(state()))[0]).toMatchObject({ kind: 'not_modified' });
    expect(seen[1]!.headers['if-modified-since']).toBe('Tue, 01 Dec 2026 02:00:00 GMT');
    const status = listFeeds()[0]!;
    expect(status.lastSuccessAt).not.toBeNull();
    expect(status.lastError).toBeNull();
    expect(status.nextPollAt!.getTime()).toBeGreaterThan(Date.now() + 50_000);
  });

  it('sends the stored credentials', async () => {
    process.env.WIRE_SECRET = 'a-test-secret-of-enough-length';
    handler = (req, res) => {
      if (req.headers.authorization !== 'Bearer s3cret') return void res.writeHead(401).end();
      res.writeHead(200).end(rss);
    };
    const f = feedAt('/private');
    env.db.update(wireFeeds).set({ credentials: encryptCredentials({ kind: 'bearer', token: 's3cret' }) }).where(eq(wireFeeds.id, f.id)).run();
    expect((await pollDueFeeds(state()))[0]).toMatchObject({ kind: 'ingested' });
    expect(JSON.stringify(listFeeds())).not.toContain('s3cret');
    delete process.env.WIRE_SECRET;
  });

  const hostile: [string, (req: IncomingMessage, res: ServerResponse) => void, RegExp][] = [
    ['hangs', () => {}, /timeout/],
    ['returns 500', (_q, res) => void res.writeHead(500).end('oops'), /HTTP 500/],
    ['returns 50 MB', (_q, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      const chunk = Buffer.alloc(1024 * 1024, 'a');
      let sent = 0;
      const write = () => {
        while (sent < 50 && res.write(chunk)) sent++;
        if (sent < 50) res.once('drain', write);
        else res.end();
      };
      res.on('error', () => {});
      write();
    }, /larger than/],
    ['returns malformed XML', (_q, res) => void res.writeHead(200).end('<rss version="2.0"><channel><item><title>x</title>'), /malformed/],
    ['returns malformed JSON', (_q, res) => void res.writeHead(200).end('{"uri": '), /malformed/],
    ['returns entity expansion', (_q, res) => void res.writeHead(200).end('<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]><rss version="2.0"><channel><item><title>&b;</title><guid>x</guid></item></channel></rss>'), /dtd_refused/],
  ];
  for (const [what, serve, reason] of hostile) {
    it(`a feed that ${what} writes nothing, records the error and backs off`, async () => {
      handler = serve;
      const f = feedAt('/bad', what.includes('JSON') ? 'ninjs' : 'rss');
      const [r] = await pollDueFeeds(state(what.includes('MB') ? 20_000 : 500));
      expect(r).toMatchObject({ kind: 'error' });
      expect(listWireQueue({}, 'fr').total).toBe(0);
      const status = listFeeds()[0]!;
      expect(status.lastError).toMatch(reason);
      expect(status.failures).toBe(1);
      expect(status.nextPollAt!.getTime()).toBeGreaterThan(Date.now() + 100_000); // 60 s × 2
      expect(feedRow(f.id)!.leaseOwner).toBeNull();
    });
  }

  it('a hung feed does not hold another feed', async () => {
    handler = (req, res) => {
      if (req.url === '/hang') return;
      res.writeHead(200).end(rss);
    };
    feedAt('/hang');
    feedAt('/ok');
    const s = state(30_000);
    const all = pollDueFeeds(s);
    // The good feed's items arrive while the other is still hanging; then the agency drops the hung request.
    await expect.poll(() => listWireQueue({}, 'fr').total, { timeout: 20_000, interval: 20 }).toBe(3);
    server.closeAllConnections();
    const results = await all;
    expect(results.map((r) => r.kind).sort()).toEqual(['error', 'ingested']);
  });

  it('polls RSS 2.0, Atom and ninjs feeds; the same document again changes nothing; a newer version updates the queue', async () => {
    const served = new Map([['/rss', fixture('rss.xml')], ['/atom', fixture('atom.xml')], ['/ninjs', fixture('ninjs3.json')]]);
    handler = (req, res) => void res.writeHead(200).end(served.get(req.url ?? '') ?? '');
    const feeds = [feedAt('/rss'), feedAt('/atom', 'atom'), feedAt('/ninjs', 'ninjs')];
    expect((await pollDueFeeds(state(5_000))).map((r) => r.kind)).toEqual(['ingested', 'ingested', 'ingested']);
    const first = listWireQueue({}, 'fr').items;
    expect(first.map((i) => i.feedName).sort()).toEqual(['/atom', '/ninjs', '/rss', '/rss', '/rss']);
    expect(first.find((i) => i.feedName === '/atom')!.headline).toBe('Rains in the north & east');
    // No ETag from this agency: the whole document comes again, every item a repeat.
    for (const f of feeds) due(f.id);
    const again = await pollDueFeeds(state(5_000));
    expect(again.map((r) => (r.kind === 'ingested' ? [r.result.created, r.result.updated] : r.kind))).toEqual([[0, 0], [0, 0], [0, 0]]);
    expect(listWireQueue({}, 'fr').items.map((i) => [i.id, i.version])).toEqual(first.map((i) => [i.id, i.version]));
    // The Atom entry gets a newer version.
    served.set('/atom', fixture('atom.xml').replaceAll('2026-12-01T01:00:00Z', '2026-12-01T03:00:00Z').replace('Rains in the north', 'Floods in the north'));
    due(feeds[1]!.id);
    await pollDueFeeds(state(5_000));
    const atom = listWireQueue({}, 'fr').items.find((i) => i.feedName === '/atom')!;
    expect(atom).toMatchObject({ headline: 'Floods in the north & east', version: 2 });
    expect(listWireQueue({}, 'fr').total).toBe(5);
  });

  it('a document the parse worker cannot finish in time writes nothing and shows the error on the feed status', async () => {
    handler = (_q, res) => void res.writeHead(200).end(rss);
    const f = feedAt('/slow');
    const pool = new WireParsePool({ timeoutMs: 1 });
    const [r] = await pollDueFeeds({ owner: 'test', deps: { ingest: (feed, text, now) => ingestDocument(feed, text, now, pool), fetchOptions: { timeoutMs: 5_000 } }, inFlight: new Set() });
    expect(r).toMatchObject({ kind: 'error' });
    expect(listWireQueue({}, 'fr').total).toBe(0);
    expect(listFeeds()[0]!.lastError).toMatch(/wire worker: document not parsed within/);
    expect(feedRow(f.id)!.failures).toBe(1);
    await pool.close();
  });
});
