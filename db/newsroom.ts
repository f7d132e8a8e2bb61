/**
 * Newsroom writes. renameArticle is what the editor calls when a headline's slug changes: the old slug goes to
 * article_slug_history (so findArticle answers a permanent redirect) in the same transaction as the rename.
 */
import { and, eq } from 'drizzle-orm';
import { reservedSegments } from '@/i18n/routing';
import { isSlug } from '@/lib/params';
import { getDb } from './client';
import { articles, articleSlugHistory } from './schema';

export class SlugTakenError extends Error {}

export function renameArticle(id: number, newSlug: string, now = new Date()): { oldSlug: string; newSlug: string } {
  if (!isSlug(newSlug) || reservedSegments.has(newSlug)) throw new Error(`renameArticle: "${newSlug}" cannot be a slug`);
  const db = getDb();
  return db.transaction((tx) => {
    const current = tx.select({ locale: articles.locale, slug: articles.slug }).from(articles).where(eq(articles.id, id)).get();
    if (!current) throw new Error(`renameArticle: no article ${id}`);
    if (current.slug === newSlug) return { oldSlug: current.slug, newSlug };
    const taken = tx
      .select({ id: articles.id })
      .from(articles)
      .where(and(eq(articles.locale, current.locale), eq(articles.slug, newSlug)))
      .get();
    if (taken) throw new SlugTakenError(`slug "${newSlug}" is already used in ${current.locale}`);
    // The new slug may be one this article (or another) had before: it is current now, so it leaves the history.
    tx.delete(articleSlugHistory)
      .where(and(eq(articleSlugHistory.locale, current.locale), eq(articleSlugHistory.slug, newSlug)))
      .run();
    tx.insert(articleSlugHistory)
      .values({ locale: current.locale, slug: current.slug, articleId: id, changedAt: now })
      .onConflictDoUpdate({ target: [articleSlugHistory.locale, articleSlugHistory.slug], set: { articleId: id, changedAt: now } })
      .run();
    tx.update(articles).set({ slug: newSlug, updatedAt: now }).where(eq(articles.id, id)).run();
    return { oldSlug: current.slug, newSlug };
  }, { behavior: 'immediate' });
}
