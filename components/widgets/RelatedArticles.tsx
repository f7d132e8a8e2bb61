import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import { relatedArticles, type RelatedSource } from '@/db/widgets';
import { ArticleList } from '../ArticleList';

/** What to read next under an article: same language, shared topics first, then the same section. */
export async function RelatedArticles({ article, limit = 4 }: { article: RelatedSource; limit?: number }) {
  const t = await getTranslations({ locale: article.locale as Locale, namespace: 'widgets' });
  const items = relatedArticles(article, limit);
  if (!items.length) return null;
  return (
    <section className="widget widget-related" aria-labelledby="widget-related-heading" data-testid="widget-related">
      <h2 id="widget-related-heading">{t('related')}</h2>
      <ArticleList articles={items} headingLevel={3} />
    </section>
  );
}
