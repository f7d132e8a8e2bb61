import { getTranslations } from 'next-intl/server';
import { isLocale, locales } from '@/i18n/routing';
import { paths } from '@/i18n/paths';
import { listArticles } from '@/db/articles';
import { FEED_SIZE, renderRss } from '@/lib/feeds';

// RSS 2.0 of a locale's latest articles, regenerated at most every 5 minutes (ISR).
export const revalidate = 300;

export function generateStaticParams() {
  return locales.map((locale) => ({ locale }));
}

export async function GET(_request: Request, { params }: RouteContext<'/[locale]/rss.xml'>) {
  const { locale } = await params;
  if (!isLocale(locale)) return new Response('Not found', { status: 404 });
  const t = await getTranslations({ locale, namespace: 'seo' });
  const xml = renderRss({
    locale,
    title: t('feedTitle'),
    description: t('feedDescription'),
    pagePath: paths.home(locale),
    feedPath: paths.feed(locale),
    items: listArticles(locale, {}, FEED_SIZE),
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
}
