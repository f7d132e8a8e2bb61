import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { isLocale, locales } from '@/i18n/routing';
import { paths } from '@/i18n/paths';
import { frontPage } from '@/db/front';
import { FrontPage } from '@/components/FrontPage';
import { homeAlternates } from '@/components/alternates';
import { PageShell } from '@/components/PageShell';
import { JsonLd } from '@/components/JsonLd';
import { SHARE_CARD_SIZE } from '@/components/ShareCard';
import { buildMetadata } from '@/lib/seo';
import { graph, itemListJsonLd, publisherJsonLd, websiteJsonLd } from '@/lib/jsonld';

export const revalidate = 300;

export async function generateMetadata({ params }: PageProps<'/[locale]'>): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale });
  return buildMetadata({
    locale,
    paths: Object.fromEntries(locales.map((l) => [l, paths.home(l)])),
    title: t('home.title'),
    absoluteTitle: true,
    description: t('site.description'),
    image: { url: paths.siteImage(locale), ...SHARE_CARD_SIZE, type: 'image/png', alt: t('seo.siteImageAlt') },
    feeds: [{ title: t('seo.feedTitle'), url: paths.feed(locale) }],
  });
}

export default async function HomePage({ params }: PageProps<'/[locale]'>) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const tSite = await getTranslations({ locale, namespace: 'site' });
  const front = frontPage(locale);
  const listed = [front.lead, ...front.top, ...front.sections.flatMap((s) => s.articles)].filter((a) => a !== null);
  const structured = graph(
    publisherJsonLd(),
    websiteJsonLd(locale, tSite('description')),
    itemListJsonLd(listed.map((a) => ({ name: a.title, path: paths.article(locale, a.category.slug, a.slug) }))),
  );
  return (
    <PageShell locale={locale} alternates={homeAlternates(locale)} className="home">
      <JsonLd data={structured} />
      <FrontPage locale={locale} front={front} />
    </PageShell>
  );
}
