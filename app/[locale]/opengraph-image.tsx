import { notFound } from 'next/navigation';
import { getSiteSettings } from '@/db/settings';
import { isLocale, locales } from '@/i18n/routing';
import { shareCard, SHARE_CARD_SIZE } from '@/components/ShareCard';

// The site's share card (front page, sections and every page without its own image).
export const size = SHARE_CARD_SIZE;
export const contentType = 'image/png';
export const alt = 'Kiosque';

export function generateStaticParams() {
  return locales.map((locale) => ({ locale }));
}

export default async function Image({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const site = getSiteSettings();
  return shareCard({ kicker: site.siteName, headline: site.tagline[locale] || site.siteName, siteName: site.siteName });
}
