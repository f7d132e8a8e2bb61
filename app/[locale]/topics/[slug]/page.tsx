import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { isLocale } from '@/i18n/routing';
import { paths } from '@/i18n/paths';
import { pageOfArticles } from '@/db/articles';
import { findTag } from '@/db/taxonomy';
import { isSlug } from '@/lib/params';
import { Listing } from '@/components/Listing';
import { topicAlternates } from '@/components/alternates';
import { listingMetadata } from '@/components/listingMetadata';

export const revalidate = 300;
export const dynamicParams = true;

export function generateStaticParams() {
  return []; // rendered on first request, then cached
}

function resolve(locale: string, slug: string) {
  if (!isLocale(locale) || !isSlug(slug)) return null;
  const tag = findTag(locale, slug);
  return tag ? { locale, tag } : null;
}

export async function generateMetadata({ params }: PageProps<'/[locale]/topics/[slug]'>): Promise<Metadata> {
  const { locale, slug } = await params;
  const found = resolve(locale, slug);
  if (!found) return {};
  const t = await getTranslations({ locale: found.locale, namespace: 'listing' });
  return listingMetadata(found.locale, {
    path: paths.topic(found.locale, found.tag.slug),
    title: t('topic', { topic: found.tag.name }),
    description: t('topicIntro', { topic: found.tag.name }),
    alternates: topicAlternates(found.locale, found.tag.id),
  });
}

export default async function TopicPage({ params }: PageProps<'/[locale]/topics/[slug]'>) {
  const { locale, slug } = await params;
  const found = resolve(locale, slug);
  if (!found) notFound();
  setRequestLocale(found.locale);
  const page = pageOfArticles(found.locale, { tagId: found.tag.id }, 1);
  if (!page) notFound();
  const t = await getTranslations({ locale: found.locale, namespace: 'listing' });
  return (
    <Listing
      locale={found.locale}
      alternates={topicAlternates(found.locale, found.tag.id)}
      title={t('topic', { topic: found.tag.name })}
      intro={<p className="listing-description">{t('topicIntro', { topic: found.tag.name })}</p>}
      page={page}
      href={(n) => paths.topic(found.locale, found.tag.slug, n)}
    />
  );
}
