import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { articleFormOptions } from '@/db/article-writes';
import { articleGenres } from '@/db/schema';
import { listAgencies, listFeeds, type FeedView } from '@/db/wire';
import { locales } from '@/i18n/routing';
import { requireCan } from '@/lib/auth/current-user';
import { newsroomLocale } from '@/components/newsroom/locale';
import { LANGUAGE_NAMES } from '@/components/newsroom/languages';
import { AdminForm, type FieldSpec } from '@/components/newsroom/AdminForm.client';
import { feedCredentialsAction, pollNowAction, rotatePushTokenAction, saveFeedAction } from '../../actions/wire';

async function wireT() {
  return getTranslations({ locale: await newsroomLocale(), namespace: 'newsroomWire' });
}

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await wireT())('feeds.title') };
}

/** Feeds (administrators): settings, status (last success, last error, next poll), credentials (write-only), push token. */
export default async function WireFeedsPage() {
  await requireCan('wire.feeds');
  const ui = await newsroomLocale();
  const [t, tn, format] = await Promise.all([wireT(), getTranslations({ locale: ui, namespace: 'newsroom' }), getFormatter({ locale: ui })]);
  const feeds = listFeeds();
  const agencies = listAgencies(ui);
  const sections = articleFormOptions(ui).categories;
  const when = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Africa/Douala' });
  const sectionOptions = [{ value: 'none', label: t('feeds.none') }, ...sections.map((s) => ({ value: String(s.id), label: s.name }))];
  const fields = (f?: FeedView): FieldSpec[] => [
    { name: 'id', label: '', type: 'hidden', defaultValue: f ? String(f.id) : 'new' },
    { name: 'name', label: t('feeds.name'), required: true, maxLength: 80, defaultValue: f?.name },
    { name: 'agencyId', label: t('feeds.agency'), type: 'select', defaultValue: f ? String(f.agencyId) : undefined, options: agencies.map((a) => ({ value: String(a.id), label: a.name })) },
    { name: 'url', label: t('feeds.url'), type: 'url', maxLength: 1000, defaultValue: f?.url, hint: t('feeds.urlHint') },
    { name: 'format', label: t('feeds.format'), type: 'select', defaultValue: f?.format ?? 'rss', options: [{ value: 'rss', label: 'RSS 2.0' }, { value: 'atom', label: 'Atom' }, { value: 'ninjs', label: 'IPTC ninjs' }] },
    { name: 'pollIntervalSeconds', label: t('feeds.interval'), inputMode: 'decimal', required: true, maxLength: 5, defaultValue: String(f?.pollIntervalSeconds ?? 300), pattern: '[0-9]+' },
    { name: 'language', label: t('feeds.language'), type: 'select', defaultValue: f?.language ?? ui, options: locales.map((l) => ({ value: l, label: LANGUAGE_NAMES[l], lang: l })) },
    { name: 'defaultCategoryId', label: t('feeds.defaultSection'), type: 'select', defaultValue: f?.defaultCategoryId ? String(f.defaultCategoryId) : 'none', options: sectionOptions },
    { name: 'autoPublishCategoryId', label: t('feeds.autoSection'), type: 'select', defaultValue: f?.autoPublishCategoryId ? String(f.autoPublishCategoryId) : 'none', options: sectionOptions, hint: t('feeds.autoHint') },
    {
      name: 'autoPublishGenre',
      label: t('feeds.autoGenre'),
      type: 'select',
      defaultValue: f?.autoPublishGenre ?? 'none',
      options: [{ value: 'none', label: t('feeds.none') }, ...articleGenres.map((g) => ({ value: g, label: tn(`editor.genres.${g}`) }))],
    },
    { name: 'enabled', label: t('feeds.enabled'), type: 'select', defaultValue: f && !f.enabled ? '0' : '1', options: [{ value: '1', label: t('feeds.on') }, { value: '0', label: t('feeds.off') }] },
  ];
  return (
    <>
      <h1>{t('feeds.title')}</h1>
      <p>{t('feeds.intro')}</p>
      <ul className="nr-list">
        {feeds.map((f) => (
          <li key={f.id} className="nr-item" data-testid="wire-feed">
            <h2>
              {f.name} {f.enabled ? null : <span className="nr-badge">{t('feeds.disabled')}</span>}
            </h2>
            <p className="nr-meta">
              {f.format} · {tn(`languages.${f.language}`)} · {t('feeds.items', { count: f.itemCount })} · {f.hasCredentials ? t('feeds.hasCredentials') : t('feeds.noCredentials')}
              {f.hasPushToken ? ` · ${t('feeds.hasPushToken')}` : null}
            </p>
            <div data-testid="wire-feed-status">
              {f.lastSuccessAt ? <p>{t('feeds.lastSuccess', { date: when(f.lastSuccessAt) })}</p> : null}
              {f.lastError && f.lastErrorAt && (!f.lastSuccessAt || f.lastErrorAt > f.lastSuccessAt) ? (
                <p role="alert">
                  {t('feeds.lastError', { date: when(f.lastErrorAt), message: f.lastError })} {f.failures ? `(${t('feeds.failures', { count: f.failures })})` : null}
                </p>
              ) : null}
              {!f.lastSuccessAt && !f.lastErrorAt ? <p>{t('feeds.noPollYet')}</p> : null}
              {f.url && f.enabled && f.nextPollAt ? <p>{t('feeds.nextPoll', { date: when(f.nextPollAt) })}</p> : null}
            </div>
            {f.url ? (
              <AdminForm action={pollNowAction} compact label={t('feeds.pollNowLabel', { name: f.name })} submitLabel={t('feeds.pollNow')} items={[{ name: 'id', label: '', type: 'hidden', defaultValue: String(f.id) }]} />
            ) : null}
            <details>
              <summary>{t('feeds.editOf', { name: f.name })}</summary>
              <AdminForm action={saveFeedAction} label={t('feeds.editOf', { name: f.name })} submitLabel={t('feeds.save')} primary items={fields(f)} />
            </details>
            <details>
              <summary>{t('feeds.credentialsTitle', { name: f.name })}</summary>
              <AdminForm
                action={feedCredentialsAction}
                label={t('feeds.credentialsTitle', { name: f.name })}
                submitLabel={t('feeds.credentialsSave')}
                items={[
                  { name: 'id', label: '', type: 'hidden', defaultValue: String(f.id) },
                  {
                    name: 'kind',
                    label: t('feeds.credentialsKind'),
                    type: 'select',
                    defaultValue: 'basic',
                    options: [
                      { value: 'basic', label: t('feeds.basic') },
                      { value: 'bearer', label: t('feeds.bearer') },
                      { value: 'remove', label: t('feeds.remove') },
                    ],
                  },
                  { name: 'username', label: t('feeds.username'), maxLength: 200, autoComplete: 'off' },
                  { name: 'secret', label: t('feeds.secret'), type: 'password', maxLength: 2000, autoComplete: 'new-password' },
                ]}
              />
            </details>
            <details>
              <summary>{t('feeds.pushTitle')}</summary>
              <p>{t('feeds.pushHint')}</p>
              <AdminForm action={rotatePushTokenAction} compact label={t('feeds.pushRotate')} submitLabel={t('feeds.pushRotate')} items={[{ name: 'id', label: '', type: 'hidden', defaultValue: String(f.id) }]} />
            </details>
          </li>
        ))}
      </ul>
      <section aria-labelledby="feed-create" className="nr-narrow">
        <h2 id="feed-create">{t('feeds.createTitle')}</h2>
        <AdminForm action={saveFeedAction} submitLabel={t('feeds.create')} primary items={fields()} />
      </section>
    </>
  );
}
