import type { Locale } from '@/i18n/routing';
import { listArticles, type ArticleCard } from './articles';
import { listCategories, type Category } from './taxonomy';

export const FRONT = { top: 7, perSection: 4, videos: 4 } as const;

export interface FrontPage {
  lead: ArticleCard | null;
  top: ArticleCard[];
  sections: { category: Category; articles: ArticleCard[] }[];
  videos: ArticleCard[];
}

/**
 * The front page of a language: the lead and top stories (newest articles), one block per section with its
 * latest articles not already on top, and a strip of the latest videos. One indexed query per block: the number
 * of queries depends on the number of sections, never on the amount of content.
 */
export function frontPage(locale: Locale, now = new Date()): FrontPage {
  const [lead, ...top] = listArticles(locale, { kind: 'article' }, FRONT.top, 0, now);
  const shown = [lead, ...top].flatMap((a) => (a ? [a.id] : []));
  const videos = listArticles(locale, { kind: 'video' }, FRONT.videos, 0, now);
  const sections = listCategories(locale)
    .filter((category) => category.key !== 'videos')
    .map((category) => ({
      category,
      articles: listArticles(locale, { categoryId: category.id, excludeIds: shown }, FRONT.perSection, 0, now),
    }))
    .filter((s) => s.articles.length > 0);
  return { lead: lead ?? null, top, sections, videos };
}
