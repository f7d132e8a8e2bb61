import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { isLocale, locales } from '@/i18n/routing';
import { pageOfArticles } from '@/db/articles';
import { findCategory, listCategories } from '@/db/taxonomy';
import { isSlug } from '@/lib/params';
import { SectionListing, sectionMetadata } from '@/components/SectionListing';

export const revalidate = 300;
// Paths not prerendered at build render on first request, then stay cached (ISR).
export const dynamicParams = true;

export function generateStaticParams() {
  return locales.flatMap((locale) => listCategories(locale).map((c) => ({ locale, category: c.slug })));
}

function resolve(locale: string, slug: string) {
  if (!isLocale(locale) || !isSlug(slug)) return null;
  const category = findCategory(locale, slug);
  return category ? { locale, category } : null;
}

export async function generateMetadata({ params }: PageProps<'/[locale]/[category]'>): Promise<Metadata> {
  const { locale, category: slug } = await params;
  const found = resolve(locale, slug);
  if (!found) return {};
  return sectionMetadata(found.locale, found.category, 1);
}

export default async function SectionPage({ params }: PageProps<'/[locale]/[category]'>) {
  const { locale, category: slug } = await params;
  const found = resolve(locale, slug);
  if (!found) notFound();
  setRequestLocale(found.locale);
  const page = pageOfArticles(found.locale, { categoryId: found.category.id }, 1);
  if (!page) notFound();
  return <SectionListing locale={found.locale} category={found.category} page={page} />;
}
