import type { Metadata, Viewport } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { isLocale, locales } from '@/i18n/routing';
import { getSiteUrl } from '@/lib/site';
import { OG_LOCALES } from '@/lib/seo';
import { SiteFooter } from '@/components/SiteFooter';
import { siteName } from '@/db/settings';
import { sans, serif } from '../fonts';

// No `dynamicParams = false` here: a layout's segment config applies to every page below it, and it turned
// every path not prerendered at build (older articles, old slugs, wrong-section redirects, section page 2)
// into a 404. An unknown locale is still a 404: the layout calls notFound().

export function generateStaticParams() {
  return locales.map((locale) => ({ locale }));
}

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#121212' },
  ],
};

export async function generateMetadata({ params }: LayoutProps<'/[locale]'>): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'site' });
  const name = siteName();
  return {
    metadataBase: new URL(getSiteUrl()),
    title: { default: name, template: `%s · ${name}` },
    description: t('description'),
    applicationName: name,
    // Site-wide defaults; every page replaces them with its own through lib/seo.ts buildMetadata().
    openGraph: { siteName: name, locale: OG_LOCALES[locale], type: 'website' },
    twitter: { card: 'summary_large_image' },
    formatDetection: { telephone: false, email: false, address: false },
  };
}

export default async function LocaleLayout({ children, params }: LayoutProps<'/[locale]'>) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'a11y' });
  return (
    <html lang={locale} className={`${sans.variable} ${serif.variable}`}>
      <body>
        <a className="skip-link" href="#main">
          {t('skipToContent')}
        </a>
        {children}
        <SiteFooter locale={locale} />
      </body>
    </html>
  );
}
