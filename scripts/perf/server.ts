/** Starting and stopping the production server for the perf scripts (bench, lighthouse). */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createServer, type AddressInfo } from 'node:net';
import type { Probe } from './page-types';

export const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const c of children) c.kill('SIGTERM');
});
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => process.exit(130));

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as AddressInfo;
      srv.close(() => ok(port));
    });
  });
}

export async function waitFor(url: string, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const r = await fetch(url, { redirect: 'manual' });
      await r.arrayBuffer();
      if (r.status < 500) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${url}`);
}

export function stop(child: ChildProcess): Promise<void> {
  return new Promise<void>((ok) => {
    if (child.exitCode !== null || child.signalCode !== null) return ok();
    child.once('exit', () => ok());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5000).unref();
  }).then(() => void children.delete(child));
}

export interface App { base: string; child: ChildProcess; token: string; port: number }

/**
 * `next start` on a free port over an existing build, with a random revalidation token and the weather off.
 * `cwd`: another checkout with its own build (the compare script's base), else this one.
 */
export async function startApp(db: string, options: { port?: number; env?: Record<string, string>; cwd?: string } = {}): Promise<App> {
  const cwd = options.cwd ?? '.';
  if (!existsSync(join(cwd, '.next/BUILD_ID'))) throw new Error(`no production build in ${cwd}: run \`npm run build\` there (or pass --build)`);
  const port = options.port ?? (await freePort());
  const token = randomBytes(16).toString('hex');
  const child = spawn('node_modules/.bin/next', ['start', '-p', String(port)], {
    cwd,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      DATABASE_PATH: db,
      REVALIDATE_TOKEN: token,
      SITE_URL: `http://localhost:${port}`,
      WEATHER_API_URL: 'http://127.0.0.1:9',
      WEATHER_TIMEOUT_MS: '50',
      ...options.env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.add(child);
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/fr`);
  return { base, child, token, port };
}

/**
 * One timed request; retried once, after 500 ms, when the connection drops (Node closes a keep-alive connection
 * idle for 5 s just as the client reuses it, e.g. one server's while another starts). `ms` is the answering attempt.
 */
export async function request(base: string, p: Probe, headers: Record<string, string> = {}) {
  const t = performance.now();
  try {
    return await requestOnce(base, p, headers, t);
  } catch (error) {
    console.error('·', `${p.method} ${p.path}: ${(error as Error).message}; retrying once`);
    await new Promise((r) => setTimeout(r, 500));
    return requestOnce(base, p, headers, performance.now());
  }
}

async function requestOnce(base: string, p: Probe, headers: Record<string, string>, t: number) {
  const r = await fetch(base + p.path, { method: p.method, body: p.body, headers: { ...p.headers, ...headers }, redirect: 'manual' });
  const body = await r.text();
  return { status: r.status, ms: performance.now() - t, body, cache: r.headers.get('x-nextjs-cache') ?? r.headers.get('x-cache-status') ?? '' };
}

/**
 * The time of a request that must be a cache miss: HTTP 200 and `x-nextjs-cache: MISS`, or no such header at all
 * (search is never cached) unless `cacheHeader: 'required'`; anything else throws, so a comparison never times a hit.
 */
export async function timedMiss(base: string, probe: Probe, options: { cacheHeader?: 'required' } = {}): Promise<number> {
  const r = await request(base, probe, { 'accept-encoding': 'gzip' });
  const missing = !r.cache && options.cacheHeader !== 'required';
  if (r.status !== 200 || !(missing || r.cache === 'MISS')) throw new Error(`${probe.path} on ${base}: HTTP ${r.status}, x-nextjs-cache ${r.cache || 'none'} (not a cache miss)`);
  return r.ms;
}

/** Refreshes pages of the app's cache through `POST /api/revalidate` (its token), as the publishing tools do. */
export async function revalidatePaths(app: App, paths: string[], options: { timeoutMs?: number } = {}): Promise<void> {
  const res = await fetch(`${app.base}/api/revalidate`, {
    method: 'POST',
    headers: { authorization: `Bearer ${app.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ paths }),
    signal: options.timeoutMs ? AbortSignal.timeout(options.timeoutMs) : undefined,
  });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`revalidate on ${app.base}: HTTP ${res.status}`);
}
