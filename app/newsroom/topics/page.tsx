import type { Metadata } from 'next';
import { z } from 'zod';
import { locales } from '@/i18n/routing';
import { listTopicsForAdmin, NAME_MAX, SLUG_MAX, TOPIC_QUERY_MAX } from '@/db/taxonomy-admin';
import { requireCan } from '@/lib/auth/current-user';
import { newsroomLocale } from '@/components/newsroom/locale';
import { newsroomAdminT } from '@/components/newsroom/adminT';
import { AdminForm } from '@/components/newsroom/AdminForm.client';
import { mergeTopic, saveTopic } from '../actions/taxonomy';

export async function generateMetadata(): Promise<Metadata> {
  const t = await newsroomAdminT();
  return { title: t('topics.title') };
}

const filters = z.object({
  q: z.string().max(TOPIC_QUERY_MAX).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});

export default async function TopicsPage({ searchParams }: PageProps<'/newsroom/topics'>) {
  await requireCan('taxonomy.manage');
  const [t, ui] = await Promise.all([newsroomAdminT(), newsroomLocale()]);
  const raw = await searchParams;
  const f = filters.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const { topics, total, page, pageCount } = listTopicsForAdmin(ui, { q: f.q, page: f.page });
  const nameOf = (topic: (typeof topics)[number]) => topic.translations[ui]?.name ?? topic.key;
  const pageHref = (n: number) => `/newsroom/topics?${new URLSearchParams({ ...(f.q ? { q: f.q } : {}), page: String(n) })}`;
  return (
    <>
      <h1>{t('topics.title')}</h1>
      <p>{t('topics.intro')}</p>
      <p>{t('topics.mergeNote')}</p>
      <form className="nr-filters" role="search" aria-label={t('topics.filter')}>
        <label htmlFor="topics-q">{t('topics.search')}</label>
        <input id="topics-q" name="q" type="search" defaultValue={f.q} maxLength={TOPIC_QUERY_MAX} />
        <button type="submit">{t('topics.apply')}</button>
      </form>
      <section aria-labelledby="topics-list">
        <h2 id="topics-list">{t('topics.listTitle', { count: total })}</h2>
        <table className="nr-table">
          <thead>
            <tr>
              <th scope="col">{t('topics.topic')}</th>
              <th scope="col">{t('topics.articles')}</th>
              <th scope="col">{t('topics.rename')}</th>
            </tr>
          </thead>
          <tbody>
            {topics.map((topic) => (
              <tr key={topic.id} data-testid={`topic-${topic.key}`}>
                <td>
                  {locales.map((l) => (
                    <span key={l} className="nr-block">
                      <span lang={l}>{topic.translations[l]?.name ?? '—'}</span> <code>{topic.translations[l]?.slug ?? ''}</code>
                    </span>
                  ))}
                </td>
                <td>{topic.articles}</td>
                <td>
                  <details>
                    <summary>{t('topics.renameOf', { name: nameOf(topic) })}</summary>
                    <AdminForm
                      action={saveTopic}
                      label={t('topics.renameOf', { name: nameOf(topic) })}
                      submitLabel={t('form.save')}
                      items={[
                        { name: 'id', label: '', type: 'hidden', defaultValue: String(topic.id) },
                        ...locales.map((l) => ({
                          legend: t(`locales.${l}`),
                          fields: [
                            { name: `${l}.name`, label: t('fields.name'), required: true, maxLength: NAME_MAX, defaultValue: topic.translations[l]?.name, lang: l },
                            { name: `${l}.slug`, label: t('fields.slug'), required: true, maxLength: SLUG_MAX, defaultValue: topic.translations[l]?.slug, pattern: '[a-z0-9]+(-[a-z0-9]+)*' },
                          ],
                        })),
                      ]}
                    />
                  </details>
                  <details>
                    <summary>{t('topics.mergeOf', { name: nameOf(topic) })}</summary>
                    <AdminForm
                      action={mergeTopic}
                      label={t('topics.mergeOf', { name: nameOf(topic) })}
                      submitLabel={t('topics.merge')}
                      items={[
                        { name: 'id', label: '', type: 'hidden', defaultValue: String(topic.id) },
                        { name: 'into', label: t('topics.mergeInto'), required: true, maxLength: SLUG_MAX },
                      ]}
                    />
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {pageCount > 1 ? (
        <nav aria-label={t('topics.pages')} className="nr-actions">
          {page > 1 ? <a href={pageHref(page - 1)}>{t('topics.previous')}</a> : null}
          <span>{t('topics.pageOf', { page, count: pageCount })}</span>
          {page < pageCount ? <a href={pageHref(page + 1)}>{t('topics.next')}</a> : null}
        </nav>
      ) : null}
    </>
  );
}
