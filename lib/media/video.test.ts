/**
 * The video parsers on tiny generated files: what an editor sees filled in (duration, size) and what is refused.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MediaError } from './process';
import { probeVideo, probeVideoFile, readBuffer, sniffVideo } from './video';
import { box, makeMp4, makeWebm } from './video-fixtures';

const probe = (buf: Buffer) => probeVideo(readBuffer(buf), buf.length);
async function refusal(buf: Buffer): Promise<string> {
  try {
    await probe(buf);
  } catch (error) {
    if (error instanceof MediaError) return error.code;
    throw error;
  }
  return 'accepted';
}

describe('MP4', () => {
  it('reads the duration from mvhd (version 0 and 1) and the picture size from the video track', async () => {
    expect(await probe(makeMp4({ timescale: 1000, duration: 63_400, width: 1280, height: 720 }))).toEqual({ container: 'mp4', durationSeconds: 63, width: 1280, height: 720 });
    expect((await probe(makeMp4({ timescale: 90_000, duration: 90_000 * 3723, version: 1 }))).durationSeconds).toBe(3723);
  });

  it('accepts moov after mdat (Range requests let the browser fetch it)', async () => {
    expect((await probe(makeMp4({ moovLast: true, duration: 5000 }))).durationSeconds).toBe(5);
  });

  it('says "unknown" rather than inventing a duration', async () => {
    expect((await probe(makeMp4({ duration: 0 }))).durationSeconds).toBeNull();
  });

  it('refuses a truncated upload, a file without moov, and an AVIF photo passing for a video', async () => {
    const whole = makeMp4();
    expect(await refusal(whole.subarray(0, whole.length - 100))).toBe('video_corrupt');
    expect(await refusal(Buffer.concat([box('ftyp', Buffer.from('isom\0\0\0\0isom')), box('mdat', Buffer.alloc(100))]))).toBe('video_corrupt');
    expect(sniffVideo(box('ftyp', Buffer.from('avif\0\0\0\0avifmif1')))).toBeNull();
    expect(await refusal(box('ftyp', Buffer.from('avif\0\0\0\0avifmif1')))).toBe('not_media');
  });
});

describe('WebM', () => {
  it('reads Info Duration × TimestampScale and the video track PixelWidth/PixelHeight', async () => {
    expect(await probe(makeWebm({ duration: 63_400, width: 854, height: 480 }))).toEqual({ container: 'webm', durationSeconds: 63, width: 854, height: 480 });
    // A 4-byte float and a 1 µs scale (Duration counted in microseconds).
    expect((await probe(makeWebm({ duration: 90_000_000, scale: 1000, floatBytes: 4 }))).durationSeconds).toBe(90);
  });

  it('a live recording with an unknown segment size and no duration: accepted, duration left to the editor', async () => {
    expect(await probe(makeWebm({ unknownSegmentSize: true, duration: null }))).toMatchObject({ durationSeconds: null, width: 640 });
  });

  it('refuses Matroska (.mkv) and truncated WebM', async () => {
    expect(await refusal(makeWebm({ docType: 'matroska' }))).toBe('not_media');
    const whole = makeWebm();
    expect(await refusal(whole.subarray(0, whole.length - 500))).toBe('video_corrupt');
  });
});

it('neither MP4 nor WebM: a renamed zip, an empty file', async () => {
  expect(await refusal(Buffer.from('PK\x03\x04 renamed.zip.mp4 '.repeat(10)))).toBe('not_media');
  expect(await refusal(Buffer.alloc(0))).toBe('empty');
});

it('probes a file on disk with positioned reads', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kiosque-video-'));
  try {
    const path = join(dir, 'clip');
    writeFileSync(path, makeMp4({ duration: 12_000, media: Buffer.alloc(3 * 1024 * 1024, 1), moovLast: true }));
    expect(await probeVideoFile(path)).toMatchObject({ container: 'mp4', durationSeconds: 12 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
