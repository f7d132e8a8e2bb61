/**
 * The ISR cache handler against the installed Next's FileSystemCache, on a temporary directory: what reaches the
 * disk and what Next reads back. If a Next upgrade changes the parts it relies on (the class, its file layout,
 * `getFilePath`, the value's `kind` and `status`), these fail.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeFs } from 'next/dist/server/lib/node-fs-methods';
import { afterAll, describe, expect, it } from 'vitest';
import ReaderCacheHandler from './isr-cache-handler.mjs';

const dir = mkdtempSync(join(tmpdir(), 'kiosque-isr-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const handler = () =>
  new ReaderCacheHandler({ fs: nodeFs, dev: false, flushToDisk: true, serverDistDir: dir, revalidatedTags: [], maxMemoryCacheSize: 50 * 1024 * 1024, _requestHeaders: {} });

const keyOf = (path: string) => `/route-cache/APP_PAGE/0123abcd/$${path}`;
const fileOf = (path: string, suffix: string) => join(dir, `${keyOf(path)}${suffix}`);

function page(status: number, text: string) {
  return {
    kind: 'APP_PAGE',
    html: `<main>${text}</main>`,
    rscData: Buffer.from(`rsc ${text}`),
    headers: { 'x-next-cache-tags': `_N_T_/layout,_N_T_${'/fr/x'}` },
    postponed: undefined,
    status,
    segmentData: new Map([['/_tree', Buffer.from('tree')]]),
  } as const;
}

const setCtx = { cacheControl: { revalidate: 300, expire: 900 }, isRoutePPREnabled: false, isFallback: false };
const getCtx = { kind: 'APP_PAGE', isRoutePPREnabled: false, isFallback: false };

async function store(path: string, value: ReturnType<typeof page>) {
  // The value's shape is Next's internal one; the test builds the fields the handler and Next's writer read.
  await handler().set(keyOf(path), value as never, setCtx as never);
}
const read = async (path: string) => handler().get(keyOf(path), getCtx as never);

describe('the ISR cache on disk', () => {
  it('a page is written to disk and read back, as by Next’s own cache', async () => {
    await store('/fr/politique/un-article', page(200, 'article'));
    expect(readFileSync(fileOf('/fr/politique/un-article', '.html'), 'utf8')).toBe('<main>article</main>');
    expect(existsSync(fileOf('/fr/politique/un-article', '.rsc'))).toBe(true);
    expect((await read('/fr/politique/un-article'))?.value).toMatchObject({ kind: 'APP_PAGE', status: 200 });
  });

  it('a 404 at a path with nothing on disk stays in memory: no file, but the next request is still answered from the cache', async () => {
    await store('/fr/politique/made-up-123', page(404, 'not found'));
    expect(existsSync(fileOf('/fr/politique/made-up-123', '.html'))).toBe(false);
    expect(existsSync(fileOf('/fr/politique/made-up-123', '.meta'))).toBe(false);
    expect(existsSync(fileOf('/fr/politique/made-up-123', '.rsc'))).toBe(false);
    expect((await read('/fr/politique/made-up-123'))?.value).toMatchObject({ kind: 'APP_PAGE', status: 404 });
  });

  it('a 404 where a page was stored replaces it on disk, so the old page cannot come back from there', async () => {
    await store('/fr/sujets/ancien-sujet', page(200, 'topic'));
    await store('/fr/sujets/ancien-sujet', page(404, 'gone'));
    expect(readFileSync(fileOf('/fr/sujets/ancien-sujet', '.html'), 'utf8')).toBe('<main>gone</main>');
    expect(JSON.parse(readFileSync(fileOf('/fr/sujets/ancien-sujet', '.meta'), 'utf8')).status).toBe(404);
  });

  it('paths the file system refuses (a NUL byte, a 3,000-character segment) are kept in memory without an error', async () => {
    for (const path of ['/fr/a\u0000b', `/fr/${'a'.repeat(3000)}`]) {
      await expect(store(path, page(404, 'hostile'))).resolves.toBeUndefined();
      expect((await read(path))?.value).toMatchObject({ status: 404 });
    }
  });
});
