import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getEditableArticle } from '@/db/article-writes';
import { articleDetailById } from '@/db/articles';
import { requireCan } from '@/lib/auth/current-user';
import { newsroomT } from '@/components/newsroom/locale';
import { parseArticleId } from '@/components/newsroom/params';
import { ArticleView } from '@/components/ArticleView';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await newsroomT())('preview.title') };
}

/**
 * A draft or scheduled article as readers will see it: the readers' own article component, in the article's
 * language. Only behind a session (the newsroom's no-store, noindex headers apply), never cached.
 */
export default async function PreviewPage({ params }: PageProps<'/newsroom/articles/[id]/preview'>) {
  const id = parseArticleId((await params).id);
  const editable = id ? getEditableArticle(id) : null;
  const article = id ? articleDetailById(id) : null;
  if (!editable || !article) notFound();
  await requireCan('article.preview', { ownerId: editable.owner?.id ?? null, status: editable.status });
  const t = await newsroomT();
  return (
    <>
      <p className="nr-notice" role="note">
        {t('preview.banner', { status: t(`editor.statuses.${editable.status}`) })}{' '}
        <a href={`/newsroom/articles/${editable.id}`}>{t('preview.back')}</a>
      </p>
      <div lang={article.locale} className="nr-preview-article">
        <ArticleView article={article} />
      </div>
    </>
  );
}
