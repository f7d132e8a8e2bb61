/**
 * Self-hosted video files (issue 12): what the bytes are, and what a reader page needs from them. No ffmpeg on
 * the server, so the two containers browsers play everywhere are read by hand, structure only (no decoding):
 *
 * - MP4 (ISO BMFF): top-level boxes must start with `ftyp` (an MP4/M4V brand, not AVIF/HEIC) and tile the file
 *   exactly (a box running past the end = a truncated upload); `moov/mvhd` gives the duration, the first
 *   `trak/tkhd` with a size gives width × height. `moov` may come after `mdat` (we answer Range requests).
 * - WebM (Matroska with DocType `webm`): EBML header, then the Segment's Info (TimestampScale, Duration) and
 *   Tracks (the video track's PixelWidth/PixelHeight), read element by element with positioned reads so a
 *   500 MB file costs a few small reads.
 *
 * A file refused here throws MediaError; an unknown duration is null (the editor types it).
 */
import { open } from 'node:fs/promises';
import { MediaError } from './process';

export type VideoContainer = 'mp4' | 'webm';

export interface VideoInfo {
  container: VideoContainer;
  /** Whole seconds; null when the file does not say (fragmented MP4, live WebM). */
  durationSeconds: number | null;
  width: number | null;
  height: number | null;
}

/** Reads up to `length` bytes at `offset` (fewer at the end of the file). */
export type ReadAt = (offset: number, length: number) => Promise<Buffer>;

export const MAX_VIDEO_BYTES = 500 * 1024 * 1024;

