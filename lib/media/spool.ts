/**
 * Video uploads are streamed to disk, never held whole in memory: each chunk is hashed and written (awaited, so a
 * slow disk slows the client down instead of filling memory) to MEDIA_DIR/incoming. Past `max` bytes the rest of
 * the body is not read and the partial file is removed.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { incomingMediaDir } from './paths';
import { MediaError } from './process';

export interface Spooled {
  path: string;
  /** SHA-256 (hex) of the bytes. */
  hash: string;
  bytes: number;
}

/** Writes `first` then the rest of `reader` to a temporary file; throws MediaError('video_too_large') past `max`. */
export async function spool(first: Uint8Array[], reader: ReadableStreamDefaultReader<Uint8Array> | null, max: number): Promise<Spooled> {
  const dir = incomingMediaDir();
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${randomBytes(12).toString('hex')}.part`);
  const handle = await open(path, 'wx');
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    const write = async (chunk: Uint8Array) => {
      bytes += chunk.byteLength;
      if (bytes > max) throw new MediaError('video_too_large');
      hash.update(chunk);
      await handle.write(chunk);
    };
    for (const chunk of first) await write(chunk);
    for (;;) {
      const next = reader ? await reader.read() : { done: true as const, value: undefined };
      if (next.done) break;
      await write(next.value);
    }
    await handle.close();
    return { path, hash: hash.digest('hex'), bytes };
  } catch (error) {
    await reader?.cancel().catch(() => undefined);
    await handle.close().catch(() => undefined);
    await unlink(path).catch(() => undefined);
    throw error;
  }
}

/** At most this many video uploads are received at once per process (each may put 500 MB on disk). */
export const MAX_VIDEO_UPLOADS = 3;
let receiving = 0;

/** Runs a video upload if a slot is free, else refuses it with `busy`. */
export async function withVideoSlot<T>(job: () => Promise<T>): Promise<T> {
  if (receiving >= MAX_VIDEO_UPLOADS) throw new MediaError('busy');
  receiving += 1;
  try {
    return await job();
  } finally {
    receiving -= 1;
  }
}
