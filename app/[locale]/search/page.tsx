import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { isLocale, otherLocales } from '@/i18n/routing';
import { countSearchResults, searchArticles } from '@/db/search';
import { parseSearchParams } from '@/lib/search-params';
import { SearchResults } from '@/components/SearchResults';
import { listingMetadata } from '@/components/listingMetadata';
import { searchAlternates } from '@/components/alternates';
import { paths } from '@/i18n/paths';

// The one dynamic reader page: it depends on ?q= and ?page=.
export const dynamic = 'force-dynamic';

export async function generateMetadata({ params, searchParams }: PageProps<'/[locale]/search'>): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const parsed = parseSearchParams(await searchParams);
  const t = await getTranslations({ locale, namespace: 'search' });
  const query = parsed?.q ?? '';
  return listingMetadata(locale, {
    path: paths.search(locale, query || undefined),
    title: query ? t('titleWithQuery', { query }) : t('title'),
    alternates: searchAlternates(locale, query),
    noindex: true,
  });
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
