/**
 * Range requests on library files (issue 12, video): the route handler answers 206 with exactly the bytes asked
 * for, 416 when the range is past the end, and the whole file otherwise.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET } from '@/app/media/p/[file]/route';
import { parseRange } from './range';

let dir: string;
const bytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));
const file = `${'c'.repeat(64)}.mp4`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosque-range-'));
  mkdirSync(join(dir, 'public'));
  writeFileSync(join(dir, 'public', file), bytes);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function get(headers: Record<string, string> = {}) {
  vi.stubEnv('MEDIA_DIR', dir);
  return GET(new Request(`http://x/media/p/${file}`, { headers }), { params: Promise.resolve({ file }) });
}

describe('Range on /media/p/', () => {
  it('answers 206 with the right bytes and Content-Range', async () => {
    const res = await get({ range: 'bytes=100-199' });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe('bytes 100-199/1000');
    expect(res.headers.get('content-length')).toBe('100');
    expect(res.headers.get('content-type')).toBe('video/mp4');
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes.subarray(100, 200))).toBe(true);
  });

  it('open-ended and suffix ranges', async () => {
    const tail = await get({ range: 'bytes=990-' });
    expect(Buffer.from(await tail.arrayBuffer()).equals(bytes.subarray(990))).toBe(true);
    const last = await get({ range: 'bytes=-5' });
    expect(last.headers.get('content-range')).toBe('bytes 995-999/1000');
    expect(Buffer.from(await last.arrayBuffer()).equals(bytes.subarray(995))).toBe(true);
  });

  it('416 past the end; the whole file without Range or when If-Range does not match', async () => {
    const past = await get({ range: 'bytes=5000-' });
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe('bytes */1000');
    const whole = await get();
    expect(whole.status).toBe(200);
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect(Buffer.from(await whole.arrayBuffer()).equals(bytes)).toBe(true);
    const stale = await get({ range: 'bytes=0-9', 'if-range': '"other"' });
    expect(stale.status).toBe(200);
  });

  it('parses only single byte ranges', () => {
    expect(parseRange('bytes=0-0', 10)).toEqual({ start: 0, end: 0 });
    expect(parseRange('bytes=0-5,7-8', 10)).toBeNull();
    expect(parseRange('items=0-5', 10)).toBeNull();
    expect(parseRange('bytes=8-2', 10)).toBe('unsatisfiable');
  });
});
