import type { Metadata } from 'next';
import { locales, type Locale } from '@/i18n/routing';
import { listSectionsForAdmin, DESCRIPTION_MAX, NAME_MAX, SLUG_MAX } from '@/db/taxonomy-admin';
import { requireCan } from '@/lib/auth/current-user';
import { newsroomLocale } from '@/components/newsroom/locale';
import { newsroomAdminT } from '@/components/newsroom/adminT';
import { AdminForm, type GroupSpec } from '@/components/newsroom/AdminForm.client';
import { moveSectionAction, saveSection } from '../actions/taxonomy';

export async function generateMetadata(): Promise<Metadata> {
  const t = await newsroomAdminT();
  return { title: t('sections.title') };
}

export default async function SectionsPage() {
  await requireCan('taxonomy.manage');
  const [t, ui] = await Promise.all([newsroomAdminT(), newsroomLocale()]);
  const sections = listSectionsForAdmin();
  const groups = (values?: Partial<Record<Locale, { name: string; slug: string; description: string }>>): GroupSpec[] =>
    locales.map((l) => ({
      legend: t(`locales.${l}`),
      fields: [
        { name: `${l}.name`, label: t('fields.name'), required: true, maxLength: NAME_MAX, defaultValue: values?.[l]?.name, lang: l },
        { name: `${l}.slug`, label: t('fields.slug'), required: true, maxLength: SLUG_MAX, defaultValue: values?.[l]?.slug, hint: t('fields.slugHint'), pattern: '[a-z0-9]+(-[a-z0-9]+)*' },
        { name: `${l}.description`, label: t('fields.description'), type: 'textarea', maxLength: DESCRIPTION_MAX, defaultValue: values?.[l]?.description, lang: l },
      ],
    }));
  return (
    <>
      <h1>{t('sections.title')}</h1>
      <p>{t('sections.intro')}</p>
      <p className="nr-notice">{t('sections.slugNote')}</p>
      <ol className="nr-list">
        {sections.map((s, i) => {
          const name = s.translations[ui]?.name ?? s.key;
          return (
            <li key={s.id} className="nr-item" data-testid={`section-${s.key}`}>
              <h2>{name}</h2>
              <p>{t('sections.summary', { count: s.articles, slugs: locales.map((l) => `/${l}/${s.translations[l]?.slug ?? '—'}`).join(' · ') })}</p>
              <div className="nr-actions">
                {i > 0 ? (
                  <AdminForm
                    compact
                    action={moveSectionAction}
                    label={t('sections.moveUpOf', { name })}
                    submitLabel={t('sections.moveUp')}
                    items={[
                      { name: 'id', label: '', type: 'hidden', defaultValue: String(s.id) },
                      { name: 'direction', label: '', type: 'hidden', defaultValue: 'up' },
                    ]}
                  />
                ) : null}
                {i < sections.length - 1 ? (
                  <AdminForm
                    compact
                    action={moveSectionAction}
                    label={t('sections.moveDownOf', { name })}
                    submitLabel={t('sections.moveDown')}
                    items={[
                      { name: 'id', label: '', type: 'hidden', defaultValue: String(s.id) },
                      { name: 'direction', label: '', type: 'hidden', defaultValue: 'down' },
                    ]}
                  />
                ) : null}
              </div>
              <details>
                <summary>{t('sections.editOf', { name })}</summary>
                <AdminForm
                  action={saveSection}
                  label={t('sections.editOf', { name })}
                  submitLabel={t('form.save')}
                  primary
                  items={[{ name: 'id', label: '', type: 'hidden', defaultValue: String(s.id) }, ...groups(s.translations)]}
                />
              </details>
            </li>
          );
        })}
      </ol>
      <section aria-labelledby="section-create" className="nr-narrow">
        <h2 id="section-create">{t('sections.createTitle')}</h2>
        <AdminForm action={saveSection} submitLabel={t('sections.create')} primary items={[{ name: 'id', label: '', type: 'hidden', defaultValue: 'new' }, ...groups()]} />
      </section>
    </>
  );
}
