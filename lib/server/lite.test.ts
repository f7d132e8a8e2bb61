/**
 * The lite transform (./lite.ts) on real pages of a Next build (./__fixtures__/: an article as prerendered by
 * `next build`, the dynamic search page and the 404 shell as `next start` sent them), then through the HTTP hook
 * that applies it. The video facade's markup is checked on a published video in e2e/video.flows.spec.ts.
 * If a Next upgrade changes what the transform relies on, these fail: the markers must be found in the input and
 * nothing of the runtime may be left in the output. Refresh the fixtures from a build after such an upgrade
 * (see the README's architecture notes).
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setLogSink } from '../log';
import { isLitePath, LITE_ETAG_SUFFIX, LITE_SCRIPT_BODY, LITE_SCRIPT_PATH, liteHtml, liteViolations, LiteTransformError } from './lite';
import { installResponseHooks } from './response-hooks';

const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
const article = fixture('article.html');
const search = fixture('search.html');
const notFoundShell = fixture('404-shell.html');
const gz = (s: string | Buffer) => zlib.gzipSync(s).length;

function lite(html: string): string {
  const result = liteHtml(html);
  if (result.kind !== 'lite') throw new Error(`not transformed: ${result.reason}`);
  return result.html;
}

describe('the lite transform on pages of a real build', () => {
  for (const [name, html] of [
    ['article', article],
    ['search page (dynamic)', search],
  ] as const) {
    it(`${name}: the framework's markers were there, and none of the runtime is left`, () => {
      // What the transform relies on, in its input (if Next stops emitting these, the transform must be revisited).
      expect(html).toMatch(/<script src="\/_next\/static\/chunks\/[^"]+\.js" async="">/);
      expect(html).toContain('self.__next_f.push([1,');
      expect(html).toContain('(self.__next_f=self.__next_f||[]).push([0])');
      expect(html).toMatch(/<link rel="preload" as="script"/);
      const result = liteHtml(html);
      expect(result.kind).toBe('lite');
      if (result.kind !== 'lite') return;
      expect(result.removed.scripts).toBeGreaterThan(3);
      expect(result.removed.inline).toBeGreaterThan(1);
      expect(result.removed.preloads).toBeGreaterThan(0);
      const out = result.html;
      expect(liteViolations(out)).toEqual([]);
      expect(out).not.toContain('__next_f');
      expect(out).not.toMatch(/\/_next\/static\/chunks\/[^"]+\.js/);
      expect(out).not.toMatch(/<script(?![^>]*(?:type="application\/ld\+json"|src="\/_next\/static\/kiosque\/))/);
      // One first-party script, deferred, in the head.
      expect(out.split(LITE_SCRIPT_PATH)).toHaveLength(2);
      expect(out).toContain(`<script src="${LITE_SCRIPT_PATH}" defer=""></script></head>`);
      // What HTML needs stays: stylesheets, the title, the canonical link, the content.
      expect(out.match(/<link rel="stylesheet" href="\/_next\/static\/chunks\/[^"]+\.css"/g)?.length).toBe(
        html.match(/<link rel="stylesheet" href="\/_next\/static\/chunks\/[^"]+\.css"/g)?.length,
      );
      expect(out).toMatch(/<title>[^<]+<\/title>/);
      expect(out).toContain('<link rel="canonical"');
      expect(out).toContain('<main');
      expect(out.length).toBeLessThan(html.length / 2);
    });
  }

  it('an article keeps its JSON-LD, its font and image preloads, and carries the view beacon and language markers', () => {
    const out = lite(article);
    expect(out).toContain('<script type="application/ld+json">');
    expect(out).toMatch(/<link rel="preload" href="\/_next\/static\/media\/[^"]+\.woff2" as="font"/);
    expect(out).toMatch(/<link rel="preload" as="image"/);
    expect(out).toMatch(/<div hidden="" data-view-beacon="\d+"><\/div>/);
    expect(out).toMatch(/<a href="\/en[^"]*" hrefLang="en" lang="en" data-remember-locale="en">English<\/a>/);
  });

  it('the article HTML shrinks to a fraction of its size (gzipped)', () => {
    const before = gz(article);
    const after = gz(lite(article));
    expect(after).toBeLessThan(before * 0.6);
  });

  it('leaves the 404 shell Next sends for notFound() alone: its content exists only in the RSC payload', () => {
    expect(notFoundShell).toContain('<html id="__next_error__">');
    expect(liteHtml(notFoundShell)).toEqual({ kind: 'skip', reason: 'error-shell' });
  });

  it('leaves a page without any script alone (the hooks’ own 429 and 410 pages): nothing to remove', () => {
    const own = '<!DOCTYPE html><html lang="fr"><head><title>Recherche occupée</title></head><body><main><h1>Trop de recherches</h1></main></body></html>';
    expect(liteHtml(own)).toEqual({ kind: 'skip', reason: 'no-script' });
    const withJsonLd = own.replace('</head>', '<script type="application/ld+json">{}</script></head>');
    expect(liteHtml(withJsonLd)).toEqual({ kind: 'skip', reason: 'no-script' });
  });

  it('refuses a page whose Suspense boundary was streamed late (stripping $RC would leave its content hidden)', () => {
    const streamed = article.replace(
      '</body>',
      '<div hidden id="S:0"><span>Météo</span></div><script>$RC("B:0","S:0")</script></body>',
    ).replace('<main', '<template id="B:0"></template><main');
    expect(() => liteHtml(streamed)).toThrow(LiteTransformError);
  });

  it('fails loudly when the markers it relies on are missing (e.g. Next changed how it ships its runtime)', () => {
    const noChunks = article.replace(/<script src="\/_next\/static\/[^"]+"[^>]*><\/script>/g, '');
    expect(() => liteHtml(noChunks)).toThrow(/no \/_next\/static script/);
    const noFlight = article.replace(/<script>self\.__next_f\.push\(\[1,[\s\S]*?<\/script>/g, '');
    expect(() => liteHtml(noFlight)).toThrow(/no RSC payload/);
    const unknownInline = article.replace('</body>', '<script>window.somethingNew=1</script></body>');
    expect(() => liteHtml(unknownInline)).toThrow(/not the framework's/);
  });

  it('reader paths are lite; the newsroom (and its preview), the API and static files are not', () => {
    for (const path of ['/', '/fr', '/en/economy/some-story', '/fr/recherche?q=cacao', '/fr/rubrique-inconnue', '/newsroomish']) {
      expect(isLitePath(path), path).toBe(true);
    }
    for (const path of ['/newsroom', '/newsroom/articles/3/preview', '/api/views', '/_next/static/chunks/a.js', '/media/p/x.jpg']) {
      expect(isLitePath(path), path).toBe(false);
    }
  });

  it('the first-party script stays within its budget: ≤ 3 KB gzipped', () => {
    expect(gz(LITE_SCRIPT_BODY)).toBeLessThanOrEqual(3 * 1024);
    expect(LITE_SCRIPT_PATH).toMatch(/^\/_next\/static\/kiosque\/lite\.[0-9a-f]{16}\.js$/);
  });
});

describe('through the HTTP hook', () => {
  let server: http.Server;
  let origin: string;
  const lines: string[] = [];
  let restoreSink: () => void;
  let renders = 0;
  const BASE = "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'none'";

  beforeAll(async () => {
    restoreSink = setLogSink((line) => lines.push(line));
    installResponseHooks({ logRequests: false, lite: true });
    server = http.createServer((req, res) => {
      res.setHeader('content-security-policy', BASE);
      res.setHeader('content-type', 'text/html; charset=utf-8');
      const path = (req.url ?? '').split('?')[0];
      if (path === '/fr/article' || path === '/newsroom/articles/1/preview') {
        res.setHeader('etag', '"abc123"');
        if (req.headers['if-none-match'] === '"abc123"') {
          res.statusCode = 304;
          return void res.end();
        }
        renders += 1;
        res.setHeader('content-encoding', 'gzip');
        return void res.end(zlib.gzipSync(article));
      }
      if (path === '/fr/br') {
        res.setHeader('content-encoding', 'br');
        return void res.end(zlib.brotliCompressSync(article));
      }
      if (path === '/fr/missing') {
        res.statusCode = 404;
        return void res.end(notFoundShell);
      }
      if (path === '/fr/broken') return void res.end(article.replace('</body>', '<script>window.x=1</script></body>'));
      res.statusCode = 500;
      res.end('boom');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    restoreSink();
    await new Promise((resolve) => server.close(resolve));
  });

  const raw = (path: string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      http
        .get(`${origin}${path}`, { headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
        })
        .on('error', reject);
    });

  it('a reader page goes out lite, re-encoded, with a consistent length, ETag and a policy without script hashes', async () => {
    const res = await raw('/fr/article', { 'accept-encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    const html = zlib.gunzipSync(res.body).toString('utf8');
    expect(liteViolations(html)).toEqual([]);
    expect(html).toContain(LITE_SCRIPT_PATH);
    expect(res.headers.etag).toBe(`"abc123${LITE_ETAG_SUFFIX}"`);
    const scriptSrc = String(res.headers['content-security-policy']).split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'));
    expect(scriptSrc).toBe("script-src 'self'");
  });

  it('a cached page is transformed once: the same bytes again; its lite ETag revalidates to a 304 naming it', async () => {
    const first = await raw('/fr/article', { 'accept-encoding': 'gzip' });
    const second = await raw('/fr/article', { 'accept-encoding': 'gzip' });
    expect(second.body.equals(first.body)).toBe(true);
    const revalidated = await raw('/fr/article', { 'if-none-match': first.headers.etag! });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.etag).toBe(first.headers.etag);
    expect(revalidated.headers['content-security-policy']).toBeUndefined();
    // An ETag from another version of the lite script is not fresh: the page is sent again.
    const other = await raw('/fr/article', { 'if-none-match': '"abc123-l00000000"' });
    expect(other.status).toBe(200);
    expect(renders).toBeGreaterThanOrEqual(3);
  });

  it('a HEAD names the same ETag as the GET', async () => {
    const get = await raw('/fr/article');
    const head = await new Promise<http.IncomingMessage>((resolve, reject) => {
      const req = http.request(`${origin}/fr/article`, { method: 'HEAD' }, resolve);
      req.on('error', reject);
      req.end();
    });
    head.resume();
    expect(head.statusCode).toBe(200);
    expect(head.headers.etag).toBe(get.headers.etag);
  });

  it('brotli pages are re-encoded with brotli', async () => {
    const res = await raw('/fr/br');
    expect(res.headers['content-encoding']).toBe('br');
    expect(liteViolations(zlib.brotliDecompressSync(res.body).toString('utf8'))).toEqual([]);
  });

  it('the newsroom keeps the full App Router, with its inline scripts hashed', async () => {
    const res = await raw('/newsroom/articles/1/preview');
    const html = zlib.gunzipSync(res.body).toString('utf8');
    expect(html).toBe(article);
    expect(res.headers.etag).toBe('"abc123"');
    expect(res.headers['content-security-policy']).toMatch(/script-src 'self' 'sha256-/);
  });

  it('a 404 shell whose lite stand-in cannot be had keeps its runtime (and hashes); a page the transform does not understand is sent whole and logged as an error', async () => {
    // This fake server has no /fr/_404 (./not-found-document.test.ts covers the swap itself).
    const missing = await raw('/fr/missing');
    expect(missing.status).toBe(404);
    expect(missing.body.toString('utf8')).toBe(notFoundShell);
    expect(missing.headers['content-security-policy']).toMatch(/script-src 'self' 'sha256-/);
    const broken = await raw('/fr/broken');
    expect(broken.status).toBe(200);
    expect(broken.body.toString('utf8')).toContain('self.__next_f');
    expect(lines.some((l) => l.includes('lite_transform_failed'))).toBe(true);
  });

  it('serves the lite script at its hashed URL, immutable, gzipped when accepted', async () => {
    const res = await raw(LITE_SCRIPT_PATH, { 'accept-encoding': 'gzip, br' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(zlib.gunzipSync(res.body).equals(LITE_SCRIPT_BODY)).toBe(true);
    const plain = await raw(LITE_SCRIPT_PATH);
    expect(plain.body.equals(LITE_SCRIPT_BODY)).toBe(true);
  });
});
