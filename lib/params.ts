import { z } from 'zod';

/** A page number from a URL segment: a plain positive integer without leading zeros, at most 99,999. */
const pageSchema = z.string().regex(/^[1-9][0-9]{0,4}$/).transform(Number);

export function parsePageParam(value: string): number | null {
  const parsed = pageSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Slugs are lowercase ASCII kebab-case; anything else cannot name content, so it is a 404 without a query. */
const slugSchema = z.string().max(200).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);

export function isSlug(value: string): boolean {
  return slugSchema.safeParse(value).success;
}

/**
 * A row number from a URL segment (a library photo's `/media/photo/N`): a plain positive integer without leading
 * zeros, at most 10 digits (the body syntax's bound, lib/markdown-media.ts). Anything else names nothing: 404.
 */
const idSchema = z.string().regex(/^[1-9][0-9]{0,9}$/).transform(Number);

export function parseIdParam(value: string): number | null {
  const parsed = idSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
