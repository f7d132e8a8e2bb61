/**
 * Photo pipeline benchmark (issue 12): `npx tsx scripts/bench-media.ts [--runs 3] [--burst 20]`.
 *
 * 1. Time to process one 12-megapixel JPEG (4000×3000, photo-like: blurred noise over a gradient, EXIF attached)
 *    through lib/media/process.ts processImage — validation, decode, every rendition, the private master.
 * 2. Peak RSS of this process while `burst` different 12 MP JPEGs are submitted at once through the same queue
 *    the upload route uses (one image at a time per process): what a newsroom dropping 20 photos costs the server.
 * No database or HTTP: the numbers are the pipeline's. Run it on a quiet machine; results go to BENCHMARKS.md.
 */
import os from 'node:os';
import sharp from 'sharp';
import { processImage } from '../lib/media/process';
import { enqueue } from '../lib/media/queue';

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const RUNS = arg('runs', 3);
const BURST = arg('burst', 20);

async function photo12mp(seed: number): Promise<Buffer> {
  const noise = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 110 + (seed % 40), sigma: 40 } } })
    .blur(1.2)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return sharp(noise.data, { raw: noise.info })
    .jpeg({ quality: 88 })
    .withExif({ IFD0: { Make: 'BenchCam', Model: `unit ${seed}` } })
    .toBuffer();
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function main() {
  console.log(`node ${process.version}, ${os.cpus().length} CPU(s) (${os.cpus()[0]?.model ?? '?'}), sharp/libvips ${sharp.versions.vips}`);
  const first = await photo12mp(0);
  console.log(`input: 4000×3000 JPEG, ${mb(first.length)}`);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const out = await processImage(first);
    times.push(performance.now() - t);
    if (i === 0) console.log(`renditions: ${out.renditions.length}, ${mb(out.renditions.reduce((n, r) => n + r.data.length, 0))} in all`);
  }
  times.sort((a, b) => a - b);
  console.log(`one 12 MP JPEG: median ${(times[Math.floor(times.length / 2)]! / 1000).toFixed(2)} s (runs: ${times.map((t) => (t / 1000).toFixed(2)).join(', ')})`);

  const inputs: Buffer[] = [];
  for (let i = 1; i <= BURST; i++) inputs.push(await photo12mp(i));
  if (global.gc) global.gc();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const t = performance.now();
  const results = await Promise.allSettled(inputs.map((buf) => enqueue(() => processImage(buf))));
  const elapsed = performance.now() - t;
  clearInterval(sampler);
  const ok = results.filter((r) => r.status === 'fulfilled').length;
  console.log(`${BURST} at once: ${ok} processed in ${(elapsed / 1000).toFixed(1)} s; RSS before ${mb(baseline)} (inputs held: ${mb(inputs.reduce((n, b) => n + b.length, 0))}), peak ${mb(peak)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
