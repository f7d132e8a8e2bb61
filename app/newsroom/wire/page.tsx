import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { articleFormOptions } from '@/db/article-writes';
import { getWireItem, listAgencies, listWireQueue, WIRE_QUEUE_PAGE_SIZE } from '@/db/wire';
import { isLocale, locales } from '@/i18n/routing';
import { requireCan } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/policy';
import { newsroomLocale } from '@/components/newsroom/locale';
import { LANGUAGE_NAMES } from '@/components/newsroom/languages';
import { AdminForm } from '@/components/newsroom/AdminForm.client';
import { takeAction, translateTakenAction } from '../actions/wire';

async function wireT() {
  return getTranslations({ locale: await newsroomLocale(), namespace: 'newsroomWire' });
}

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await wireT())('title') };
}

const id = z.coerce.number().int().positive().max(1e12).optional().catch(undefined);
const filters = z.object({
  agency: id,
  section: id,
  language: z.enum(locales).optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});

/** The wire queue: agency items newest first, filters, versions and statuses, Take and Translate. */
export default async function WireQueuePage({ searchParams }: PageProps<'/newsroom/wire'>) {
  const user = await requireCan('wire.queue');
  const ui = await newsroomLocale();
  const [t, tn, format] = await Promise.all([wireT(), getTranslations({ locale: ui, namespace: 'newsroom' }), getFormatter({ locale: ui })]);
  const languageName = (l: string) => (isLocale(l) ? tn(`languages.${l}`) : l);
  const raw = await searchParams;
  const f = filters.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const { items, total } = listWireQueue({ agencyId: f.agency, categoryId: f.section, language: f.language, q: f.q || undefined, page: f.page }, ui);
  const agencies = listAgencies(ui);
  const sections = articleFormOptions(ui).categories;
  const pages = Math.max(1, Math.ceil(total / WIRE_QUEUE_PAGE_SIZE));
  const page = Math.min(f.page ?? 1, pages);
  const when = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Africa/Douala' });
  const query = (p: number) => {
    const q = new URLSearchParams();
    if (f.agency) q.set('agency', String(f.agency));
    if (f.section) q.set('section', String(f.section));
    if (f.language) q.set('language', f.language);
    if (f.q) q.set('q', f.q);
    q.set('page', String(p));
    return `/newsroom/wire?${q}`;
  };
  const mayTake = can(user, 'wire.take');
  return (
    <>
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <form className="nr-filters" role="search" aria-label={t('filters')}>
        <label htmlFor="wire-agency">{t('agency')}</label>
        <select id="wire-agency" name="agency" defaultValue={f.agency ? String(f.agency) : ''}>
          <option value="">{t('any')}</option>
          {agencies.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
        <label htmlFor="wire-language">{t('language')}</label>
        <select id="wire-language" name="language" defaultValue={f.language ?? ''}>
          <option value="">{t('any')}</option>
          {locales.map((l) => (
            <option key={l} value={l} lang={l}>
              {LANGUAGE_NAMES[l]}
            </option>
          ))}
        </select>
        <label htmlFor="wire-section">{t('section')}</label>
        <select id="wire-section" name="section" defaultValue={f.section ? String(f.section) : ''}>
          <option value="">{t('any')}</option>
          {sections.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
        <label htmlFor="wire-q">{t('text')}</label>
        <input id="wire-q" name="q" type="search" defaultValue={f.q} maxLength={200} />
        <button type="submit">{t('apply')}</button>
      </form>
      <p role="status">{t('results', { count: total })}</p>
      {items.length === 0 ? <p>{t('empty')}</p> : null}
      <ul className="nr-list" data-testid="wire-queue">
        {items.map((item) => {
          const versions = item.version > 1 ? (getWireItem(item.id)?.versions ?? []) : [];
          const takenLocales = new Set(item.takes.map((x) => x.locale));
          const firstTake = item.takes[0];
          return (
            <li key={item.id} className="nr-item" data-testid="wire-item">
              <h2 lang={item.language}>{item.headline}</h2>
              <p className="nr-meta">
                {item.agencyName} · {languageName(item.language)} ·{' '}
                <span className="nr-badge">{t(`statuses.${item.status}`)}</span> · {t('version', { version: item.version })} ·{' '}
                <time dateTime={item.updatedAt.toISOString()}>{t('received', { date: when(item.updatedAt) })}</time>
                {item.feedName ? ` · ${t('feed', { name: item.feedName })}` : null}
                {item.correction ? (
                  <>
                    {' '}
                    <span className="nr-badge">{t('correction')}</span>
                  </>
                ) : null}
              </p>
              {item.embargoUntil && item.embargoUntil > new Date() ? (
                <p>
                  <strong>
                    <time dateTime={item.embargoUntil.toISOString()}>{t('embargo', { date: when(item.embargoUntil) })}</time>
                  </strong>
                </p>
              ) : null}
              {item.expiresAt ? (
                <p>
                  <time dateTime={item.expiresAt.toISOString()}>{t('expires', { date: when(item.expiresAt) })}</time>
                </p>
              ) : null}
              {item.standfirst ? <p lang={item.language}>{item.standfirst}</p> : null}
              {item.edNote ? (
                <p>
                  <strong>{t('edNote')}</strong> <span lang={item.language}>{item.edNote}</span>
                </p>
              ) : null}
              {versions.length ? (
                <details>
                  <summary>{t('versions', { count: versions.length })}</summary>
                  <ul>
                    {versions.map((v) => (
                      <li key={v.id}>
                        {t('versionLine', { version: v.version, status: t(`statuses.${v.status}`), date: when(v.receivedAt), headline: v.headline })}
                      </li>
                    ))}
                  </ul>
                </details>
              ) : null}
              <div className="nr-actions">
                {item.takes.map((x) => (
                  <a key={x.articleId} href={`/newsroom/articles/${x.articleId}`}>
                    {t('openTaken', { language: languageName(x.locale) })}
                  </a>
                ))}
                {mayTake && item.status === 'usable' && !takenLocales.has(item.language) ? (
                  <AdminForm
                    action={takeAction}
                    compact
                    primary
                    label={t('takeLabel', { headline: item.headline })}
                    submitLabel={t('take')}
                    items={[{ name: 'id', label: '', type: 'hidden', defaultValue: String(item.id) }]}
                  />
                ) : null}
                {firstTake && item.status === 'usable'
                  ? locales
                      .filter((l) => !takenLocales.has(l))
                      .map((l) => (
                        <AdminForm
                          key={l}
                          action={translateTakenAction}
                          compact
                          label={t('translateLabel', { headline: item.headline, language: languageName(l) })}
                          submitLabel={t('translate', { language: languageName(l) })}
                          items={[
                            { name: 'article', label: '', type: 'hidden', defaultValue: String(firstTake.articleId) },
                            { name: 'locale', label: '', type: 'hidden', defaultValue: l },
                          ]}
                        />
                      ))
                  : null}
              </div>
            </li>
          );
        })}
      </ul>
      {pages > 1 ? (
        <nav aria-label={t('pageOf', { page, pages })} className="nr-actions">
          {page > 1 ? <a href={query(page - 1)}>{t('previous')}</a> : null}
          <span>{t('pageOf', { page, pages })}</span>
          {page < pages ? <a href={query(page + 1)}>{t('next')}</a> : null}
        </nav>
      ) : null}
    </>
  );
}
