import type { NewsroomListItem } from '@/db/article-writes';
import { newsroomT } from './locale';
import { getFormatter } from 'next-intl/server';
import { newsroomLocale } from './locale';

/** Articles with their story's other language versions and states (each version links to its editor). */
export async function ArticleTable({ items, caption }: { items: NewsroomListItem[]; caption: string }) {
  const t = await newsroomT();
  const format = await getFormatter({ locale: await newsroomLocale() });
  return (
    <table className="nr-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('list.headline')}</th>
          <th scope="col">{t('list.status')}</th>
          <th scope="col">{t('list.versions')}</th>
          <th scope="col">{t('list.updated')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((a) => (
          <tr key={a.id}>
            <td>
              <a href={`/newsroom/articles/${a.id}`} lang={a.locale}>
                {a.title || t('editor.untitled')}
              </a>
              <br />
              <span className="nr-hint">
                {[a.section, a.owner?.name].filter(Boolean).join(' · ')}
              </span>
            </td>
            <td>
              <span className="nr-badge">{t(`editor.statuses.${a.status}`)}</span>
              {a.sourceUpdated ? (
                <>
                  {' '}
                  <span className="nr-badge">{t('list.sourceUpdated')}</span>
                </>
              ) : null}
            </td>
            <td>
              {a.versions.map((v) => (
                <span key={v.id} className="nr-version">
                  {v.id === a.id ? (
                    <strong>{v.locale.toUpperCase()}</strong>
                  ) : (
                    <a href={`/newsroom/articles/${v.id}`} aria-label={t('list.versionLabel', { language: t(`languages.${v.locale}`), status: t(`editor.statuses.${v.status}`) })}>
                      {v.locale.toUpperCase()}
                    </a>
                  )}{' '}
                </span>
              ))}
            </td>
            <td>{format.dateTime(a.updatedAt, { dateStyle: 'medium', timeStyle: 'short' })}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
