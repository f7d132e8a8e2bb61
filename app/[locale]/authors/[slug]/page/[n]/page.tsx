import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { isLocale } from '@/i18n/routing';
import { paths } from '@/i18n/paths';
import { pageOfArticles } from '@/db/articles';
import { findAuthor } from '@/db/taxonomy';
import { isSlug, parsePageParam } from '@/lib/params';
import { Listing } from '@/components/Listing';
import { authorAlternates } from '@/components/alternates';
import { listingMetadata } from '@/components/listingMetadata';

export const revalidate = 300;
export const dynamicParams = true;

export function generateStaticParams() {
  return [];
}

function resolve(locale: string, slug: string, n: string) {
  const page = parsePageParam(n);
  if (!isLocale(locale) || !isSlug(slug) || page === null) return null;
  const author = findAuthor(locale, slug);
  return author ? { locale, author, page } : null;
}

export async function generateMetadata({ params }: PageProps<'/[locale]/authors/[slug]/page/[n]'>): Promise<Metadata> {
  const { locale, slug, n } = await params;
  const found = resolve(locale, slug, n);
  if (!found) return {};
  const t = await getTranslations({ locale: found.locale, namespace: 'listing' });
  return listingMetadata(found.locale, {
    path: paths.author(found.locale, found.author.slug, found.page),
    title: t('pageTitle', { title: found.author.name, page: found.page }),
    description: found.author.bio || undefined,
  });
}

export default async function AuthorPageN({ params }: PageProps<'/[locale]/authors/[slug]/page/[n]'>) {
  const { locale, slug, n } = await params;
  const found = resolve(locale, slug, n);
  if (!found) notFound();
  setRequestLocale(found.locale);
  if (found.page === 1) permanentRedirect(paths.author(found.locale, found.author.slug));
  const page = pageOfArticles(found.locale, { authorId: found.author.id }, found.page);
  if (!page) notFound();
  return (
    <Listing
      locale={found.locale}
      alternates={authorAlternates(found.locale, found.author.id)}
      title={found.author.name}
      page={page}
      href={(p) => paths.author(found.locale, found.author.slug, p)}
      className="author-page"
    />
  );
}
