import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import type { ArticleCard, Page } from '@/db/articles';
import { ArticleList } from './ArticleList';
import { PageShell } from './PageShell';
import { Pagination } from './Pagination';
import type { Alternates } from './LanguageSwitcher';
import { WithSidebar } from './WithSidebar';

/** A paginated listing (topic, author, latest news): a header, the cards, real links to other pages. */
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
  return (
    <PageShell locale={locale} alternates={alternates} className={className}>
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
