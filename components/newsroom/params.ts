import { z } from 'zod';

const idSchema = z.string().regex(/^[1-9][0-9]{0,9}$/).transform(Number).pipe(z.number().max(2 ** 31));

/** An article id from a URL segment, or null (→ 404). */
export function parseArticleId(value: string): number | null {
  const parsed = idSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
