/**
 * One lazily started worker thread (a pool of one) that parses wire documents and converts their bodies
 * (lib/wire/parse-worker.ts), so that the server's main thread only does the short database writes. Documents take
 * turns; each has a deadline and the worker a memory ceiling (resourceLimits). A document that runs past its
 * deadline, or a worker that crashes or runs out of memory, fails that document only (WireWorkerError: the
 * feed's status shows it) and the worker is replaced at the next document — never a process crash. An idle worker is
 * ended after a while and does not keep the process alive.
 */
import { Worker, type ResourceLimits, type WorkerOptions } from 'node:worker_threads';
import { WireParseError, type WireFormat } from './types';
import type { FromWorker, ToWorker, WireItemHead } from './worker-protocol';

export const WIRE_WORKER_TIMEOUT_MS = 60_000;
export const WIRE_WORKER_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 };
const IDLE_MS = 120_000;
/** Documents waiting for the worker; more are refused ("busy") rather than queued without end. */
const MAX_WAITING = 32;

export class WireWorkerError extends Error {
  constructor(
    public readonly code: 'timeout' | 'crashed' | 'busy',
    message: string,
  ) {
    super(message);
    this.name = 'WireWorkerError';
  }
}

export interface WorkerDocument {
  format: WireFormat;
  skipped: number;
  heads: WireItemHead[];
  /** Converts the bodies of these items (call once); yields them in order, a message's worth at a time. */
  bodies(indexes: number[]): AsyncGenerator<[number, string | null][]>;
}

/** Running from TypeScript sources (vitest, tsx scripts): Node 20 cannot start a .ts worker, tsx's API loads it. */
const TSX_BOOTSTRAP = `const { workerData } = require('node:worker_threads');
import('tsx/esm/api').then((tsx) => tsx.tsImport(workerData.entry, workerData.entry)).catch((error) => { setImmediate(() => { throw error; }); });`;

function spawn(resourceLimits: ResourceLimits): Worker {
  // Inside Next (`next start`, `next dev`) the bundler compiles parse-worker.ts into its own chunk from the literal
  // `new Worker(new URL(…), …)` below; elsewhere the sources are run as they are.
  if (!process.env.NEXT_RUNTIME) {
    const entry = import.meta.url.replace(/parse-pool\.ts$/, 'parse-worker.ts');
    const options: WorkerOptions = { eval: true, workerData: { entry }, resourceLimits };
    return new Worker(TSX_BOOTSTRAP, options);
  }
  return new Worker(new URL('./parse-worker.ts', import.meta.url), { resourceLimits });
}

/** Messages of the document in progress, read in order by its caller. */
class Inbox {
  private queue: FromWorker[] = [];
  private waiter: { resolve: (m: FromWorker) => void; reject: (e: Error) => void } | null = null;
  error: Error | null = null;

  push(m: FromWorker) {
    if (this.waiter) {
      this.waiter.resolve(m);
      this.waiter = null;
    } else this.queue.push(m);
  }

  fail(e: Error) {
    this.error ??= e;
    this.waiter?.reject(this.error);
    this.waiter = null;
  }

  next(): Promise<FromWorker> {
    const m = this.queue.shift();
    if (m) return Promise.resolve(m);
    if (this.error) return Promise.reject(this.error);
    return new Promise((resolve, reject) => (this.waiter = { resolve, reject }));
  }
}

function asError(error: FromWorker & { type: 'failed' }): Error {
  const e = error.error;
  return e.name === 'WireParseError' && e.code ? new WireParseError(e.code as WireParseError['code'], e.message) : new Error(e.message);
}

export interface PoolOptions {
  timeoutMs?: number;
  resourceLimits?: ResourceLimits;
  idleMs?: number;
}

export class WireParsePool {
  private worker: Worker | null = null;
  private current: { job: number; inbox: Inbox } | null = null;
  private waiting: (() => void)[] = [];
  /** A document has the worker, or has been handed it and not yet started (set synchronously: no two at once). */
  private held = false;
  private idle: NodeJS.Timeout | null = null;
  private jobs = 0;
  private readonly timeoutMs: number;
  private readonly limits: ResourceLimits;
  private readonly idleMs: number;

