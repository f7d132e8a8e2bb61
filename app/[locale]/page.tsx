import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { isLocale } from '@/i18n/routing';
import { frontPage } from '@/db/front';
import { FrontPage } from '@/components/FrontPage';
import { homeAlternates } from '@/components/alternates';
import { PageShell } from '@/components/PageShell';

export const revalidate = 300;

export async function generateMetadata({ params }: PageProps<'/[locale]'>): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'home' });
  return { title: { absolute: t('title') } };
}

export default async function HomePage({ params }: PageProps<'/[locale]'>) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  return (
    <PageShell locale={locale} alternates={homeAlternates(locale)} className="home">
      <FrontPage locale={locale} front={frontPage(locale)} />
    </PageShell>
  );
}
