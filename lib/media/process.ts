/**
 * The photo pipeline (issue 12), pure of SQL and of the file system: bytes in, validated image and renditions out.
 *
 * - The bytes decide the type (magic numbers), never the file name or the browser's Content-Type: JPEG, PNG,
 *   WebP, AVIF. HEIC is refused with its own message unless the installed sharp decodes it (the prebuilt sharp
 *   binaries decode AVIF but not HEVC-coded HEIC).
 * - Limits: 25 MB of bytes and 40 megapixels, checked from the header before any pixel is decoded (a
 *   decompression bomb is a small file with huge dimensions), and again by sharp's `limitInputPixels`.
 * - The whole image is decoded once with `failOn: 'truncated'`-or-worse errors: a truncated or corrupt file is
 *   refused, nothing is produced.
 * - Orientation is applied (`rotate()`), colour converted to sRGB, and no metadata is written: sharp drops EXIF,
 *   XMP, IPTC and ICC unless asked to keep them, and we never ask (lib/media/process.test.ts checks GPS is gone).
 * - Renditions: the 16:9 crop (the reader layout's shape) at RENDITION_WIDTHS in AVIF, WebP and JPEG; the 4:3 and
 *   1:1 crops once in JPEG (NewsArticle JSON-LD) and a 1200×630 JPEG for Open Graph. Crops keep the focal point.
 * - One image at a time per process (lib/media/queue.ts), sharp's cache off, libvips threads bounded.
 */
import { createHash } from 'node:crypto';
import sharp, { type Metadata } from 'sharp';
import type { RenditionCrop, RenditionFormat } from '@/db/schema';

sharp.cache(false);
sharp.concurrency(Math.max(1, Math.min(2, Number(process.env.MEDIA_THREADS) || 2)));

export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;
export const MAX_PIXELS = 40_000_000;
/** Widths of the 16:9 renditions, in CSS-pixel steps a phone (1×–3×) and the desktop column need. */
export const RENDITION_WIDTHS = [480, 800, 1200, 1600] as const;
export const CROP_RATIOS: Record<Exclude<RenditionCrop, 'og'>, number> = { '16x9': 16 / 9, '4x3': 4 / 3, '1x1': 1 };
export const OG_SIZE = { width: 1200, height: 630 } as const;
/** Width of the single 4:3 and 1:1 JPEGs (Google asks for ≥ 1200 px for article images). */
export const STRUCTURED_WIDTH = 1200;

export type SourceFormat = 'jpeg' | 'png' | 'webp' | 'avif';

export type MediaErrorCode =
  | 'empty'
  | 'too_large'
  | 'too_many_pixels'
  | 'svg'
  | 'heic_unsupported'
  | 'not_image'
  | 'corrupt'
  | 'busy'
  // Videos (lib/media/video.ts): over MAX_VIDEO_BYTES, damaged or truncated, neither photo nor MP4/WebM.
  | 'video_too_large'
  | 'video_corrupt'
  | 'not_media';

/** A refusal the editor can act on; `code` maps to a localized message (newsroom.media.errors.<code>). */
export class MediaError extends Error {
  constructor(public readonly code: MediaErrorCode) {
    super(`media: ${code}`);
    this.name = 'MediaError';
  }
}

const ascii = (buf: Buffer, start: number, end: number) => buf.subarray(start, end).toString('latin1');

