/**
 * One image processed at a time per process: sharp's decoding of a 40-megapixel photo holds ~160 MB of pixels,
 * so twenty simultaneous uploads must wait in line rather than run together. Past MAX_WAITING the newest are
 * refused (`busy`, a localized "try again") instead of queueing without bound.
 */
import { MediaError } from './process';

export const MAX_WAITING = 50;

let tail: Promise<unknown> = Promise.resolve();
let waiting = 0;

export function enqueue<T>(job: () => Promise<T>, maxWaiting = MAX_WAITING): Promise<T> {
  if (waiting >= maxWaiting) return Promise.reject(new MediaError('busy'));
  waiting += 1;
  const run = tail.then(
    () => job(),
    () => job(),
  );
  tail = run.then(
    () => undefined,
    () => undefined,
  );
  return run.finally(() => {
    waiting -= 1;
  });
}

/** Jobs queued or running (for tests and the benchmark). */
export function queued(): number {
  return waiting;
}
