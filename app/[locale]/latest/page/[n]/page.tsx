import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { isLocale } from '@/i18n/routing';
import { paths } from '@/i18n/paths';
import { pageOfArticles } from '@/db/articles';
import { parsePageParam } from '@/lib/params';
import { Listing } from '@/components/Listing';
import { latestAlternates } from '@/components/alternates';
import { listingMetadata } from '@/components/listingMetadata';

export const revalidate = 300;
export const dynamicParams = true;

export function generateStaticParams() {
  return [];
}

function resolve(locale: string, n: string) {
  const page = parsePageParam(n);
  return isLocale(locale) && page !== null ? { locale, page } : null;
}

export async function generateMetadata({ params }: PageProps<'/[locale]/latest/page/[n]'>): Promise<Metadata> {
  const { locale, n } = await params;
  const found = resolve(locale, n);
  if (!found) return {};
  const t = await getTranslations({ locale: found.locale, namespace: 'listing' });
  return listingMetadata(found.locale, {
    path: paths.latest(found.locale, found.page),
    title: t('pageTitle', { title: t('latest'), page: found.page }),
    description: t('latestIntro'),
  });
}

export default async function LatestPageN({ params }: PageProps<'/[locale]/latest/page/[n]'>) {
  const { locale, n } = await params;
  const found = resolve(locale, n);
  if (!found) notFound();
  setRequestLocale(found.locale);
  if (found.page === 1) permanentRedirect(paths.latest(found.locale));
  const page = pageOfArticles(found.locale, {}, found.page);
  if (!page) notFound();
  const t = await getTranslations({ locale: found.locale, namespace: 'listing' });
  return (
    <Listing locale={found.locale} alternates={latestAlternates(found.locale)} title={t('latest')} page={page} href={(p) => paths.latest(found.locale, p)} />
  );
}
