import { beforeEach, describe, expect, it, vi } from 'vitest';

const calls = vi.hoisted(() => ({ paths: [] as unknown[][], tags: [] as unknown[][] }));
vi.mock('next/cache', () => ({
  revalidatePath: (...args: unknown[]) => void calls.paths.push(args),
  revalidateTag: (...args: unknown[]) => void calls.tags.push(args),
}));

const { POST } = await import('@/app/api/revalidate/route');
const { isAuthorized } = await import('@/lib/revalidate');

const TOKEN = 'newsroom-secret-0123456789';

function post(body: unknown, authorization: string | null = `Bearer ${TOKEN}`) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (authorization !== null) headers.authorization = authorization;
  return POST(new Request('http://localhost/api/revalidate', { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) }));
}

beforeEach(() => {
  calls.paths.length = 0;
  calls.tags.length = 0;
  vi.stubEnv('REVALIDATE_TOKEN', TOKEN);
});

describe('POST /api/revalidate', () => {
  it('does not exist when REVALIDATE_TOKEN is not configured', async () => {
    vi.stubEnv('REVALIDATE_TOKEN', '');
    const res = await post({ paths: ['/fr'] });
    expect(res.status).toBe(404);
    expect(calls.paths).toEqual([]);
  });

  it('refuses a missing or wrong token without revalidating anything', async () => {
    for (const auth of [null, 'Bearer wrong', `Basic ${TOKEN}`, `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(0, -1)}`]) {
      const res = await post({ paths: ['/fr'] }, auth);
      expect(res.status, String(auth)).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
    }
    expect(calls.paths).toEqual([]);
  });

  it('revalidates the given pages and tags, the site root as a whole layout', async () => {
    const res = await post({ paths: ['/fr/politique/un-article', '/fr/politique', '/', '/[locale]/[category]/[slug]'], tags: ['articles'] });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toMatchObject({ revalidated: { paths: ['/fr/politique/un-article', '/fr/politique', '/', '/[locale]/[category]/[slug]'], tags: ['articles'] } });
    expect(calls.paths).toEqual([
      ['/fr/politique/un-article', undefined],
      ['/fr/politique', undefined],
      ['/', 'layout'],
      ['/[locale]/[category]/[slug]', 'page'],
    ]);
    expect(calls.tags).toEqual([['articles', { expire: 0 }]]);
  });

  it('answers 400 to a body that is not JSON, empty, or malformed', async () => {
    for (const body of ['not json', {}, { paths: [] }, { paths: ['no-slash'] }, { paths: ['/fr?x=1'] }, { tags: [''] }, { paths: '/fr' }, { extra: 1, paths: ['/fr'] }]) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect(calls.paths).toEqual([]);
    expect(calls.tags).toEqual([]);
  });
});

describe('isAuthorized', () => {
  it('accepts only the exact bearer token', () => {
    expect(isAuthorized(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(isAuthorized(`bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(isAuthorized('Bearer ', TOKEN)).toBe(false);
    expect(isAuthorized(null, TOKEN)).toBe(false);
    expect(isAuthorized(`Bearer ${TOKEN} extra`, TOKEN)).toBe(false);
  });
});
