/**
 * The wire parse worker's entry (node:worker_threads, started by lib/wire/parse-pool.ts): the CPU-heavy part of
 * ingestion — XML/JSON parsing and HTML → Markdown conversion — runs here, off the server's main thread, so that a
 * 1,000-item feed never stalls reader pages. It holds one parsed document at a time and never touches the database.
 */
import { parentPort } from 'node:worker_threads';
import { parseWire } from './parse';
import { WireParseError, type WireItemInput } from './types';
import { BODIES_PER_MESSAGE, type FromWorker, type ToWorker, type WireItemHead } from './worker-protocol';

const port = parentPort!;
let parsed: { job: number; items: WireItemInput[] } | null = null;

const post = (m: FromWorker) => port.postMessage(m);

/** Every field but the body, read without touching the lazy `body` getter (that would convert it). */
function headOf(item: WireItemInput): WireItemHead {
  const head: Record<string, unknown> = {};
  for (const key of Object.keys(item)) if (key !== 'body') head[key] = item[key as keyof WireItemInput];
  return head as WireItemHead;
}

function failed(job: number, error: unknown) {
  const e = error instanceof Error ? error : new Error(String(error));
  post({ type: 'failed', job, error: { name: e.name, code: e instanceof WireParseError ? e.code : undefined, message: e.message.slice(0, 500) } });
}

port.on('message', (m: ToWorker) => {
  if (m.type === 'parse') {
    parsed = null;
    try {
      const doc = parseWire(m.text, m.format);
      parsed = { job: m.job, items: doc.items };
      post({ type: 'parsed', job: m.job, format: doc.format, skipped: doc.skipped, heads: doc.items.map(headOf) });
    } catch (error) {
      failed(m.job, error);
    }
    return;
  }
  if (!parsed || parsed.job !== m.job) return failed(m.job, new Error('no parsed document for this job'));
  const { items } = parsed;
  let batch: [number, string | null][] = [];
  for (const index of m.indexes) {
    let body: string | null;
    try {
      body = items[index]!.body;
    } catch {
      body = null; // too large, too deeply nested…: this item is skipped, the others go on
    }
    batch.push([index, body]);
    if (batch.length === BODIES_PER_MESSAGE) {
      post({ type: 'bodies', job: m.job, bodies: batch });
      batch = [];
    }
  }
  if (batch.length) post({ type: 'bodies', job: m.job, bodies: batch });
  parsed = null;
  post({ type: 'done', job: m.job });
});
