import type { Metadata } from 'next';
import { locales } from '@/i18n/routing';
import { listTopicsForAdmin, NAME_MAX, SLUG_MAX } from '@/db/taxonomy-admin';
import { requireCan } from '@/lib/auth/current-user';
import { newsroomLocale } from '@/components/newsroom/locale';
import { newsroomAdminT } from '@/components/newsroom/adminT';
import { AdminForm } from '@/components/newsroom/AdminForm.client';
import { mergeTopic, saveTopic } from '../actions/taxonomy';

export async function generateMetadata(): Promise<Metadata> {
  const t = await newsroomAdminT();
  return { title: t('topics.title') };
}

export default async function TopicsPage() {
  await requireCan('taxonomy.manage');
  const [t, ui] = await Promise.all([newsroomAdminT(), newsroomLocale()]);
  const topics = listTopicsForAdmin(ui);
  const nameOf = (topic: (typeof topics)[number]) => topic.translations[ui]?.name ?? topic.key;
  const options = topics.map((topic) => ({ value: String(topic.id), label: t('topics.option', { name: nameOf(topic), count: topic.articles }) }));
  return (
    <>
      <h1>{t('topics.title')}</h1>
      <p>{t('topics.intro')}</p>
      {topics.length > 1 ? (
        <section aria-labelledby="topics-merge" className="nr-narrow">
          <h2 id="topics-merge">{t('topics.mergeTitle')}</h2>
          <p>{t('topics.mergeNote')}</p>
          <AdminForm
            action={mergeTopic}
            submitLabel={t('topics.merge')}
            items={[
              { name: 'id', label: t('topics.mergeFrom'), type: 'select', options, defaultValue: options[0]?.value },
              { name: 'into', label: t('topics.mergeInto'), type: 'select', options, defaultValue: options[1]?.value },
            ]}
          />
        </section>
      ) : null}
      <section aria-labelledby="topics-list">
        <h2 id="topics-list">{t('topics.listTitle', { count: topics.length })}</h2>
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
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
