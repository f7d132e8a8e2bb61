import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { locales, type Locale } from '@/i18n/routing';
import { paths } from '@/i18n/paths';
import { countArticles, PAGE_SIZE, type ArticleCard, type Page } from '@/db/articles';
import { categorySlugs, type Category } from '@/db/taxonomy';
import { buildMetadata } from '@/lib/seo';
import { breadcrumbJsonLd, collectionPageJsonLd, graph } from '@/lib/jsonld';
import { JsonLd } from './JsonLd';
import { SHARE_CARD_SIZE } from './ShareCard';
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

/**
 * Metadata of a section page: hreflang to the same page number in each language whose section has that many
 * pages, the section's feed for autodiscovery, the site share card.
 */
export async function sectionMetadata(locale: Locale, category: Category, page: number): Promise<Metadata> {
  const t = await getTranslations({ locale });
  const slugs = categorySlugs(category.id);
  const pagePaths: Partial<Record<Locale, string>> = { [locale]: paths.section(locale, category.slug, page) };
  for (const other of locales) {
    const slug = slugs[other];
    if (other === locale || !slug) continue;
    if (page === 1 || Math.ceil(countArticles(other, { categoryId: category.id }) / PAGE_SIZE) >= page) pagePaths[other] = paths.section(other, slug, page);
  }
  return buildMetadata({
    locale,
    paths: pagePaths,
    title: page > 1 ? t('seo.pageTitle', { title: category.name, page }) : category.name,
    description: category.description || t('section.latestIn', { section: category.name }),
    image: { url: paths.siteImage(locale), ...SHARE_CARD_SIZE, type: 'image/png', alt: t('seo.siteImageAlt') },
    feeds: [
      { title: t('seo.sectionFeedTitle', { section: category.name }), url: paths.sectionFeed(locale, category.slug) },
      { title: t('seo.feedTitle'), url: paths.feed(locale) },
    ],
  });
}

/** A section front: its articles newest first, paginated with real URLs. */
export async function SectionListing({ locale, category, page }: { locale: Locale; category: Category; page: Page<ArticleCard> }) {
  const t = await getTranslations({ locale, namespace: 'section' });
  const tSeo = await getTranslations({ locale, namespace: 'seo' });
  const path = paths.section(locale, category.slug, page.page);
  const structured = graph(
    collectionPageJsonLd({
      locale,
      path,
      name: category.name,
      description: category.description,
      items: page.items.map((a) => ({ name: a.title, path: paths.article(locale, a.category.slug, a.slug) })),
      startPosition: (page.page - 1) * PAGE_SIZE + 1,
    }),
    breadcrumbJsonLd([
      { name: tSeo('home'), path: paths.home(locale) },
      { name: category.name, path: paths.section(locale, category.slug) },
      ...(page.page > 1 ? [{ name: tSeo('pageTitle', { title: category.name, page: page.page }), path }] : []),
    ]),
  );
  return (
    <PageShell locale={locale} alternates={sectionAlternates(category, locale)} currentSection={category.slug}>
      <JsonLd data={structured} />
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
