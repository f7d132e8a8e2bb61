/**
 * On-demand revalidation: who may ask (a bearer token from REVALIDATE_TOKEN) and what they may ask for.
 * Pure logic, so that the route handler stays thin and both are unit-tested.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** The newsroom's token, or null when on-demand revalidation is switched off (the route then answers 404). */
export function revalidateToken(env: Readonly<Record<string, string | undefined>> = process.env): string | null {
  const token = env.REVALIDATE_TOKEN?.trim();
  return token ? token : null;
}

/** Compares `Authorization: Bearer <token>` with the expected token in constant time (hashes have equal length). */
export function isAuthorized(authorization: string | null, expected: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  const given = createHash('sha256').update(match?.[1] ?? '').digest();
  const wanted = createHash('sha256').update(expected).digest();
  return timingSafeEqual(given, wanted) && match !== null;
}

const path = z
  .string()
  .max(512)
  .regex(/^\/[^\s?#]*$/, 'must be a URL path starting with / (no query string)');
const tag = z.string().min(1).max(256);

export const revalidateBody = z
  .object({
    paths: z.array(path).max(200).optional(),
    tags: z.array(tag).max(200).optional(),
  })
  .strict()
  .refine((b) => (b.paths?.length ?? 0) + (b.tags?.length ?? 0) > 0, 'give at least one path or tag');

export type RevalidateBody = z.infer<typeof revalidateBody>;

/**
 * A path that names a route pattern (`/[locale]/[category]/[slug]`) revalidates every page of that route;
 * `/` with type `layout` revalidates the whole site. Plain paths revalidate that one page.
 */
export function pathTarget(p: string): { path: string; type?: 'layout' | 'page' } {
  if (p === '/') return { path: '/', type: 'layout' };
  if (p.includes('[')) return { path: p, type: 'page' };
  return { path: p };
}

/**
 * Asks a running portal to refresh (POST /api/revalidate): the revalidate script and the importers call it after
 * writing to the database from outside the server process. Throws with the server's answer when refused.
 */
export async function requestRevalidation(base: string, token: string, body: RevalidateBody): Promise<string> {
  const res = await fetch(`${base.replace(/\/+$/, '')}/api/revalidate`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`revalidation failed: HTTP ${res.status} ${text}`);
  return text;
}
