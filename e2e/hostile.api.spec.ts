import { expect, test } from '@playwright/test';
import { readdirSync } from 'node:fs';
import net from 'node:net';
import { articlePath, articles } from './support/fixtures';
import { hostileCases, type HostileCase } from './support/hostile-requests';

// Hostile input never yields a 5xx: several hundred malicious or malformed requests, written byte for byte on a
// socket (Playwright's request context would normalize or refuse many of them), then the site must still serve.

const appPort = Number(process.env.E2E_APP_PORT ?? 3100);

interface RawAnswer {
  status: number;
  head: string;
  body: Buffer;
}

/** Sends one HTTP/1.1 request exactly as given and reads the answer until the server closes the connection. */
function sendRaw(c: HostileCase, timeoutMs = 15_000): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(appPort, '127.0.0.1');
    const chunks: Buffer[] = [];
    const body = c.body === undefined ? undefined : Buffer.isBuffer(c.body) ? c.body : Buffer.from(c.body, 'utf8');
    const headers: Record<string, string> = { host: `localhost:${appPort}`, connection: 'close', 'user-agent': 'kiosque-hostile-test', ...c.headers };
    if (body) headers['content-length'] = String(body.length);
    const lines = Object.entries(headers)
      .filter(([, v]) => v !== '')
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('');
    const target = Buffer.isBuffer(c.target) ? c.target : Buffer.from(c.target, 'latin1');
    socket.setTimeout(timeoutMs, () => {
      socket.destroy();
      reject(new Error('timeout'));
    });
    socket.on('data', (d) => chunks.push(d));
    socket.on('error', (error) => {
      // A server that resets after answering (e.g. 431 then close) still answered: keep what arrived.
      if (chunks.length) finish();
      else reject(error);
    });
    socket.on('end', finish);
    let done = false;
    function finish() {
      if (done) return;
      done = true;
      const all = Buffer.concat(chunks);
      const split = all.indexOf('\r\n\r\n');
      const head = all.subarray(0, split === -1 ? all.length : split).toString('latin1');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0);
      resolve({ status, head, body: split === -1 ? Buffer.alloc(0) : all.subarray(split + 4) });
      socket.destroy();
    }
    socket.write(Buffer.concat([Buffer.from(`${c.method ?? 'GET'} `), target, Buffer.from(` HTTP/1.1\r\n${lines}\r\n`), body ?? Buffer.alloc(0)]));
  });
}

function site() {
  const fr = articles(`a.locale = 'fr' and a.status = 'published' and a.published_at <= unixepoch('now') * 1000`)[0]!;
  const en = articles(`a.locale = 'en' and a.status = 'published' and a.published_at <= unixepoch('now') * 1000`)[0]!;
  const chunk = readdirSync('.next/static/chunks').find((f) => f.endsWith('.js'))!;
  const media = readdirSync('public/media').find((f) => f.endsWith('.svg'))!;
  return {
    fr: { category: fr.categorySlug, article: articlePath(fr) },
    en: { category: en.categorySlug, article: articlePath(en) },
    media: `/media/${media}`,
    staticChunk: `/_next/static/chunks/${chunk}`,
  };
}

test('hundreds of hostile requests: never a 5xx, and the site keeps serving', async () => {
  test.setTimeout(600_000);
  const cases = hostileCases(site());
  expect(cases.length).toBeGreaterThanOrEqual(300);

  const failures: string[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  async function worker() {
    while (next < cases.length) {
      const c = cases[next++]!;
      try {
        const answer = await sendRaw(c);
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        const allowed = c.expectStatus ? c.expectStatus.includes(answer.status) : answer.status >= 100 && answer.status < 500;
        if (!allowed) failures.push(`${c.name}: HTTP ${answer.status || '(no status line)'}`);
        const text = answer.body.toString('latin1');
        for (const secret of c.mustNotContain ?? []) if (text.includes(secret)) failures.push(`${c.name}: answer contains ${secret}`);
      } catch (error) {
        failures.push(`${c.name}: ${(error as Error).message}`);
      }
    }
  }
  // Few sockets at a time: the other specs share this server and must not time out because of this one.
  await Promise.all(Array.from({ length: 3 }, worker));
  console.log(`hostile requests: ${cases.length}, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
  expect(failures, failures.join('\n')).toEqual([]);

  // Still serving, with its content.
  const home = await sendRaw({ name: 'home', target: '/fr' });
  expect(home.status).toBe(200);
  expect(home.body.toString('utf8')).toContain('<html lang="fr"');
});
