import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { isLocale } from '@/i18n/routing';
import { paths } from '@/i18n/paths';
import { findArticle, recentArticlePaths } from '@/db/articles';
import { isSlug } from '@/lib/params';
import { ArticleView, articleAlternates } from '@/components/ArticleView';
import { PageShell } from '@/components/PageShell';

export const revalidate = 300;
// Paths not prerendered at build render on first request, then stay cached (ISR).
export const dynamicParams = true;

/** Prerender the most recent articles; older ones render on first request and are then cached. */
const PRERENDERED_ARTICLES = 200;

export function generateStaticParams() {
  return recentArticlePaths(PRERENDERED_ARTICLES).map((a) => ({ locale: a.locale, category: a.categorySlug, slug: a.slug }));
}

function lookup(locale: string, category: string, slug: string) {
  if (!isLocale(locale) || !isSlug(category) || !isSlug(slug)) return null;
  return { locale, result: findArticle(locale, category, slug) };
}

export async function generateMetadata({ params }: PageProps<'/[locale]/[category]/[slug]'>): Promise<Metadata> {
  const { locale, category, slug } = await params;
  const found = lookup(locale, category, slug);
  if (found?.result.type !== 'found') return {};
  const article = found.result.article;
  return { title: article.title, description: article.standfirst };
}

export default async function ArticlePage({ params }: PageProps<'/[locale]/[category]/[slug]'>) {
  const { locale, category, slug } = await params;
  const found = lookup(locale, category, slug);
  if (!found || found.result.type === 'missing') notFound();
  setRequestLocale(found.locale);
  if (found.result.type === 'redirect') permanentRedirect(paths.article(found.locale, found.result.categorySlug, found.result.slug));
  const article = found.result.article;
  return (
    <PageShell locale={found.locale} alternates={articleAlternates(article)} currentSection={article.category.slug}>
      <ArticleView article={article} />
    </PageShell>
  );
}
