import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { isLocale } from '@/i18n/routing';
import { paths } from '@/i18n/paths';
import { pageOfArticles } from '@/db/articles';
import { findAuthor } from '@/db/taxonomy';
import { isSlug } from '@/lib/params';
import { AuthorIntro } from '@/components/AuthorIntro';
import { Listing } from '@/components/Listing';
import { authorAlternates } from '@/components/alternates';
import { listingMetadata } from '@/components/listingMetadata';

export const revalidate = 300;
export const dynamicParams = true;

export function generateStaticParams() {
  return []; // rendered on first request, then cached
}

function resolve(locale: string, slug: string) {
  if (!isLocale(locale) || !isSlug(slug)) return null;
  const author = findAuthor(locale, slug);
  return author ? { locale, author } : null;
}

export async function generateMetadata({ params }: PageProps<'/[locale]/authors/[slug]'>): Promise<Metadata> {
  const { locale, slug } = await params;
  const found = resolve(locale, slug);
  if (!found) return {};
  return listingMetadata(found.locale, {
    path: paths.author(found.locale, found.author.slug),
    title: found.author.name,
    description: found.author.bio || undefined,
    alternates: authorAlternates(found.locale, found.author.id),
  });
}

export default async function AuthorPage({ params }: PageProps<'/[locale]/authors/[slug]'>) {
  const { locale, slug } = await params;
  const found = resolve(locale, slug);
  if (!found) notFound();
  setRequestLocale(found.locale);
  const page = pageOfArticles(found.locale, { authorId: found.author.id }, 1);
  if (!page) notFound();
  return (
    <Listing
      locale={found.locale}
      alternates={authorAlternates(found.locale, found.author.id)}
      title={found.author.name}
      intro={<AuthorIntro locale={found.locale} author={found.author} />}
      page={page}
      href={(n) => paths.author(found.locale, found.author.slug, n)}
      className="author-page"
    />
  );
}
