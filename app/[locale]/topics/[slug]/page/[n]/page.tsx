import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { isLocale } from '@/i18n/routing';
import { paths } from '@/i18n/paths';
import { pageOfArticles } from '@/db/articles';
import { findTag } from '@/db/taxonomy';
import { isSlug, parsePageParam } from '@/lib/params';
import { Listing } from '@/components/Listing';
import { topicAlternates } from '@/components/alternates';
import { listingMetadata } from '@/components/listingMetadata';

export const revalidate = 300;
export const dynamicParams = true;

export function generateStaticParams() {
  return [];
}

function resolve(locale: string, slug: string, n: string) {
  const page = parsePageParam(n);
  if (!isLocale(locale) || !isSlug(slug) || page === null) return null;
  const tag = findTag(locale, slug);
  return tag ? { locale, tag, page } : null;
}

export async function generateMetadata({ params }: PageProps<'/[locale]/topics/[slug]/page/[n]'>): Promise<Metadata> {
  const { locale, slug, n } = await params;
  const found = resolve(locale, slug, n);
  if (!found) return {};
  const t = await getTranslations({ locale: found.locale, namespace: 'listing' });
  return listingMetadata(found.locale, {
    path: paths.topic(found.locale, found.tag.slug, found.page),
    title: t('pageTitle', { title: t('topic', { topic: found.tag.name }), page: found.page }),
    description: t('topicIntro', { topic: found.tag.name }),
  });
}

export default async function TopicPageN({ params }: PageProps<'/[locale]/topics/[slug]/page/[n]'>) {
  const { locale, slug, n } = await params;
  const found = resolve(locale, slug, n);
  if (!found) notFound();
  setRequestLocale(found.locale);
  if (found.page === 1) permanentRedirect(paths.topic(found.locale, found.tag.slug));
  const page = pageOfArticles(found.locale, { tagId: found.tag.id }, found.page);
  if (!page) notFound();
  const t = await getTranslations({ locale: found.locale, namespace: 'listing' });
  return (
    <Listing
      locale={found.locale}
      alternates={topicAlternates(found.locale, found.tag.id)}
      title={t('topic', { topic: found.tag.name })}
      page={page}
      href={(p) => paths.topic(found.locale, found.tag.slug, p)}
    />
  );
}
