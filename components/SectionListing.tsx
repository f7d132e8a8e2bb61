import { getTranslations } from 'next-intl/server';
import { locales, type Locale } from '@/i18n/routing';
import { paths } from '@/i18n/paths';
import type { ArticleCard, Page } from '@/db/articles';
import { categorySlugs, type Category } from '@/db/taxonomy';
import { ArticleList } from './ArticleList';
import { PageShell } from './PageShell';
import { Pagination } from './Pagination';
import { UntranslatedNotice } from './UntranslatedNotice';
import { WithSidebar } from './WithSidebar';
import type { Alternates } from './LanguageSwitcher';

export function sectionAlternates(category: Category, locale: Locale): Alternates {
  const slugs = categorySlugs(category.id);
  const alternates: Alternates = {};
  for (const other of locales) {
    const slug = slugs[other];
    if (other !== locale && slug) alternates[other] = { href: paths.section(other, slug) };
  }
  return alternates;
}

/** A section front: its articles newest first, paginated with real URLs. */
export async function SectionListing({ locale, category, page }: { locale: Locale; category: Category; page: Page<ArticleCard> }) {
  const t = await getTranslations({ locale, namespace: 'section' });
  return (
    <PageShell locale={locale} alternates={sectionAlternates(category, locale)} currentSection={category.slug}>
      <UntranslatedNotice locale={locale} section={category.name} />
      <WithSidebar locale={locale}>
        <header className="listing-header">
          <h1>{category.name}</h1>
          {category.description ? <p className="listing-description">{category.description}</p> : null}
        </header>
        {page.items.length ? <ArticleList articles={page.items} firstPriority /> : <p>{t('empty')}</p>}
        <Pagination locale={locale} page={page.page} pageCount={page.pageCount} href={(n) => paths.section(locale, category.slug, n)} />
      </WithSidebar>
    </PageShell>
  );
}
