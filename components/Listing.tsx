import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import type { ArticleCard, Page } from '@/db/articles';
import { ArticleList } from './ArticleList';
import { PageShell } from './PageShell';
import { Pagination } from './Pagination';
import type { Alternates } from './LanguageSwitcher';
import { WithSidebar } from './WithSidebar';
import { JsonLd } from './JsonLd';
import { paths } from '@/i18n/paths';
import { PAGE_SIZE } from '@/db/articles';
import { breadcrumbJsonLd, collectionPageJsonLd, graph } from '@/lib/jsonld';

/** A paginated listing (topic, author, latest news): a header, the cards, real links to other pages, and its
 * CollectionPage/ItemList and breadcrumb structured data. */
export async function Listing({
  locale,
  alternates,
  title,
  intro,
  page,
  href,
  className,
}: {
  locale: Locale;
  alternates: Alternates;
  title: string;
  intro?: ReactNode;
  page: Page<ArticleCard>;
  href: (page: number) => string;
  className?: string;
}) {
  const t = await getTranslations({ locale, namespace: 'listing' });
  const tSeo = await getTranslations({ locale, namespace: 'seo' });
  const structured = graph(
    collectionPageJsonLd({
      locale,
      path: href(page.page),
      name: title,
      items: page.items.map((a) => ({ name: a.title, path: paths.article(locale, a.category.slug, a.slug) })),
      startPosition: (page.page - 1) * PAGE_SIZE + 1,
    }),
    breadcrumbJsonLd([
      { name: tSeo('home'), path: paths.home(locale) },
      { name: title, path: href(page.page) },
    ]),
  );
  return (
    <PageShell locale={locale} alternates={alternates} className={className}>
      <JsonLd data={structured} />
      <WithSidebar locale={locale}>
        <header className="listing-header">
          <h1>{title}</h1>
          {intro}
        </header>
        {page.items.length ? <ArticleList articles={page.items} firstPriority /> : <p>{t('empty')}</p>}
        <Pagination locale={locale} page={page.page} pageCount={page.pageCount} href={href} />
      </WithSidebar>
    </PageShell>
  );
}
