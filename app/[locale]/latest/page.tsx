import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { isLocale } from '@/i18n/routing';
import { paths } from '@/i18n/paths';
import { pageOfArticles } from '@/db/articles';
import { Listing } from '@/components/Listing';
import { latestAlternates } from '@/components/alternates';
import { listingMetadata } from '@/components/listingMetadata';

export const revalidate = 300;

export async function generateMetadata({ params }: PageProps<'/[locale]/latest'>): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'listing' });
  return listingMetadata(locale, { path: paths.latest(locale), title: t('latest'), description: t('latestIntro'), alternates: latestAlternates(locale) });
}

export default async function LatestPage({ params }: PageProps<'/[locale]/latest'>) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const page = pageOfArticles(locale, {}, 1);
  if (!page) notFound();
  const t = await getTranslations({ locale, namespace: 'listing' });
  return (
    <Listing
      locale={locale}
      alternates={latestAlternates(locale)}
      title={t('latest')}
      intro={<p className="listing-description">{t('latestIntro')}</p>}
      page={page}
      href={(n) => paths.latest(locale, n)}
    />
  );
}
