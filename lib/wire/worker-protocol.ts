/**
 * Messages between the server's main thread and the wire parse worker (lib/wire/parse-worker.ts). Both ends are
 * our own code in one process, so plain types (structured clone keeps Dates), not a schema.
 */
import type { WireFormat, WireItemInput } from './types';

/** An item without its body: what the main thread needs to tell repeats from new copy. */
export type WireItemHead = Omit<WireItemInput, 'body'>;

export type ToWorker =
  | { type: 'parse'; job: number; text: string; format?: WireFormat }
  /** Convert the bodies of these items (indexes into the parsed list), in order; then the job is over. */
  | { type: 'convert'; job: number; indexes: number[] };

export type FromWorker =
  | { type: 'parsed'; job: number; format: WireFormat; skipped: number; heads: WireItemHead[] }
  /** Converted bodies; null when an item's body could not be converted (that item is skipped). */
  | { type: 'bodies'; job: number; bodies: [index: number, body: string | null][] }
  | { type: 'done'; job: number }
  | { type: 'failed'; job: number; error: { name: string; code?: string; message: string } };

/** Bodies per message: the main thread stores one message's items per short transaction. */
export const BODIES_PER_MESSAGE = 25;
