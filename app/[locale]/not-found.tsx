import { getLocale, getTranslations } from 'next-intl/server';
import { defaultLocale, isLocale, locales } from '@/i18n/routing';
import { paths } from '@/i18n/paths';
import { PageShell } from '@/components/PageShell';
import type { Alternates } from '@/components/LanguageSwitcher';

export default async function LocalizedNotFound() {
  const requested = await getLocale();
  const locale = isLocale(requested) ? requested : defaultLocale;
  const t = await getTranslations({ locale, namespace: 'notFound' });
  const alternates: Alternates = Object.fromEntries(locales.filter((l) => l !== locale).map((l) => [l, { href: paths.home(l) }]));
  return (
    <PageShell locale={locale} alternates={alternates} className="not-found">
      <h1>{t('title')}</h1>
      <p>{t('body')}</p>
      <p>
        <a href={paths.home(locale)}>{t('home')}</a>
      </p>
    </PageShell>
  );
}