  constructor(options: PoolOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? WIRE_WORKER_TIMEOUT_MS;
    this.limits = options.resourceLimits ?? WIRE_WORKER_LIMITS;
    this.idleMs = options.idleMs ?? IDLE_MS;
  }

  /** Parses `text` in the worker and hands the result to `consume`; the worker is the caller's until it settles. */
  async withDocument<T>(text: string, format: WireFormat | undefined, consume: (doc: WorkerDocument) => Promise<T>, timeoutMs = this.timeoutMs): Promise<T> {
    await this.turn();
    const job = ++this.jobs;
    const inbox = new Inbox();
    this.current = { job, inbox };
    // Whether the worker is still working for this document (parsing or converting) rather than waiting.
    let busy = true;
    const deadline = setTimeout(() => {
      inbox.fail(new WireWorkerError('timeout', `wire worker: document not parsed within ${timeoutMs / 1000} s`));
      this.discard();
    }, timeoutMs);
    try {
      const worker = this.ensureWorker();
      worker.ref(); // a script awaiting the worker must not exit under it
      this.send({ type: 'parse', job, text, format });
      const first = await inbox.next();
      busy = false;
      if (first.type === 'failed') throw asError(first);
      if (first.type !== 'parsed') throw new Error(`wire worker: unexpected ${first.type}`);
      let asked = false;
      const send = (m: ToWorker) => this.send(m);
      const doc: WorkerDocument = {
        format: first.format,
        skipped: first.skipped,
        heads: first.heads,
        async *bodies(indexes) {
          if (asked) throw new Error('bodies() already called');
          asked = true;
          busy = true;
          send({ type: 'convert', job, indexes });
          for (;;) {
            const m = await inbox.next();
            if (m.type === 'done') {
              busy = false;
              return;
            }
            if (m.type === 'failed') {
              busy = false;
              throw asError(m);
            }
            if (m.type === 'bodies') yield m.bodies;
          }
        },
      };
      return await consume(doc);
    } finally {
      clearTimeout(deadline);
      // Left mid-conversion (the caller failed): the worker may still be busy, start afresh next time.
      if (busy && !inbox.error) this.discard();
      this.current = null;
      this.worker?.unref();
      this.next();
    }
  }

  /** Ends the worker now (tests, shutdown). */
  async close(): Promise<void> {
    const w = this.worker;
    this.discard();
    if (w) await w.terminate();
  }

  private turn(): Promise<void> {
    if (!this.held) {
      this.held = true;
      return Promise.resolve();
    }
    if (this.waiting.length >= MAX_WAITING) return Promise.reject(new WireWorkerError('busy', 'wire worker: too many documents waiting'));
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Hands the worker to the next waiting document (still held), else releases it and arms the idle timer. */
  private next() {
    const resume = this.waiting.shift();
    if (resume) return resume();
    this.held = false;
    if (this.idle) clearTimeout(this.idle);
    this.idle = setTimeout(() => void this.close(), this.idleMs);
    this.idle.unref();
  }

  private send(m: ToWorker) {
    this.worker?.postMessage(m);
  }

  private ensureWorker(): Worker {
    if (this.idle) clearTimeout(this.idle);
    if (this.worker) return this.worker;
    const worker = spawn(this.limits);
    const fail = (error: Error) => {
      if (this.worker !== worker) return;
      const oom = (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.current?.inbox.fail(new WireWorkerError('crashed', oom ? 'wire worker: out of memory' : `wire worker crashed: ${error.message.slice(0, 200)}`));
      this.discard();
    };
    worker.on('message', (m: FromWorker) => {
      if (this.worker === worker && this.current?.job === m.job) this.current.inbox.push(m);
    });
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }

  /** Forgets the worker (ended or unusable) and stops it; the next document starts a new one. */
  private discard() {
    const w = this.worker;
    this.worker = null;
    if (w) void w.terminate();
  }
}

const g = globalThis as unknown as { kiosqueWireParsePool?: WireParsePool };

/** The process's pool (one worker), started on first use. */
export function wireParsePool(): WireParsePool {
  return (g.kiosqueWireParsePool ??= new WireParsePool());
}
