import type { Metadata } from 'next';
import { locales, type Locale } from '@/i18n/routing';
import { BIO_MAX, listAuthorsForAdmin, NAME_MAX, SLUG_MAX, URL_MAX, type AdminAuthor } from '@/db/taxonomy-admin';
import { requireCan } from '@/lib/auth/current-user';
import { newsroomLocale } from '@/components/newsroom/locale';
import { newsroomAdminT } from '@/components/newsroom/adminT';
import { AdminForm, type FieldSpec, type GroupSpec } from '@/components/newsroom/AdminForm.client';
import { saveAuthor } from '../actions/taxonomy';

export async function generateMetadata(): Promise<Metadata> {
  const t = await newsroomAdminT();
  return { title: t('authors.title') };
}

export default async function AuthorsPage() {
  await requireCan('taxonomy.manage');
  const [t, ui] = await Promise.all([newsroomAdminT(), newsroomLocale()]);
  const list = listAuthorsForAdmin(ui);
  const items = (a?: AdminAuthor): (FieldSpec | GroupSpec)[] => [
    { name: 'id', label: '', type: 'hidden', defaultValue: a ? String(a.id) : 'new' },
    {
      name: 'kind',
      label: t('authors.kind'),
      type: 'select',
      defaultValue: a?.kind ?? 'person',
      options: [
        { value: 'person', label: t('authors.person') },
        { value: 'agency', label: t('authors.agency') },
      ],
    },
    { name: 'url', label: t('authors.url'), type: 'url', maxLength: URL_MAX, defaultValue: a?.url ?? '', hint: t('authors.urlHint') },
    ...locales.map((l: Locale) => ({
      legend: t(`locales.${l}`),
      fields: [
        { name: `${l}.name`, label: t('fields.name'), required: true, maxLength: NAME_MAX, defaultValue: a?.translations[l]?.name, lang: l },
        { name: `${l}.slug`, label: t('fields.slug'), required: true, maxLength: SLUG_MAX, defaultValue: a?.translations[l]?.slug, hint: t('fields.slugHint'), pattern: '[a-z0-9]+(-[a-z0-9]+)*' },
        { name: `${l}.bio`, label: t('authors.bio'), type: 'textarea' as const, maxLength: BIO_MAX, defaultValue: a?.translations[l]?.bio, lang: l },
      ],
    })),
  ];
  return (
    <>
      <h1>{t('authors.title')}</h1>
      <p>{t('authors.intro')}</p>
      <ul className="nr-list">
        {list.map((a) => {
          const name = a.translations[ui]?.name ?? a.key;
          return (
            <li key={a.id} className="nr-item" data-testid={`author-${a.key}`}>
              <h2>
                {name} <span className="nr-badge">{a.kind === 'agency' ? t('authors.agency') : t('authors.person')}</span>
              </h2>
              <p>{t('authors.summary', { count: a.articles })}</p>
              <details>
                <summary>{t('authors.editOf', { name })}</summary>
                <AdminForm action={saveAuthor} label={t('authors.editOf', { name })} submitLabel={t('form.save')} primary items={items(a)} />
              </details>
            </li>
          );
        })}
      </ul>
      <section aria-labelledby="author-create" className="nr-narrow">
        <h2 id="author-create">{t('authors.createTitle')}</h2>
        <AdminForm action={saveAuthor} submitLabel={t('authors.create')} primary items={items()} />
      </section>
    </>
  );
}
