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
  const t = await getTranslations({ locale, namespace: 'home' });
  const [lead, ...rest] = listArticles(locale, {}, 19);
  const alternates: Alternates = Object.fromEntries(locales.filter((l) => l !== locale).map((l) => [l, { href: paths.home(l) }]));
  return (
    <PageShell locale={locale} alternates={alternates} className="home">
      <h1 className="visually-hidden">{t('title')}</h1>
      {lead ? (
        <section className="lead" aria-labelledby="lead-heading">
          <h2 id="lead-heading" className="visually-hidden">
            {t('lead')}
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