const MP4_BRANDS = new Set(['isom', 'iso2', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'avc1', 'dash', 'M4V ', 'M4VP', 'mmp4', 'f4v ']);
const IMAGE_BRANDS = new Set(['avif', 'avis', 'heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);

/** What the first bytes (≥ 64 when the file has them) say: one of our video containers, or null. */
export function sniffVideo(head: Buffer): VideoContainer | null {
  if (head.length >= 4 && head.readUInt32BE(0) === 0x1a45dfa3) return 'webm';
  if (head.length >= 12 && head.toString('latin1', 4, 8) === 'ftyp') {
    const size = Math.min(head.readUInt32BE(0), head.length);
    const brands = [head.toString('latin1', 8, 12)];
    for (let i = 16; i + 4 <= size; i += 4) brands.push(head.toString('latin1', i, i + 4));
    if (brands.some((b) => IMAGE_BRANDS.has(b))) return null;
    return brands.some((b) => MP4_BRANDS.has(b)) ? 'mp4' : null;
  }
  return null;
}

const corrupt = () => new MediaError('video_corrupt');

/* ---------------------------------------------------------------- MP4 ---------------------------------------------------------------- */

interface Box {
  type: string;
  /** Payload start and end (absolute offsets in the buffer or file). */
  start: number;
  end: number;
}

/** The boxes tiling [from, to) of a buffer; a box that does not fit is corruption. */
function childBoxes(buf: Buffer, from: number, to: number): Box[] {
  const out: Box[] = [];
  let off = from;
  while (off + 8 <= to) {
    let size = buf.readUInt32BE(off);
    let header = 8;
    if (size === 1) {
      if (off + 16 > to) throw corrupt();
      size = Number(buf.readBigUInt64BE(off + 8));
      header = 16;
    } else if (size === 0) size = to - off;
    if (size < header || off + size > to) throw corrupt();
    out.push({ type: buf.toString('latin1', off + 4, off + 8), start: off + header, end: off + size });
    off += size;
  }
  return out;
}

/** moov is metadata (sample tables): tens of MB would mean hours of video or a hostile file. */
const MAX_MOOV_BYTES = 32 * 1024 * 1024;

async function probeMp4(read: ReadAt, size: number): Promise<VideoInfo> {
  let off = 0;
  let moov: { offset: number; size: number } | null = null;
  let mdat = false;
  for (let n = 0; off < size; n += 1) {
    if (n > 10_000) throw corrupt();
    const h = await read(off, 16);
    if (h.length < 8) throw corrupt();
    let boxSize = h.readUInt32BE(0);
    let header = 8;
    if (boxSize === 1) {
      if (h.length < 16) throw corrupt();
      boxSize = Number(h.readBigUInt64BE(8));
      header = 16;
    } else if (boxSize === 0) boxSize = size - off;
    const type = h.toString('latin1', 4, 8);
    if (boxSize < header || off + boxSize > size) throw corrupt();
    if (n === 0 && type !== 'ftyp') throw new MediaError('not_media');
    if (type === 'moov') moov = { offset: off + header, size: boxSize - header };
    if (type === 'mdat') mdat = true;
    off += boxSize;
  }
  if (!moov || !mdat || moov.size > MAX_MOOV_BYTES) throw corrupt();
  const buf = await read(moov.offset, moov.size);
  if (buf.length < moov.size) throw corrupt();
  let durationSeconds: number | null = null;
  let width: number | null = null;
  let height: number | null = null;
  for (const box of childBoxes(buf, 0, buf.length)) {
    if (box.type === 'mvhd' && box.end - box.start >= 32) {
      const v1 = buf[box.start] === 1;
      const timescale = buf.readUInt32BE(box.start + (v1 ? 20 : 12));
      const duration = v1 ? Number(buf.readBigUInt64BE(box.start + 24)) : buf.readUInt32BE(box.start + 16);
      const unknown = v1 ? duration >= Number.MAX_SAFE_INTEGER : duration === 0xffffffff;
      if (timescale > 0 && duration > 0 && !unknown) durationSeconds = Math.round(duration / timescale);
    }
    if (box.type === 'trak' && width === null) {
      const tkhd = childBoxes(buf, box.start, box.end).find((b) => b.type === 'tkhd');
      if (tkhd) {
        const at = tkhd.start + (buf[tkhd.start] === 1 ? 88 : 76);
        if (at + 8 <= tkhd.end) {
          const w = Math.round(buf.readUInt32BE(at) / 65536);
          const h = Math.round(buf.readUInt32BE(at + 4) / 65536);
          if (w > 0 && h > 0) [width, height] = [w, h];
        }
      }
    }
  }
  return { container: 'mp4', durationSeconds, width, height };
}

/* ---------------------------------------------------------------- WebM ---------------------------------------------------------------- */

const EBML = 0x1a45dfa3;
const DOC_TYPE = 0x4282;
const SEGMENT = 0x18538067;
const INFO = 0x1549a966;
const TIMESTAMP_SCALE = 0x2ad7b1;
const DURATION = 0x4489;
const TRACKS = 0x1654ae6b;
const TRACK_ENTRY = 0xae;
const TRACK_VIDEO = 0xe0;
const PIXEL_WIDTH = 0xb0;
const PIXEL_HEIGHT = 0xba;
const CLUSTER = 0x1f43b675;

interface Element {
  id: number;
  /** Data start (absolute) and size; size null = unknown (until the end of the parent). */
  start: number;
  size: number | null;
}

/** An EBML element header at `off` of `buf`, or null if the bytes are not one. */
function elementAt(buf: Buffer, off: number, base = 0): Element | null {
  const first = buf[off];
  if (first === undefined || first === 0) return null;
  const idLength = Math.clz32(first) - 23;
  if (idLength > 4 || off + idLength >= buf.length) return null;
  const id = buf.readUIntBE(off, idLength);
  const sizeFirst = buf[off + idLength]!;
  if (sizeFirst === 0) return null;
  const sizeLength = Math.clz32(sizeFirst) - 23;
  if (off + idLength + sizeLength > buf.length) return null;
  let size = sizeFirst & (0xff >> sizeLength);
  let allOnes = size === 0xff >> sizeLength;
  for (let i = 1; i < sizeLength; i += 1) {
    const b = buf[off + idLength + i]!;
    size = size * 256 + b;
    allOnes &&= b === 0xff;
  }
  return { id, start: base + off + idLength + sizeLength, size: allOnes ? null : size };
}

/** The children of a small element already in memory. */
function children(buf: Buffer, from: number, to: number): { id: number; data: Buffer }[] {
  const out: { id: number; data: Buffer }[] = [];
  let off = from;
  while (off < to) {
    const e = elementAt(buf, off);
    if (!e || e.size === null || e.start + e.size > to) throw corrupt();
    out.push({ id: e.id, data: buf.subarray(e.start, e.start + e.size) });
    off = e.start + e.size;
  }
  return out;
}

const uint = (data: Buffer) => (data.length >= 1 && data.length <= 6 ? data.readUIntBE(0, data.length) : 0);
const float = (data: Buffer) => (data.length === 4 ? data.readFloatBE(0) : data.length === 8 ? data.readDoubleBE(0) : NaN);

/** Info and Tracks are a few KB; more is not a real file. */
const MAX_HEADER_ELEMENT = 4 * 1024 * 1024;

async function probeWebm(read: ReadAt, size: number): Promise<VideoInfo> {
  const head = await read(0, 64);
  const ebml = elementAt(head, 0);
  if (!ebml || ebml.id !== EBML || ebml.size === null || ebml.size > 4096) throw new MediaError('not_media');
  const header = await read(ebml.start, ebml.size);
  if (header.length < ebml.size) throw corrupt();
  const docType = children(header, 0, header.length).find((c) => c.id === DOC_TYPE)?.data.toString('latin1').replace(/\0+$/, '');
  if (docType !== 'webm') throw new MediaError('not_media');

  const segHead = await read(ebml.start + ebml.size, 12);
  const segment = elementAt(segHead, 0, ebml.start + ebml.size);
  if (!segment || segment.id !== SEGMENT) throw corrupt();
  if (segment.size !== null && segment.start + segment.size > size) throw corrupt();
  const end = segment.size === null ? size : segment.start + segment.size;

  let scale = 1_000_000;
  let rawDuration: number | null = null;
  let width: number | null = null;
  let height: number | null = null;
  let info = false;
  let off = segment.start;
  for (let n = 0; off < end && n < 1000; n += 1) {
    const e = elementAt(await read(off, 12), 0, off);
    if (!e) throw corrupt();
    if (e.id === CLUSTER) break; // Media data: Info and Tracks come before it in every muxer we know.
    if (e.size === null || e.start + e.size > end) throw corrupt();
    if (e.id === INFO || e.id === TRACKS) {
      if (e.size > MAX_HEADER_ELEMENT) throw corrupt();
      const data = await read(e.start, e.size);
      if (data.length < e.size) throw corrupt();
      if (e.id === INFO) {
        info = true;
        for (const c of children(data, 0, data.length)) {
          if (c.id === TIMESTAMP_SCALE && uint(c.data) > 0) scale = uint(c.data);
          if (c.id === DURATION) rawDuration = float(c.data);
        }
      } else {
        for (const track of children(data, 0, data.length).filter((c) => c.id === TRACK_ENTRY)) {
          const video = children(track.data, 0, track.data.length).find((c) => c.id === TRACK_VIDEO);
          if (!video || width !== null) continue;
          for (const c of children(video.data, 0, video.data.length)) {
            if (c.id === PIXEL_WIDTH) width = uint(c.data) || null;
            if (c.id === PIXEL_HEIGHT) height = uint(c.data) || null;
          }
        }
      }
    }
    off = e.start + e.size;
  }
  if (!info) throw corrupt();
  const seconds = rawDuration !== null && Number.isFinite(rawDuration) && rawDuration > 0 ? Math.round((rawDuration * scale) / 1e9) : null;
  return { container: 'webm', durationSeconds: seconds, width: width && height ? width : null, height: width && height ? height : null };
}

/* ---------------------------------------------------------------- entry points ---------------------------------------------------------------- */

/** Checks a video's structure and reads its duration and size; throws MediaError when it is not a video we serve. */
export async function probeVideo(read: ReadAt, size: number): Promise<VideoInfo> {
  if (size === 0) throw new MediaError('empty');
  const kind = sniffVideo(await read(0, 64));
  if (kind === null) throw new MediaError('not_media');
  return kind === 'mp4' ? probeMp4(read, size) : probeWebm(read, size);
}

/** The same for a file on disk (positioned reads: the file is never loaded whole). */
export async function probeVideoFile(path: string): Promise<VideoInfo> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    return await probeVideo(async (offset, length) => {
      const buf = Buffer.alloc(Math.max(0, Math.min(length, size - offset)));
      if (buf.length === 0) return buf;
      const { bytesRead } = await handle.read(buf, 0, buf.length, offset);
      return buf.subarray(0, bytesRead);
    }, size);
  } finally {
    await handle.close();
  }
}

/** A buffer as a ReadAt (tests, and small files from the plain form). */
export const readBuffer =
  (buf: Buffer): ReadAt =>
  async (offset, length) =>
    buf.subarray(offset, offset + length);
