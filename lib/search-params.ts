import { z } from 'zod';

/** Longest query kept from the URL (longer input is cut, never an error). */
export const MAX_QUERY_LENGTH = 200;

const one = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (Array.isArray(v) ? v[0] : v));

const schema = z.object({
  q: one.transform((v) =>
    Array.from((v ?? '').replace(/[\u0000-\u001f\u007f\uE000\uE001\uFFFD]/g, ' ').trim())
      .slice(0, MAX_QUERY_LENGTH)
      .join(''),
  ),
  page: one.pipe(z.union([z.undefined(), z.string().regex(/^[1-9][0-9]{0,4}$/).transform(Number)])).transform((v) => v ?? 1),
});

export type SearchParams = z.infer<typeof schema>;

/** `?q=…&page=…` of the search page; null for a malformed page number (→ 404). Any `q` is accepted. */
export function parseSearchParams(input: Record<string, string | string[] | undefined>): SearchParams | null {
  const parsed = schema.safeParse(input);
  return parsed.success ? parsed.data : null;
}
