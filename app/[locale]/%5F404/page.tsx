import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { isLocale } from '@/i18n/routing';
import { LocalizedNotFound } from '@/components/NotFound';

/**
 * `/fr/_404`, `/en/_404`: the localized 404 as a real server-rendered page. Next 16 sends the 404 of `notFound()`
 * as an empty `<html id="__next_error__">` shell whose content exists only in the RSC payload; the response hook (lib/server/not-found-document.ts) sends this page's
 * lite HTML in its place, with the 404 status. Asked for directly, it answers 404 too. (`%5F`: a folder named
 * `_404` would be private; no section or article slug can start with `_`.)
 * Rendered on each request, like the `notFound()` answer it stands for: its header shows the weather as this
 * instance sees it now (none while the service is down), not as the build saw it. The hook fetches it at most
 * once a minute per locale, so that costs one render a minute.
 */
export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: PageProps<'/[locale]/_404'>): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'notFound' });
  return { title: t('title'), robots: { index: false } };
}

export default async function NotFoundDocument({ params }: PageProps<'/[locale]/_404'>) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  return <LocalizedNotFound locale={locale} />;
}
