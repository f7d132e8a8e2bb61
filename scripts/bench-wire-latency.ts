/**
 * Reader latency while a 1,000-item wire document is ingested (npm run bench:wire):
 *  - server: `next start` over the existing build and a copy of the database; autocannon requests one article
 *    page (4 connections) for 10 s idle, then while the agency pushes the document to POST /api/wire/push;
 *  - in-process: a small HTTP server in this process reading one article row per request, measured while
 *    ingestDocument runs with the parse worker, then with parsing and conversion on the main thread (what the
 *    server did before the worker), to isolate the effect of the worker.
 */
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Db } from '../db/client';
import type { WireFeedRow } from '../db/schema';
import { ingestDocument } from '../lib/wire/ingest';
import { parseWire } from '../lib/wire/parse';
import type { WireParsePool, WorkerDocument } from '../lib/wire/parse-pool';
import type { WireFormat } from '../lib/wire/types';
import { startApp, stop } from './perf/server';

export interface Latency {
  p50: number;
  p99: number;
  max: number;
  requests: number;
}

const IDLE_SECONDS = 10;
const CONNECTIONS = 4;

function summary(r: autocannon.Result): Latency {
  return { p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max, requests: r.requests.total };
}

function idle(url: string): Promise<Latency> {
  return autocannon({ url, connections: CONNECTIONS, duration: IDLE_SECONDS }).then(summary);
}

/** Latency of `url` from just before `work` starts until it ends; and how long the work took. */
async function during(url: string, work: () => Promise<unknown>): Promise<{ latency: Latency; workMs: number }> {
  let instance!: autocannon.Instance;
  const result = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon({ url, connections: CONNECTIONS, duration: 600 }, (error, r) => (error ? reject(error) : resolve(r)));
  });
  await new Promise((r) => setTimeout(r, 300));
  const t = performance.now();
  await work();
  const workMs = performance.now() - t;
  instance.stop();
  return { latency: summary(await result), workMs };
}

/** Against the production server: article page idle, then during a pushed 1,000-item ninjs document. */
export async function serverLatency(sourceDb: string, document: string): Promise<{ article: string; idle: Latency; ingest: Latency; workMs: number; status: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'kiosque-bench-wire-server-'));
  const dbFile = join(dir, 'bench.db');
  const src = new Database(sourceDb, { readonly: true });
  await src.backup(dbFile);
  src.close();
  const token = randomBytes(24).toString('base64url');
  const db = new Database(dbFile);
  const agency = db.prepare(`select id from authors where kind = 'agency' order by id limit 1`).get() as { id: number } | undefined;
  if (!agency) throw new Error('the database has no agency author');
  const now = Date.now();
  db.prepare(
    `insert into wire_feeds (name, agency_id, url, format, poll_interval_seconds, language, enabled, push_token_hash, created_at, updated_at)
     values ('bench-push', ?, '', 'ninjs', 300, 'en', 1, ?, ?, ?)`,
  ).run(agency.id, (await import('../db/wire')).hashPushToken(token), now, now);
  const a = db
    .prepare(
      `select a.locale, c.slug as category, a.slug from articles a join category_translations c on c.category_id = a.category_id and c.locale = a.locale
       where a.status = 'published' and a.published_at <= ? order by a.published_at desc limit 1`,
    )
    .get(now) as { locale: string; category: string; slug: string };
  db.close();
  const app = await startApp(dbFile);
  try {
    const article = `/${a.locale}/${a.category}/${a.slug}`;
    const url = app.base + article;
    await autocannon({ url, connections: CONNECTIONS, amount: 200 }); // warm: ISR cache, JIT
    const idleLatency = await idle(url);
    let status = 0;
    const { latency, workMs } = await during(url, async () => {
      const r = await fetch(`${app.base}/api/wire/push`, { method: 'POST', body: document, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } });
      status = r.status;
      await r.arrayBuffer();
    });
    return { article, idle: idleLatency, ingest: latency, workMs, status };
  } finally {
    await stop(app.child);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Parses and converts on the calling (main) thread, 25 bodies at a time with a turn of the event loop between. */
const mainThreadParser: Pick<WireParsePool, 'withDocument'> = {
  async withDocument(text, format, consume) {
    const parsed = parseWire(text, format as WireFormat);
    const heads = parsed.items;
    const doc: WorkerDocument = {
      format: parsed.format,
      skipped: parsed.skipped,
      heads,
      async *bodies(indexes) {
        for (let i = 0; i < indexes.length; i += 25) {
          yield indexes.slice(i, i + 25).map((index) => [index, parsed.items[index]!.body] as [number, string]);
          await yieldToEventLoop();
        }
      },
    };
    return consume(doc);
  },
};

/** In this process: one article row read per request, idle, then during ingestDocument in the worker and on the main thread. */
export async function inProcessLatency(
  db: Db,
  feed: Pick<WireFeedRow, 'id' | 'agencyId' | 'language' | 'format'>,
  documents: () => string[],
): Promise<{ idle: Latency; worker: { latency: Latency; workMs: number }; mainThread: { latency: Latency; workMs: number } }> {
  const read = db.$client.prepare('select id, headline from wire_items order by id limit 1');
  const server = createServer((_req, res) => {
    const row = read.get();
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(row ?? null));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  try {
    await autocannon({ url, connections: CONNECTIONS, amount: 500 });
    const idleLatency = await idle(url);
    const [forWorker, forMain] = documents();
    const worker = await during(url, () => ingestDocument(feed, forWorker!));
    const mainThread = await during(url, () => ingestDocument(feed, forMain!, new Date(), mainThreadParser));
    return { idle: idleLatency, worker, mainThread };
  } finally {
    server.closeAllConnections();
    server.close();
  }
}
