import { getTranslations } from 'next-intl/server';
import { isLocale, locales } from '@/i18n/routing';
import { paths } from '@/i18n/paths';
import { listArticles } from '@/db/articles';
import { findCategory, listCategories } from '@/db/taxonomy';
import { isSlug } from '@/lib/params';
import { FEED_SIZE, renderRss } from '@/lib/feeds';

// RSS 2.0 of a section's latest articles, regenerated at most every 5 minutes (ISR).
export const revalidate = 300;

export function generateStaticParams() {
  return locales.flatMap((locale) => listCategories(locale).map((c) => ({ locale, category: c.slug })));
}

export async function GET(_request: Request, { params }: RouteContext<'/[locale]/[category]/rss.xml'>) {
  const { locale, category: slug } = await params;
  const category = isLocale(locale) && isSlug(slug) ? findCategory(locale, slug) : null;
  if (!isLocale(locale) || !category) return new Response('Not found', { status: 404 });
  const t = await getTranslations({ locale, namespace: 'seo' });
  const xml = renderRss({
    locale,
    title: t('sectionFeedTitle', { section: category.name }),
    description: t('sectionFeedDescription', { section: category.name }),
    pagePath: paths.section(locale, category.slug),
    feedPath: paths.sectionFeed(locale, category.slug),
    items: listArticles(locale, { categoryId: category.id }, FEED_SIZE),
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
}
