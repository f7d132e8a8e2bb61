import { notFound } from 'next/navigation';
import { siteName } from '@/db/settings';
import { isLocale } from '@/i18n/routing';
import { findArticle } from '@/db/articles';
import { isSlug } from '@/lib/params';
import { shareCard, SHARE_CARD_SIZE } from '@/components/ShareCard';

// An article's share card: its section, headline and the site name, in the article's language.
export const size = SHARE_CARD_SIZE;
export const contentType = 'image/png';
export const alt = 'Kiosque';
export const revalidate = 300;

export function generateStaticParams() {
  return []; // drawn on first request, then cached
}

export default async function Image({ params }: { params: Promise<{ locale: string; category: string; slug: string }> }) {
  const { locale, category, slug } = await params;
  if (!isLocale(locale) || !isSlug(category) || !isSlug(slug)) notFound();
  const found = findArticle(locale, category, slug);
  if (found.type !== 'found') notFound();
  return shareCard({ kicker: found.article.category.name, headline: found.article.title, siteName: siteName() });
}
