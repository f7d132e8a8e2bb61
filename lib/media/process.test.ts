/**
 * The photo pipeline against files made here with sharp (nothing downloaded): what an editor and a reader
 * observe — accepted types by content, refusals with a reason, no metadata left, crops that follow the focal point.
 */
import { describe, expect, it } from 'vitest';
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { cropBox, inspect, MAX_UPLOAD_BYTES, MediaError, processImage, sniff } from './process';
import { enqueue } from './queue';

/** A photo-like image: a gradient with a red square at (fx, fy) of the frame. */
async function photo(width: number, height: number, opts: { fx?: number; fy?: number } = {}) {
  const fx = opts.fx ?? 0.5;
  const fy = opts.fy ?? 0.5;
  const s = Math.round(Math.min(width, height) / 8);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="g"><stop offset="0" stop-color="#234"/><stop offset="1" stop-color="#9ab"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/><rect x="${fx * width - s / 2}" y="${fy * height - s / 2}" width="${s}" height="${s}" fill="#f00"/></svg>`;
  return sharp(Buffer.from(svg)).removeAlpha();
}

/** A JPEG with EXIF GPS coordinates, a camera model and orientation 6 (to be rotated 90°). */
async function jpegWithGps(width = 1200, height = 800) {
  return (await photo(width, height))
    .jpeg()
    .withExif({
      IFD0: { Make: 'SecretCam', Model: 'Source Phone' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '3/1 50/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '11/1 30/1 0/1' },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

/** Whether an EXIF block points to a GPS IFD (tag 0x8825, either byte order). */
function hasGpsIfd(exif: Buffer | undefined): boolean {
  return !!exif && (exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88])));
}

/** A valid PNG header declaring 50,000 × 50,000 pixels with a tiny compressed body: a decompression bomb. */
function bombPng(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(50_000, 0);
  ihdr.writeUInt32BE(50_000, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const rows = deflateSync(Buffer.alloc(50_001 * 20)); // only the first rows: the rest would be zeros too
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', rows), chunk('IEND', Buffer.alloc(0))]);
}

async function refusal(buf: Buffer): Promise<string> {
  try {
    await processImage(buf);
  } catch (error) {
    if (error instanceof MediaError) return error.code;
    throw error;
  }
  return 'accepted';
}

describe('what the bytes are', () => {
  it('recognizes JPEG, PNG, WebP and AVIF by content, whatever the name', async () => {
    const img = await photo(64, 48);
    expect(sniff(await img.clone().jpeg().toBuffer())).toBe('jpeg');
    expect(sniff(await img.clone().png().toBuffer())).toBe('png');
    expect(sniff(await img.clone().webp().toBuffer())).toBe('webp');
    expect(sniff(await img.clone().avif().toBuffer())).toBe('avif');
  });

  it('accepts each of the four formats', async () => {
    const img = await photo(900, 600);
    for (const format of ['jpeg', 'png', 'webp', 'avif'] as const) {
      const out = await inspect(await img.clone().toFormat(format).toBuffer());
      expect(out).toEqual({ format, width: 900, height: 600 });
    }
  });
});

describe('hostile and broken files are refused with a reason, nothing produced', () => {
  it('an SVG with a script', async () => {
    const svg = Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(document.cookie)</script><rect width="10" height="10"/></svg>');
    expect(await refusal(svg)).toBe('svg');
  });

  it('a zip archive renamed .jpg', async () => {
    const zip = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(200, 1)]);
    expect(await refusal(zip)).toBe('not_image');
  });

  it('a text file, an HTML page, an empty file', async () => {
    expect(await refusal(Buffer.from('hello, I am not a picture'))).toBe('not_image');
    expect(await refusal(Buffer.from('<!doctype html><html><body>hi</body></html>'))).toBe('not_image');
    expect(await refusal(Buffer.alloc(0))).toBe('empty');
  });

  it('a truncated JPEG', async () => {
    const full = await (await photo(1200, 800)).jpeg().toBuffer();
    expect(await refusal(full.subarray(0, Math.floor(full.length / 2)))).toBe('corrupt');
  });

  it('a JPEG header followed by garbage', async () => {
    const full = await (await photo(200, 100)).jpeg().toBuffer();
    const broken = Buffer.concat([full.subarray(0, 20), Buffer.alloc(4000, 0x55)]);
    expect(await refusal(broken)).toBe('corrupt');
  });

  it('a decompression bomb (small PNG declaring 2.5 gigapixels) before decoding a pixel', async () => {
    const bomb = bombPng();
    expect(bomb.length).toBeLessThan(10_000);
    expect(await refusal(bomb)).toBe('too_many_pixels');
  });

  it('more than 25 MB', async () => {
    const big = Buffer.concat([await (await photo(64, 64)).jpeg().toBuffer(), Buffer.alloc(MAX_UPLOAD_BYTES)]);
    expect(await refusal(big)).toBe('too_large');
  });

  it('HEIC with a clear message when this sharp cannot decode it', async () => {
    // An ISO-BMFF header with the HEIC brand (what an iPhone sends).
    const heic = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1'), Buffer.alloc(100)]);
    expect(sniff(heic)).toBe('heic');
    expect(['heic_unsupported', 'corrupt']).toContain(await refusal(heic));
  });
});

describe('processing', () => {
  it('applies the orientation and strips every piece of metadata (EXIF, GPS, XMP, ICC) from every rendition', async () => {
    const input = await jpegWithGps(1200, 800);
    const inMeta = await sharp(input).metadata();
    expect(inMeta.exif?.includes(Buffer.from('SecretCam'))).toBe(true);
    expect(hasGpsIfd(inMeta.exif)).toBe(true);
    expect(inMeta.orientation).toBe(6);
    const out = await processImage(input);
    // Orientation 6: the 1200×800 sensor image is a 800×1200 portrait.
    expect([out.width, out.height]).toEqual([800, 1200]);
    for (const r of [...out.renditions.map((x) => x.data), out.master]) {
      const m = await sharp(r).metadata();
      expect(m.exif).toBeUndefined();
      expect(m.xmp).toBeUndefined();
      expect(m.iptc).toBeUndefined();
      expect(m.orientation ?? 1).toBe(1);
      expect(r.includes(Buffer.from('SecretCam'))).toBe(false);
      expect(r.includes(Buffer.from('Exif\0'))).toBe(false);
    }
  });

  it('makes 16:9 AVIF/WebP/JPEG at the widths the source allows, 4:3 and 1:1 JPEGs and a 1200×630 share card, named by content hash', async () => {
    const out = await processImage(await (await photo(2000, 1500)).jpeg().toBuffer());
    const wide = out.renditions.filter((r) => r.crop === '16x9');
    expect([...new Set(wide.map((r) => r.width))]).toEqual([480, 800, 1200, 1600]);
    for (const r of wide) {
      expect(r.height).toBe(Math.round((r.width * 9) / 16));
      const m = await sharp(r.data).metadata();
      expect(m.format).toBe(r.format === 'avif' ? 'heif' : r.format);
      expect([m.width, m.height]).toEqual([r.width, r.height]);
      expect(m.space).toBe('srgb');
    }
    const other = (crop: string) => out.renditions.find((r) => r.crop === crop)!;
    expect([other('4x3').width, other('4x3').height]).toEqual([1200, 900]);
    expect([other('1x1').width, other('1x1').height]).toEqual([1200, 1200]);
    expect([other('og').width, other('og').height]).toEqual([1200, 630]);
    for (const r of out.renditions) expect(r.file).toMatch(/^[0-9a-f]{64}\.(avif|webp|jpg)$/);
  });

  it('crops around the focal point: the red mark stays in the 1:1 crop of a wide image', async () => {
    const input = await (await photo(1600, 600, { fx: 0.9, fy: 0.5 })).png().toBuffer();
    const redAt = async (data: Buffer) => {
      const { data: px, info } = await sharp(data).raw().toBuffer({ resolveWithObject: true });
      let sx = 0;
      let n = 0;
      for (let i = 0; i < info.width * info.height; i++) {
        const [r, g, b] = [px[i * info.channels]!, px[i * info.channels + 1]!, px[i * info.channels + 2]!];
        if (r > 200 && g < 60 && b < 60) {
          sx += i % info.width;
          n++;
        }
      }
      return n ? sx / n / info.width : null;
    };
    const centred = await processImage(input);
    expect(await redAt(centred.renditions.find((r) => r.crop === '1x1')!.data)).toBeNull();
    const focused = await processImage(input, { x: 0.9, y: 0.5 });
    const x = await redAt(focused.renditions.find((r) => r.crop === '1x1')!.data);
    expect(x).not.toBeNull();
  });

  it('cropBox keeps the box inside the image', () => {
    expect(cropBox(1000, 1000, 16 / 9, { x: 0, y: 0 })).toEqual({ left: 0, top: 0, width: 1000, height: 563 });
    expect(cropBox(1000, 1000, 16 / 9, { x: 1, y: 1 })).toEqual({ left: 0, top: 437, width: 1000, height: 563 });
    expect(cropBox(1600, 600, 1, { x: 0.9, y: 0.5 })).toEqual({ left: 1000, top: 0, width: 600, height: 600 });
  });
});

describe('queue', () => {
  it('runs one job at a time, in order, and refuses past its bound', async () => {
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    const job = (i: number) => async () => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 5));
      order.push(i);
      running--;
      return i;
    };
    const results = await Promise.all([0, 1, 2, 3].map((i) => enqueue(job(i))));
    expect(results).toEqual([0, 1, 2, 3]);
    expect(order).toEqual([0, 1, 2, 3]);
    expect(peak).toBe(1);
    const jobs = [enqueue(job(9), 1), enqueue(job(10), 1)];
    await expect(jobs[1]).rejects.toMatchObject({ code: 'busy' });
    await jobs[0];
  });
});
