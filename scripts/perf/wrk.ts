/**
 * Load with wrk (C, multi-threaded) when it is installed: autocannon runs inside the bench's own Node process and
 * tops out near 2,000 requests/s on this machine, below what nginx and a cached Next page can serve, so it would
 * measure itself. The Lua `done` hook prints the summary as one JSON line, so nothing parses wrk's prose.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Load {
  rps: number;
  p50: number;
  p99: number;
  bytes: number;
  errors: number;
  non2xx: number;
  requests: number;
}

export interface Request {
  method?: string;
  body?: string;
  headers?: Record<string, string>;
  /** Send each request from another reader: X-Forwarded-For cycles through this many addresses (10.77.x.y). */
  readers?: number;
}

export const wrkVersion = (() => {
  const r = spawnSync('wrk', ['-v'], { encoding: 'utf8' });
  if (r.error) return null;
  return /wrk (\S+)/.exec(`${r.stdout}${r.stderr}`)?.[1] ?? 'unknown';
})();

const longString = (s: string) => `[==[${s}]==]`;

function script(req: Request): string {
  const lines = [
    `wrk.method = ${longString(req.method ?? 'GET')}`,
    ...(req.body !== undefined ? [`wrk.body = ${longString(req.body)}`] : []),
    ...Object.entries(req.headers ?? {}).map(([k, v]) => `wrk.headers[ ${longString(k)} ] = ${longString(v)}`),
    ...(req.readers
      ? [
          'local n = 0',
          'request = function()',
          `  n = (n + 1) % ${Math.floor(req.readers)}`,
          '  wrk.headers["X-Forwarded-For"] = string.format("10.77.%d.%d", math.floor(n / 256), n % 256)',
          '  return wrk.format()',
          'end',
        ]
      : []),
    'done = function(s, latency, requests)',
    '  io.write(string.format(\'WRKJSON {"requests":%d,"bytes":%d,"us":%d,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d,"p50":%d,"p99":%d}\\n\',',
    '    s.requests, s.bytes, s.duration, s.errors.connect, s.errors.read, s.errors.write, s.errors.status, s.errors.timeout,',
    '    latency:percentile(50), latency:percentile(99)))',
    'end',
  ];
  return lines.join('\n');
}

/** Runs `wrk -t2 -c{connections} -d{seconds}s` (as in the reference numbers) against one URL. */
export function wrkLoad(url: string, req: Request, connections: number, seconds: number): Promise<Load> {
  const dir = mkdtempSync(join(tmpdir(), 'kiosque-wrk-'));
  const lua = join(dir, 'request.lua');
  writeFileSync(lua, script(req));
  return new Promise((resolve, reject) => {
    const child = spawn('wrk', ['-t2', `-c${connections}`, `-d${seconds}s`, '--timeout', '10s', '-s', lua, url], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('WRKJSON '));
      if (code !== 0 || !line) return reject(new Error(`wrk exited with ${code}: ${out.slice(-500)}`));
      const s = JSON.parse(line.slice(8)) as Record<string, number>;
      const n = s.requests!;
      resolve({
        rps: n / (s.us! / 1e6),
        p50: s.p50! / 1000,
        p99: s.p99! / 1000,
        bytes: n ? s.bytes! / n : 0,
        errors: s.connect! + s.read! + s.write! + s.timeout!,
        non2xx: s.status!,
        requests: n,
      });
    });
  });
}
