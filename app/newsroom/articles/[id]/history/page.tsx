import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getFormatter } from 'next-intl/server';
import { z } from 'zod';
import { getEditableArticle, getRevision, listRevisions } from '@/db/article-writes';
import { requireCan } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/policy';
import { newsroomLocale, newsroomT } from '@/components/newsroom/locale';
import { parseArticleId } from '@/components/newsroom/params';
import { RevisionDiff } from '@/components/newsroom/RevisionDiff';
import { RestoreButton } from '@/components/newsroom/RestoreButton.client';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await newsroomT())('history.title') };
}

const revParam = z.coerce.number().int().positive().max(2 ** 31).optional().catch(undefined);

/** Every save of the article (who, when, why); one revision compared with the current text; one-click restore. */
export default async function HistoryPage({ params, searchParams }: PageProps<'/newsroom/articles/[id]/history'>) {
  const id = parseArticleId((await params).id);
  const article = id ? getEditableArticle(id) : null;
  if (!article) notFound();
  const scope = { ownerId: article.owner?.id ?? null, status: article.status };
  const user = await requireCan('article.edit', scope);
  const t = await newsroomT();
  const format = await getFormatter({ locale: await newsroomLocale() });
  const revisions = listRevisions(article.id);
  const selectedId = revParam.parse((await searchParams).rev);
  const selected = selectedId ? getRevision(selectedId) : null;
  if (selected && selected.articleId !== article.id) notFound();
  return (
    <>
      <h1>{t('history.title')}</h1>
      <p>
        <a href={`/newsroom/articles/${article.id}`}>{t('history.back', { title: article.title })}</a>
      </p>
      {selected ? (
        <section aria-labelledby="diff-title" className="nr-revision">
          <h2 id="diff-title">
            {t('history.compare', { when: format.dateTime(selected.createdAt, { dateStyle: 'medium', timeStyle: 'medium' }) })}
          </h2>
          <p className="nr-hint">{t('history.legend')}</p>
          <RevisionDiff label={t('editor.fields.title')} from={selected.title} to={article.title} />
          <RevisionDiff label={t('editor.fields.standfirst')} from={selected.standfirst} to={article.standfirst} />
          <RevisionDiff label={t('editor.fields.body')} from={selected.body} to={article.body} />
          {can(user, 'article.restore', scope) ? <RestoreButton articleId={article.id} revisionId={selected.id} baseVersion={article.version} /> : null}
        </section>
      ) : null}
      <table className="nr-table">
        <caption>{t('history.caption', { count: revisions.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('history.when')}</th>
            <th scope="col">{t('history.who')}</th>
            <th scope="col">{t('history.what')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('history.compareColumn')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {revisions.map((r) => (
            <tr key={r.id} aria-current={r.id === selected?.id ? 'true' : undefined}>
              <td>{format.dateTime(r.createdAt, { dateStyle: 'medium', timeStyle: 'medium' })}</td>
              <td>{r.by ?? t('history.unknown')}</td>
              <td>{t(`history.reasons.${r.reason}`)}</td>
              <td>
                <a href={`/newsroom/articles/${article.id}/history?rev=${r.id}`}>{t('history.compareLink', { version: r.version })}</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
