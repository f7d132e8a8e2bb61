import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';

/** Real links to the previous and next pages (linkable, crawlable, no JavaScript needed). */
export async function Pagination({
  locale,
  page,
  pageCount,
  href,
}: {
  locale: Locale;
  page: number;
  pageCount: number;
  href: (page: number) => string;
}) {
  if (pageCount <= 1) return null;
  const t = await getTranslations({ locale, namespace: 'pagination' });
  const a11y = await getTranslations({ locale, namespace: 'a11y' });
  return (
    <nav className="pagination" aria-label={a11y('pagination')}>
      {page > 1 ? (
        <a href={href(page - 1)} rel="prev">
          {t('previous')}
        </a>
      ) : null}
      <span aria-current="page">{t('page', { page, count: pageCount })}</span>
      {page < pageCount ? (
        <a href={href(page + 1)} rel="next">
          {t('next')}
        </a>
      ) : null}
    </nav>
  );
}
