import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setLogSink } from '../log';
import { installResponseHooks } from './response-hooks';

const sha = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
const flight = 'self.__next_f.push([1,"hello"])';
const page = `<!DOCTYPE html><html><body><p>x</p><script>${flight}</script></body></html>`;
const BASE = "default-src 'self'; script-src 'self'";

let server: http.Server;
let origin: string;
const lines: string[] = [];
let restoreSink: () => void;

beforeAll(async () => {
  restoreSink = setLogSink((line) => lines.push(line));
  installResponseHooks({ logRequests: true });
  server = http.createServer((req, res) => {
    res.setHeader('content-security-policy', BASE);
    if (req.url === '/streamed') {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      const half = Math.floor(page.length / 2);
      res.write(page.slice(0, half));
      setTimeout(() => res.end(page.slice(half)), 20);
    } else if (req.url === '/gzip') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' });
      res.end(zlib.gzipSync(page));
    } else if (req.url === '/cached') {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.setHeader('etag', '"v1"');
      if (req.headers['if-none-match'] === '"v1"') {
        res.statusCode = 304;
        res.end();
      } else res.end(page);
    } else if (req.url === '/json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    } else if (req.url?.startsWith('/fr/recherche')) {
      res.writeHead(404, { 'content-type': 'text/html' }).end('<p>none</p>');
    } else {
      res.statusCode = 500;
      res.end('boom');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  restoreSink();
  await new Promise((resolve) => server.close(resolve));
});

describe('per-response CSP hashes', () => {
  it('a streamed HTML page arrives whole, with the hash of its inline script in the policy', async () => {
    const res = await fetch(`${origin}/streamed`);
    expect(await res.text()).toBe(page);
    expect(res.headers.get('content-security-policy')).toBe(`${BASE} ${sha(flight)}`);
    // Whole, hence with its length rather than chunked (a cache in front keeps what it receives).
    expect(res.headers.get('content-length')).toBe(String(Buffer.byteLength(page)));
    expect(res.headers.get('transfer-encoding')).toBeNull();
  });

  it('a HEAD request gets no made-up length', async () => {
    const res = await fetch(`${origin}/streamed`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).not.toBe('0');
  });

  it('a compressed page is hashed on its decoded text and sent compressed, unchanged', async () => {
    const res = await fetch(`${origin}/gzip`); // fetch decompresses transparently
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(await res.text()).toBe(page);
    expect(res.headers.get('content-security-policy')).toBe(`${BASE} ${sha(flight)}`);
  });

  it('a 304 carries no policy, so the browser keeps the one stored with the page', async () => {
    const first = await fetch(`${origin}/cached`);
    expect(first.headers.get('content-security-policy')).toBe(`${BASE} ${sha(flight)}`);
    await first.text();
    const again = await fetch(`${origin}/cached`); // same ETag: the policy comes from the cache, identical
    expect(again.headers.get('content-security-policy')).toBe(first.headers.get('content-security-policy'));
    await again.text();
    const revalidated = await fetch(`${origin}/cached`, { headers: { 'if-none-match': '"v1"' } });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get('content-security-policy')).toBeNull();
  });

  it('other content types pass through untouched', async () => {
    const res = await fetch(`${origin}/json`);
    expect(await res.json()).toEqual({ ok: true });
    expect(res.headers.get('content-security-policy')).toBe(BASE);
  });
});

describe('request log', () => {
  it('writes one JSON line per request, search terms left out, 5xx as errors', async () => {
    lines.length = 0;
    await (await fetch(`${origin}/fr/recherche?q=ma+maladie`)).text();
    await (await fetch(`${origin}/oops`)).text();
    await new Promise((r) => setTimeout(r, 20));
    const entries = lines.map((l) => JSON.parse(l)).filter((e) => e.msg === 'request');
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ level: 'info', method: 'GET', path: '/fr/recherche?[redacted]', status: 404 });
    expect(typeof entries[0].ms).toBe('number');
    expect(JSON.stringify(entries)).not.toContain('maladie');
    expect(entries[1]).toMatchObject({ level: 'error', path: '/oops', status: 500 });
  });
});
