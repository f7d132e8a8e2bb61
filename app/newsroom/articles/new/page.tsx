import type { Metadata } from 'next';
import { isLocale } from '@/i18n/routing';
import { articleFormOptions } from '@/db/article-writes';
import { requireCan } from '@/lib/auth/current-user';
import { newsroomT } from '@/components/newsroom/locale';
import { NewArticleForm } from '@/components/newsroom/NewArticleForm.client';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await newsroomT())('newArticle.title') };
}

/** A new draft: language, headline, section, byline; the full editor opens once it exists (autosave needs it). */
export default async function NewArticlePage({ searchParams }: PageProps<'/newsroom/articles/new'>) {
  const user = await requireCan('article.create');
  const t = await newsroomT();
  const requested = (await searchParams).locale;
  const locale = isLocale(requested) ? requested : isLocale(user.locale) ? user.locale : 'fr';
  const { categories, authors } = articleFormOptions(locale);
  return (
    <div className="nr-narrow">
      <h1>{t('newArticle.title')}</h1>
      <NewArticleForm locale={locale} categories={categories} authors={authors} defaultAuthorId={user.authorId ?? authors.find((a) => a.kind === 'person')?.id ?? authors[0]?.id} />
    </div>
  );
}
