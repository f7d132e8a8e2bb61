import { fixedPaths, type FixedPage, type Locale } from './routing';

/**
 * Public URL paths (without origin). Every link in the app goes through these so that slugs and localized
 * fixed-page names live in one place.
 */
export const paths = {
  home: (locale: Locale) => `/${locale}`,
  section: (locale: Locale, categorySlug: string, page = 1) =>
    page > 1 ? `/${locale}/${categorySlug}/page/${page}` : `/${locale}/${categorySlug}`,
  article: (locale: Locale, categorySlug: string, slug: string) => `/${locale}/${categorySlug}/${slug}`,
  fixed: (locale: Locale, page: FixedPage) => `/${locale}/${fixedPaths[page][locale]}`,
  latest: (locale: Locale, page = 1) => withPage(`/${locale}/${fixedPaths.latest[locale]}`, page),
  topic: (locale: Locale, slug: string, page = 1) => withPage(`/${locale}/${fixedPaths.topics[locale]}/${slug}`, page),
  author: (locale: Locale, slug: string, page = 1) => withPage(`/${locale}/${fixedPaths.authors[locale]}/${slug}`, page),
  search: (locale: Locale, query?: string, page = 1) => {
    const params = new URLSearchParams();
    if (query) params.set('q', query);
    if (page > 1) params.set('page', String(page));
    const qs = params.toString();
    return `/${locale}/${fixedPaths.search[locale]}${qs ? `?${qs}` : ''}`;
  },
};

function withPage(base: string, page: number) {
  return page > 1 ? `${base}/page/${page}` : base;
}