/** What the first bytes say the file is (or why it is refused). */
export function sniff(buf: Buffer): SourceFormat | 'heic' | 'svg' | null {
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'jpeg';
  if (buf.length >= 8 && buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (buf.length >= 12 && ascii(buf, 0, 4) === 'RIFF' && ascii(buf, 8, 12) === 'WEBP') return 'webp';
  if (buf.length >= 12 && ascii(buf, 4, 8) === 'ftyp') {
    const size = Math.min(buf.readUInt32BE(0), 64, buf.length);
    const brands = [ascii(buf, 8, 12)];
    for (let i = 16; i + 4 <= size; i += 4) brands.push(ascii(buf, i, i + 4));
    if (brands.some((b) => b === 'avif' || b === 'avis')) return 'avif';
    if (brands.some((b) => ['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1'].includes(b))) return 'heic';
    return null;
  }
  // SVG (or any XML/HTML pretending to be a picture): text that mentions <svg near the start.
  const head = ascii(buf, 0, Math.min(buf.length, 1024)).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (head.startsWith('<') && /<svg[\s>]/.test(head)) return 'svg';
  return null;
}

let heicDecodes: boolean | undefined;
/** Whether this sharp build can read HEVC-coded HEIC (the prebuilt binaries cannot). */
export function sharpDecodesHeic(): boolean {
  if (heicDecodes === undefined) {
    const suffixes = (sharp.format.heif?.input as { fileSuffix?: string[] } | undefined)?.fileSuffix ?? [];
    heicDecodes = suffixes.includes('.heic');
  }
  return heicDecodes;
}

export interface Rendition {
  crop: RenditionCrop;
  format: RenditionFormat;
  width: number;
  height: number;
  data: Buffer;
  /** `<sha256>.<ext>`: the public file name. */
  file: string;
}

export interface ProcessedImage {
  hash: string;
  format: SourceFormat;
  bytes: number;
  width: number;
  height: number;
  renditions: Rendition[];
  /**
   * What is kept privately to redo crops later: the decoded image (orientation applied, sRGB, ≤ 2400 px) as a
   * high-quality JPEG without metadata. Even the private copy must not reveal where a source was.
   */
  master: Buffer;
}

export interface Focal {
  x: number;
  y: number;
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const EXT: Record<RenditionFormat, string> = { avif: 'avif', webp: 'webp', jpeg: 'jpg' };

/** The largest box of `ratio` inside width×height, centred on the focal point as far as the edges allow. */
export function cropBox(width: number, height: number, ratio: number, focal: Focal) {
  let w = width;
  let h = Math.round(width / ratio);
  if (h > height) {
    h = height;
    w = Math.round(height * ratio);
  }
  const clamp = (v: number, max: number) => Math.max(0, Math.min(max, v));
  const left = Math.round(clamp(focal.x * width - w / 2, width - w));
  const top = Math.round(clamp(focal.y * height - h / 2, height - h));
  return { left, top, width: w, height: h };
}

const inputOptions = { limitInputPixels: MAX_PIXELS, failOn: 'truncated' as const, sequentialRead: true };

/** Checks the bytes and returns the detected format, dimensions after orientation, or throws a MediaError. */
export async function inspect(buf: Buffer): Promise<{ format: SourceFormat; width: number; height: number }> {
  if (buf.length === 0) throw new MediaError('empty');
  if (buf.length > MAX_UPLOAD_BYTES) throw new MediaError('too_large');
  const kind = sniff(buf);
  if (kind === 'svg') throw new MediaError('svg');
  if (kind === 'heic' && !sharpDecodesHeic()) throw new MediaError('heic_unsupported');
  if (kind === null || kind === 'heic') throw new MediaError(kind === 'heic' ? 'heic_unsupported' : 'not_image');
  let meta: Metadata;
  try {
    meta = await sharp(buf, { ...inputOptions, limitInputPixels: false }).metadata();
  } catch {
    throw new MediaError('corrupt');
  }
  const declared = meta.format === 'heif' ? 'avif' : meta.format;
  if (declared !== kind) throw new MediaError('not_image');
  if (!meta.width || !meta.height) throw new MediaError('corrupt');
  if (meta.width * meta.height > MAX_PIXELS || (meta.pages ?? 1) > 1) throw new MediaError(meta.width * meta.height > MAX_PIXELS ? 'too_many_pixels' : 'not_image');
  const swap = (meta.orientation ?? 1) >= 5;
  return { format: kind, width: swap ? meta.height : meta.width, height: swap ? meta.width : meta.height };
}

/** Decodes the whole image once (orientation applied, sRGB, at most 2400 px on its long side) as raw pixels. */
async function decodeBase(buf: Buffer) {
  try {
    const { data, info } = await sharp(buf, inputOptions)
      .rotate()
      .resize({ width: 2400, height: 2400, fit: 'inside', withoutEnlargement: true })
      .toColourspace('srgb')
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height, channels: info.channels as 3 };
  } catch (error) {
    if (error instanceof Error && /pixel limit/i.test(error.message)) throw new MediaError('too_many_pixels');
    throw new MediaError('corrupt');
  }
}

type Base = Awaited<ReturnType<typeof decodeBase>>;

async function encode(base: Base, box: ReturnType<typeof cropBox>, width: number, height: number, format: RenditionFormat, crop: RenditionCrop): Promise<Rendition> {
  let pipeline = sharp(base.data, { raw: { width: base.width, height: base.height, channels: base.channels } })
    .extract(box)
    .resize({ width, height, fit: 'fill' });
  // No withMetadata()/keepExif()/keepIccProfile(): the output carries no EXIF, XMP, IPTC or ICC.
  if (format === 'avif') pipeline = pipeline.avif({ quality: 50, effort: 2 });
  else if (format === 'webp') pipeline = pipeline.webp({ quality: 72, effort: 3 });
  else pipeline = pipeline.jpeg({ quality: 78, mozjpeg: true, progressive: true });
  const data = await pipeline.toBuffer();
  return { crop, format, width, height, data, file: `${sha256(data)}.${EXT[format]}` };
}

/** Every rendition of an image for a focal point (used at upload and when the focal point moves). */
export async function renditionsFor(buf: Buffer, focal: Focal): Promise<Rendition[]> {
  return renditionsOfBase(await decodeBase(buf), focal);
}

async function renditionsOfBase(base: Base, focal: Focal): Promise<Rendition[]> {
  const out: Rendition[] = [];
  const wide = cropBox(base.width, base.height, CROP_RATIOS['16x9'], focal);
  const widths: number[] = RENDITION_WIDTHS.filter((w) => w <= wide.width);
  if (widths.length === 0) widths.push(wide.width);
  for (const w of widths) {
    const h = Math.round((w * 9) / 16);
    for (const format of ['avif', 'webp', 'jpeg'] as const) out.push(await encode(base, wide, w, h, format, '16x9'));
  }
  for (const crop of ['4x3', '1x1'] as const) {
    const box = cropBox(base.width, base.height, CROP_RATIOS[crop], focal);
    const w = Math.min(STRUCTURED_WIDTH, box.width);
    out.push(await encode(base, box, w, Math.round(w / CROP_RATIOS[crop]), 'jpeg', crop));
  }
  const og = cropBox(base.width, base.height, OG_SIZE.width / OG_SIZE.height, focal);
  out.push(await encode(base, og, OG_SIZE.width, OG_SIZE.height, 'jpeg', 'og'));
  return out;
}

/** Validates and processes an upload; throws MediaError (nothing produced) when it is refused. */
export async function processImage(buf: Buffer, focal: Focal = { x: 0.5, y: 0.5 }): Promise<ProcessedImage> {
  const info = await inspect(buf);
  const base = await decodeBase(buf);
  const renditions = await renditionsOfBase(base, focal);
  const master = await sharp(base.data, { raw: { width: base.width, height: base.height, channels: base.channels } })
    .jpeg({ quality: 90, mozjpeg: true })
    .toBuffer();
  return { hash: sha256(buf), format: info.format, bytes: buf.length, width: info.width, height: info.height, renditions, master };
}
