import type { Metadata } from 'next';
import { cache } from 'react';
import { notFound, permanentRedirect } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { isLocale, type Locale } from '@/i18n/routing';
import { paths } from '@/i18n/paths';
import { findArticle, recentArticlePaths, type ArticleDetail } from '@/db/articles';
import { isSlug } from '@/lib/params';
import { buildMetadata } from '@/lib/seo';
import { articleForJsonLd, breadcrumbJsonLd, graph, newsArticleJsonLd } from '@/lib/jsonld';
import { SHARE_CARD_SIZE } from '@/components/ShareCard';
import { ArticleView, articleAlternates } from '@/components/ArticleView';
import { JsonLd } from '@/components/JsonLd';
import { PageShell } from '@/components/PageShell';
import { ViewBeacon } from '@/components/ViewBeacon';
import { WithSidebar } from '@/components/WithSidebar';
import { RelatedArticles } from '@/components/widgets/RelatedArticles';

export const revalidate = 300;
// Paths not prerendered at build render on first request, then stay cached (ISR).
export const dynamicParams = true;

/** Prerender the most recent articles; older ones render on first request and are then cached. */
const PRERENDERED_ARTICLES = 200;

export function generateStaticParams() {
  return recentArticlePaths(PRERENDERED_ARTICLES).map((a) => ({ locale: a.locale, category: a.categorySlug, slug: a.slug }));
}

/**
 * One read of the article per request: metadata, the page and the components below it share this lookup
 * (React `cache()` lives for one server render).
 */
const lookup = cache((locale: string, category: string, slug: string) => {
  if (!isLocale(locale) || !isSlug(category) || !isSlug(slug)) return null;
  return { locale, result: findArticle(locale, category, slug) };
});

export async function generateMetadata({ params }: PageProps<'/[locale]/[category]/[slug]'>): Promise<Metadata> {
  const { locale, category, slug } = await params;
  const found = lookup(locale, category, slug);
  if (found?.result.type !== 'found') return {};
  const article = found.result.article;
  const t = await getTranslations({ locale: found.locale, namespace: 'seo' });
  return buildMetadata({
    locale: found.locale,
    paths: articlePaths(article),
    // The newsroom's SEO title and description when set, else the headline and standfirst.
    title: article.seoTitle || article.title,
    description: article.seoDescription || article.standfirst,
    type: 'article',
    // The article's photo, cropped 1200×630 around its focal point at upload; else the generated share card.
    image: article.photo?.og
      ? { url: article.photo.og.url, width: article.photo.og.width, height: article.photo.og.height, type: 'image/jpeg', alt: article.photo.alt || article.title }
      : {
          url: paths.articleImage(found.locale, article.category.slug, article.slug),
          ...SHARE_CARD_SIZE,
          type: 'image/png',
          alt: t('articleImageAlt', { title: article.title, section: article.category.name }),
        },
    article: {
      publishedTime: article.publishedAt,
      modifiedTime: article.modifiedAt,
      section: article.category.name,
      authors: [paths.author(found.locale, article.author.slug)],
      tags: article.tags.map((tag) => tag.name),
    },
    feeds: [
      { title: t('feedTitle'), url: paths.feed(found.locale) },
      { title: t('sectionFeedTitle', { section: article.category.name }), url: paths.sectionFeed(found.locale, article.category.slug) },
    ],
  });
}

/** The article's URL in each language that has a published version (hreflang goes only there). */
function articlePaths(article: ArticleDetail): Partial<Record<Locale, string>> {
  const locale = article.locale as Locale;
  const result: Partial<Record<Locale, string>> = { [locale]: paths.article(locale, article.category.slug, article.slug) };
  for (const tr of article.translations) result[tr.locale] = paths.article(tr.locale, tr.categorySlug, tr.slug);
  return result;
}


export default async function ArticlePage({ params }: PageProps<'/[locale]/[category]/[slug]'>) {
  const { locale, category, slug } = await params;
  const found = lookup(locale, category, slug);
  if (!found || found.result.type === 'missing') notFound();
  setRequestLocale(found.locale);
  if (found.result.type === 'redirect') permanentRedirect(paths.article(found.locale, found.result.categorySlug, found.result.slug));
  const article = found.result.article;
  const t = await getTranslations({ locale: found.locale, namespace: 'seo' });
  const structured = graph(
    newsArticleJsonLd(articleForJsonLd(article)),
    breadcrumbJsonLd([
      { name: t('home'), path: paths.home(found.locale) },
      { name: article.category.name, path: paths.section(found.locale, article.category.slug) },
      { name: article.title, path: paths.article(found.locale, article.category.slug, article.slug) },
    ]),
  );
  return (
    <PageShell locale={found.locale} alternates={articleAlternates(article)} currentSection={article.category.slug}>
      <JsonLd data={structured} />
      <WithSidebar locale={found.locale}>
        <ArticleView article={article} />
        <RelatedArticles article={{ id: article.id, locale: article.locale, categoryId: article.category.id }} />
      </WithSidebar>
      <ViewBeacon articleId={article.id} />
    </PageShell>
  );
}
