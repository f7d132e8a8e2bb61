import type { Metadata } from 'next';
import { locales } from '@/i18n/routing';
import { CITY_MAX, getSiteSettings, SITE_NAME_MAX, socialNetworks, TAGLINE_MAX, URL_MAX } from '@/db/settings';
import { requireCan } from '@/lib/auth/current-user';
import { newsroomAdminT } from '@/components/newsroom/adminT';
import { AdminForm } from '@/components/newsroom/AdminForm.client';
import { saveSettings } from '../actions/settings';

export async function generateMetadata(): Promise<Metadata> {
  const t = await newsroomAdminT();
  return { title: t('settings.title') };
}

export default async function SettingsPage() {
  await requireCan('settings.manage');
  const t = await newsroomAdminT();
  // Read fresh (the memo is at most a few seconds old in this process, and refreshed by every save).
  const s = getSiteSettings();
  return (
    <div className="nr-narrow">
      <h1>{t('settings.title')}</h1>
      <p>{t('settings.intro')}</p>
      <AdminForm
        action={saveSettings}
        submitLabel={t('form.save')}
        primary
        items={[
          {
            legend: t('settings.identity'),
            fields: [
              { name: 'siteName', label: t('settings.siteName'), required: true, maxLength: SITE_NAME_MAX, defaultValue: s.siteName },
              ...locales.map((l) => ({ name: `tagline.${l}`, label: t('settings.tagline', { language: t(`locales.${l}`) }), maxLength: TAGLINE_MAX, defaultValue: s.tagline[l], lang: l })),
            ],
          },
          {
            legend: t('settings.weather'),
            fields: [
              { name: 'city', label: t('settings.city'), required: true, maxLength: CITY_MAX, defaultValue: s.city },
              { name: 'latitude', label: t('settings.latitude'), required: true, inputMode: 'decimal', maxLength: 20, defaultValue: String(s.latitude), hint: t('settings.latitudeHint') },
              { name: 'longitude', label: t('settings.longitude'), required: true, inputMode: 'decimal', maxLength: 20, defaultValue: String(s.longitude), hint: t('settings.longitudeHint') },
            ],
          },
          {
            legend: t('settings.social'),
            fields: socialNetworks.map((n) => ({
              name: `social.${n}`,
              label: t(`settings.networks.${n}`),
              type: 'url' as const,
              maxLength: URL_MAX,
              defaultValue: s.social[n] ?? '',
              hint: n === 'facebook' ? t('settings.socialHint') : undefined,
            })),
          },
        ]}
      />
    </div>
  );
}
