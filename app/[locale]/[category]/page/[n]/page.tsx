import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { isLocale } from '@/i18n/routing';
import { paths } from '@/i18n/paths';
import { pageOfArticles } from '@/db/articles';
import { findCategory } from '@/db/taxonomy';
import { isSlug, parsePageParam } from '@/lib/params';
import { SectionListing } from '@/components/SectionListing';

export const revalidate = 300;

export function generateStaticParams() {
  return []; // later pages render on first request, then stay cached
}

function resolve(locale: string, slug: string, n: string) {
  const page = parsePageParam(n);
  if (!isLocale(locale) || !isSlug(slug) || page === null) return null;
  const category = findCategory(locale, slug);
  return category ? { locale, category, page } : null;
}

export async function generateMetadata({ params }: PageProps<'/[locale]/[category]/page/[n]'>): Promise<Metadata> {
  const { locale, category, n } = await params;
  const found = resolve(locale, category, n);
  if (!found) return {};
  return { title: `${found.category.name} (${found.page})` };
}

export default async function SectionPageN({ params }: PageProps<'/[locale]/[category]/page/[n]'>) {
  const { locale, category, n } = await params;
  const found = resolve(locale, category, n);
  if (!found) notFound();
  setRequestLocale(found.locale);
  if (found.page === 1) permanentRedirect(paths.section(found.locale, found.category.slug));
  const page = pageOfArticles(found.locale, { categoryId: found.category.id }, found.page);
  if (!page) notFound();
  return <SectionListing locale={found.locale} category={found.category} page={page} />;
}
