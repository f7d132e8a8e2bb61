/** The request path answers an imported WordPress URL with a 301 before Next sees it (lib/server/response-hooks.ts). */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importWordpress } from '@/lib/wordpress/import';
import { installResponseHooks } from '@/lib/server/response-hooks';
import { useTestDb } from '../support/db';

let env: ReturnType<typeof useTestDb>;
let server: http.Server;
let origin: string;

beforeAll(async () => {
  env = useTestDb();
  await importWordpress(join(__dirname, '../fixtures/wordpress/site.xml'), { now: new Date('2026-01-01T00:00:00Z'), db: env.db });
  installResponseHooks();
  server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' }).end('next');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  env.close();
});

describe('old WordPress URLs on the request path', () => {
  it('answers 301 to the new URL for permalinks, ?p= shortlinks and Polylang prefixes', async () => {
    for (const [old, target] of [
      ['/2024/11/15/maire-reelu/', '/fr/politique/maire-reelu'],
      ['/?p=102', '/en/politics/mayor-re-elected'],
      ['/en/2024/11/15/mayor-re-elected/', '/en/politics/mayor-re-elected'],
      ['/category/politique/elections/', '/fr/politique'],
    ]) {
      const res = await fetch(`${origin}${old}`, { redirect: 'manual' });
      expect([old, res.status, res.headers.get('location')]).toEqual([old, 301, target]);
    }
    const head = await fetch(`${origin}/maire-reelu`, { method: 'HEAD', redirect: 'manual' });
    expect(head.status).toBe(301);
  });

  it('leaves every other request to Next', async () => {
    for (const path of ['/fr/politique/maire-reelu', '/nothing/', '/?p=103', '/?s=maire']) {
      const res = await fetch(`${origin}${path}`, { redirect: 'manual' });
      expect([path, res.status]).toEqual([path, 200]);
    }
    const post = await fetch(`${origin}/2024/11/15/maire-reelu/`, { method: 'POST', redirect: 'manual' });
    expect(post.status).not.toBe(301);
  });
});
