'use server';
/**
 * Site identity (administrators): name, taglines, weather city and coordinates, social links. Checked on the
 * server first (403, nothing changed); validated field by field; stored with its audit line in one transaction
 * (db/settings.ts, which also refreshes its in-process memo); then every reader page is marked stale, since the
 * masthead, the header strip, the footer, metadata, JSON-LD and feeds all show it.
 */
import { locales } from '@/i18n/routing';
import { CITY_MAX, saveSiteSettings, SettingsValidationError, SITE_NAME_MAX, socialNetworks, TAGLINE_MAX, URL_MAX } from '@/db/settings';
import { actorOf, requireCan } from '@/lib/auth/current-user';
import { adminT, fieldMessages, formText, refreshReaderPages, typedValues, type AdminFormState } from './support';

const FIELDS = ['siteName', ...locales.map((l) => `tagline.${l}`), 'city', 'latitude', 'longitude', ...socialNetworks.map((n) => `social.${n}`)];

export async function saveSettings(_: AdminFormState, form: FormData): Promise<AdminFormState> {
  const user = await requireCan('settings.manage');
  const t = await adminT(user);
  const input = {
    siteName: formText(form, 'siteName', SITE_NAME_MAX * 4),
    tagline: Object.fromEntries(locales.map((l) => [l, formText(form, `tagline.${l}`, TAGLINE_MAX * 4)])) as Record<(typeof locales)[number], string>,
    city: formText(form, 'city', CITY_MAX * 4),
    latitude: formText(form, 'latitude', 40),
    longitude: formText(form, 'longitude', 40),
    social: Object.fromEntries(socialNetworks.map((n) => [n, formText(form, `social.${n}`, URL_MAX)])) as Record<(typeof socialNetworks)[number], string>,
  };
  try {
    const { changed } = saveSiteSettings(input, actorOf(user));
    if (!changed.length) return { ok: t('settings.unchanged') };
  } catch (error) {
    if (error instanceof SettingsValidationError) return { fields: fieldMessages(t, error.fields), values: typedValues(form, FIELDS, 1000), error: t('form.fixErrors') };
    throw error;
  }
  refreshReaderPages();
  return { ok: t('settings.saved') };
}
