/**
 * The text readers see of many Markdown bodies (lib/plain-text.ts markdownToText), computed on worker threads: the
 * generator's full-text fill. Parsing is ≈ 1.5 ms a body (micromark + GFM), 150 s of one core for 100,000 bodies,
 * so the fill spreads it over every core while the main thread writes the index.
 *
 * Workers run this same file under tsx (the generator's runner): their code is `require`d through tsx's CommonJS
 * hook, since Node 20 ignores loader flags in a worker's execArgv.
 */
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { markdownToText } from '../../lib/plain-text';

interface Job {
  id: number;
  bodies: string[];
}
interface Done {
  id: number;
  texts: string[];
}

const MARKER = 'kiosqueTextWorker';

if (!isMainThread && parentPort && (workerData as Record<string, unknown> | null)?.[MARKER]) {
  const port = parentPort;
  port.on('message', (job: Job) => port.postMessage({ id: job.id, texts: job.bodies.map(markdownToText) } satisfies Done));
}

export class TextWorkers {
  readonly size: number;
  private readonly workers: Worker[];
  private readonly waiting = new Map<number, { resolve: (texts: string[]) => void; reject: (error: Error) => void }>();
  private next = 0;

  constructor(size = availableParallelism()) {
    this.size = Math.max(1, size);
    const code = `require('tsx/cjs/api').register(); require(${JSON.stringify(__filename)});`;
    this.workers = Array.from({ length: this.size }, () => {
      const worker = new Worker(code, { eval: true, workerData: { [MARKER]: true } });
      worker.on('message', (done: Done) => {
        this.waiting.get(done.id)?.resolve(done.texts);
        this.waiting.delete(done.id);
      });
      // A worker that fails fails the fill: no body may be left out of the index silently.
      worker.on('error', (error) => this.failAll(error));
      worker.on('exit', (code) => {
        if (code !== 0) this.failAll(new Error(`text worker exited with code ${code}`));
      });
      return worker;
    });
  }

  /** The text of each body, in order. */
  texts(bodies: string[]): Promise<string[]> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.workers[id % this.size]!.postMessage({ id, bodies } satisfies Job);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private failAll(error: Error) {
    for (const { reject } of this.waiting.values()) reject(error);
    this.waiting.clear();
  }
}
