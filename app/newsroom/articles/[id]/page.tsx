import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { locales } from '@/i18n/routing';
import { articleGenres } from '@/db/schema';
import { articleFormOptions, getEditableArticle } from '@/db/article-writes';
import { listVideos, photoChoices } from '@/db/media';
import { requireCan } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/policy';
import { newsroomT } from '@/components/newsroom/locale';
import { ArticleEditor } from '@/components/newsroom/ArticleEditor.client';
import { parseArticleId } from '@/components/newsroom/params';
import { WireNotice } from '@/components/newsroom/WireNotice';

/** Library videos for the video address field (newest first). */
const videoChoices = () => listVideos(200).map((v) => ({ url: v.url, label: v.originalName || `#${v.id}`, durationSeconds: v.durationSeconds }));

export async function generateMetadata({ params }: PageProps<'/newsroom/articles/[id]'>): Promise<Metadata> {
  const id = parseArticleId((await params).id);
  const article = id ? getEditableArticle(id) : null;
  return { title: article?.title || (await newsroomT())('editor.untitled') };
}

export default async function EditArticlePage({ params }: PageProps<'/newsroom/articles/[id]'>) {
  const id = parseArticleId((await params).id);
  const article = id ? getEditableArticle(id) : null;
  if (!article) notFound();
  const scope = { ownerId: article.owner?.id ?? null, status: article.status };
  const user = await requireCan('article.edit', scope);
  const t = await newsroomT();
  const present = new Set([article.locale, ...article.versions.map((v) => v.locale)]);
  return (
    <>
      <h1>{article.title || t('editor.untitled')}</h1>
      <p className="nr-meta">
        {t(`languages.${article.locale}`)}
        {article.owner ? ` · ${t('editor.owner', { name: article.owner.name })}` : null}
        {article.versions.map((v) => (
          <span key={v.id}>
            {' · '}
            <a href={`/newsroom/articles/${v.id}`} hrefLang={v.locale}>
              {t('editor.otherVersion', { language: t(`languages.${v.locale}`), status: t(`editor.statuses.${v.status}`) })}
            </a>
          </span>
        ))}
      </p>
      <WireNotice articleId={article.id} canReview={can(user, 'wire.review')} />
      <ArticleEditor
        key={article.id}
        article={{
          id: article.id,
          locale: article.locale,
          status: article.status,
          version: article.version,
          readerPath: article.readerPath,
          sourceUpdated: article.sourceUpdated,
          scheduledFor: article.status === 'scheduled' && article.publishedAt ? article.publishedAt.getTime() : null,
          missingLocales: can(user, 'article.translate', scope) ? locales.filter((l) => !present.has(l)) : [],
        }}
        server={article}
        options={{ ...articleFormOptions(article.locale), photos: photoChoices(article.locale), videos: videoChoices(), genres: articleGenres }}
        can={{
          submit: can(user, 'article.submit', scope),
          publish: can(user, 'article.publish', scope),
          unpublish: can(user, 'article.unpublish', scope),
          remove: can(user, 'article.delete', scope),
          correct: can(user, 'article.correct', scope),
        }}
      />
    </>
  );
}
