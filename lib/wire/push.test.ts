/** The push endpoint's rules, as an agency's client observes them (status codes), and the queue afterwards. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFeed, listWireQueue, rotatePushToken } from '@/db/wire';
import { users } from '@/db/schema';
import { newsroom, useTestDb } from '@/tests/support/db';
import { ingestDocument } from './ingest';
import { WireParsePool } from './parse-pool';
import { handlePush, PUSH_BODY_MAX, PUSHES_PER_MINUTE } from './push';

let env: ReturnType<typeof useTestDb>;
let token: string;

beforeEach(() => {
  env = useTestDb();
  const now = new Date();
  const n = newsroom(env.db, now);
  const agency = n.author('agency', 'agency');
  const { id } = env.db.insert(users).values({ email: 'a@k.test', name: 'A', role: 'administrator', passwordHash: 'x', createdAt: now, updatedAt: now }).returning({ id: users.id }).get();
  const f = createFeed(null, { name: 'push', agencyId: agency, url: '', format: 'ninjs', pollIntervalSeconds: 300, language: 'en', defaultCategoryId: null, autoPublishCategoryId: null, autoPublishGenre: null, enabled: true });
  token = rotatePushToken({ id, role: 'administrator', label: 'a@k.test' }, f.id);
});
afterEach(() => env.close());

const post = (body: string, headers: Record<string, string> = {}) =>
  handlePush(new Request('http://localhost/api/wire/push', { method: 'POST', body, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers } }), ingestDocument);

describe('POST /api/wire/push', () => {
  it('accepts ninjs with the feed token and queues it', async () => {
    const res = await post(JSON.stringify({ uri: 'urn:p:1', headline: 'Pushed', body_text: 'Text.' }));
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ created: 1 });
    expect(listWireQueue({}, 'en').items.map((i) => i.headline)).toEqual(['Pushed']);
  });
  it('refuses a wrong token, a wrong type, a huge body, invalid ninjs, and floods', async () => {
    expect((await post('{}', { authorization: 'Bearer wrong-token-wrong-token' })).status).toBe(401);
    expect((await post('{}', { authorization: '' })).status).toBe(401);
    expect((await post('<rss/>', { 'content-type': 'application/xml' })).status).toBe(415);
    expect((await post('x'.repeat(PUSH_BODY_MAX + 1))).status).toBe(413);
    expect((await post('{"headline":"no uri"}')).status).toBe(400);
    let last = 0;
    for (let i = 0; i < PUSHES_PER_MINUTE; i++) last = (await post('{"uri":"urn:p:x","headline":"x","body_text":"y"}')).status;
    expect(last).toBe(429);
    expect(listWireQueue({}, 'en').total).toBeLessThanOrEqual(1);
  });

  it('answers 503 with Retry-After when the parse worker cannot finish the document; nothing is queued', async () => {
    vi.spyOn(Date, 'now').mockReturnValue(Date.now() + 120_000); // a new rate-limit minute for this feed
    const pool = new WireParsePool({ timeoutMs: 1 });
    const request = new Request('http://localhost/api/wire/push', {
      method: 'POST',
      body: JSON.stringify({ uri: 'urn:p:slow', headline: 'Slow', body_text: 'Text.' }),
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    });
    const res = await handlePush(request, (feed, text) => ingestDocument(feed, text, new Date(), pool));
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('60');
    expect(listWireQueue({}, 'en').total).toBe(0);
    await pool.close();
  });
});
