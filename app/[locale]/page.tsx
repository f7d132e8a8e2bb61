import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { isLocale, locales } from '@/i18n/routing';
import { paths } from '@/i18n/paths';
import { listArticles } from '@/db/articles';
import { ArticleCard } from '@/components/ArticleCard';
import { ArticleList } from '@/components/ArticleList';
import { PageShell } from '@/components/PageShell';
import type { Alternates } from '@/components/LanguageSwitcher';
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
  const t = await getTranslations({ locale, namespace: 'home' });
  const tSite = await getTranslations({ locale, namespace: 'site' });
  const [lead, ...rest] = listArticles(locale, {}, 19);
  const alternates: Alternates = Object.fromEntries(locales.filter((l) => l !== locale).map((l) => [l, { href: paths.home(l) }]));
  const structured = graph(
    publisherJsonLd(),
    websiteJsonLd(locale, tSite('description')),
    itemListJsonLd([lead, ...rest].filter((a) => a !== undefined).map((a) => ({ name: a.title, path: paths.article(locale, a.category.slug, a.slug) }))),
  );
  return (
    <PageShell locale={locale} alternates={alternates} className="home">
      <JsonLd data={structured} />
      <h1 className="visually-hidden">{t('title')}</h1>
      {lead ? (
        <section className="lead" aria-labelledby="lead-heading">
          <h2 id="lead-heading" className="visually-hidden">
            {t('latest')}
          </h2>
          <ArticleCard article={lead} headingLevel={3} priority />
        </section>
      ) : (
        <p>{t('empty')}</p>
      )}
      {rest.length ? (
        <section aria-labelledby="latest-heading">
          <h2 id="latest-heading">{t('latest')}</h2>
          <ArticleList articles={rest} headingLevel={3} />
        </section>
      ) : null}
    </PageShell>
  );
}
