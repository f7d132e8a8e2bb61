/**
 * Slugs from headlines: accents folded ("Élection à Yaoundé" → "election-a-yaounde"), lowercase ASCII kebab-case
 * (lib/params isSlug), never a reserved segment (i18n/routing.ts), at most 200 characters. Uniqueness per locale is
 * the database's business (db/article-writes.ts suffixes -2, -3…).
 */
import { reservedSegments } from '@/i18n/routing';
import { isSlug } from './params';

export const SLUG_MAX = 200;
/** Room kept for a "-NN" suffix when the slug is made unique. */
const BASE_MAX = SLUG_MAX - 6;

const LIGATURES: Record<string, string> = { œ: 'oe', Œ: 'oe', æ: 'ae', Æ: 'ae', ß: 'ss', ø: 'o', Ø: 'o', đ: 'd', Đ: 'd', ł: 'l', Ł: 'l' };

export function slugify(title: string): string {
  const folded = title
    .replace(/[œŒæÆßøØđĐłŁ]/g, (c) => LIGATURES[c] ?? c)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’`]/g, '-')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  let slug = folded.slice(0, BASE_MAX).replace(/-+$/g, '');
  if (!slug) slug = 'article';
  if (reservedSegments.has(slug)) slug = `${slug}-article`;
  return slug;
}

/** A slug an article may take: well-formed and not a reserved segment. */
export function isUsableSlug(slug: string): boolean {
  return isSlug(slug) && !reservedSegments.has(slug);
}

/** `base`, else `base-2`, `base-3`… : the first that `taken` does not refuse. */
export function uniqueSlug(base: string, taken: (slug: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, SLUG_MAX - suffix.length).replace(/-+$/g, '')}${suffix}`;
    if (!taken(candidate)) return candidate;
  }
}
