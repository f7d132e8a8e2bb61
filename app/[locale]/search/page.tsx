import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { isLocale, otherLocales } from '@/i18n/routing';
import { countSearchResults, searchArticles } from '@/db/search';
import { parseSearchParams } from '@/lib/search-params';
import { SearchResults } from '@/components/SearchResults';

// The one dynamic reader page: it depends on ?q= and ?page=.
export const dynamic = 'force-dynamic';

export async function generateMetadata({ params, searchParams }: PageProps<'/[locale]/search'>): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const parsed = parseSearchParams(await searchParams);
  const t = await getTranslations({ locale, namespace: 'search' });
  return {
    title: parsed?.q ? t('titleWithQuery', { query: parsed.q }) : t('title'),
    robots: { index: false, follow: true },
  };
}

export default async function SearchPage({ params, searchParams }: PageProps<'/[locale]/search'>) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const parsed = parseSearchParams(await searchParams);
  if (!parsed) notFound();
  const page = searchArticles(locale, parsed.q, parsed.page);
  if (!page) notFound();
  const otherCounts = page.total === 0 && parsed.q ? Object.fromEntries(otherLocales(locale).map((l) => [l, countSearchResults(l, parsed.q)])) : {};
  return <SearchResults locale={locale} query={parsed.q} page={page} otherCounts={otherCounts} />;
}
