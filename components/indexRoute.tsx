import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { isLocale, locales, type Locale } from '@/i18n/routing';
import { paths } from '@/i18n/paths';
import { authorIndex, topicIndex, type IndexPage } from '@/db/taxonomy';
import { parsePageParam } from '@/lib/params';
import { IndexListing } from './IndexListing';
import type { Alternates } from './LanguageSwitcher';
import { listingMetadata } from './listingMetadata';

type Kind = 'topics' | 'authors';
type Params = Promise<{ locale: string; n?: string }>;

const QUERIES: Record<Kind, (locale: Locale, page: number) => IndexPage | null> = {
  topics: (locale, page) => topicIndex(locale, page),
  authors: (locale, page) => authorIndex(locale, page),
};

const href = (kind: Kind, locale: Locale) => (page = 1) => {
  const base = paths.fixed(locale, kind);
  return page > 1 ? `${base}/page/${page}` : base;
};

function alternates(kind: Kind, locale: Locale): Alternates {
  return Object.fromEntries(locales.filter((l) => l !== locale).map((l) => [l, { href: paths.fixed(l, kind) }]));
}

/**
 * The topics A–Z (`/fr/sujets`, `/en/topics`) and authors & agencies (`/fr/auteurs`, `/en/authors`) indexes, page 1
 * and `/page/N`: `/page/1` redirects to the index itself, a page past the end is a 404.
 */
export function indexRoute(kind: Kind) {
  async function resolve(params: Params) {
    const { locale, n } = await params;
    const page = n === undefined ? 1 : parsePageParam(n);
    if (!isLocale(locale) || page === null) return null;
    return { locale, page, explicitPage: n !== undefined };
  }

  async function texts(locale: Locale) {
    const t = await getTranslations({ locale, namespace: 'indexes' });
    return kind === 'topics' ? { t, title: t('topicsTitle'), intro: t('topicsIntro') } : { t, title: t('authorsTitle'), intro: t('authorsIntro') };
  }

  async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
    const found = await resolve(params);
    if (!found) return {};
    const { t, title, intro } = await texts(found.locale);
    const path = href(kind, found.locale)(found.page);
    return found.page === 1
      ? listingMetadata(found.locale, { path, title, description: intro, alternates: alternates(kind, found.locale) })
      : listingMetadata(found.locale, { path, title: t('pageTitle', { title, page: found.page }), description: intro });
  }

  async function IndexRoutePage({ params }: { params: Params }) {
    const found = await resolve(params);
    if (!found) notFound();
    const { locale } = found;
    setRequestLocale(locale);
    if (found.explicitPage && found.page === 1) permanentRedirect(href(kind, locale)());
    const page = QUERIES[kind](locale, found.page);
    if (!page) notFound();
    const { title, intro } = await texts(locale);
    return (
      <IndexListing
        locale={locale}
        alternates={alternates(kind, locale)}
        title={title}
        intro={intro}
        page={page}
        href={href(kind, locale)}
        entryHref={(slug) => (kind === 'topics' ? paths.topic(locale, slug) : paths.author(locale, slug))}
      />
    );
  }

  return { generateMetadata, IndexRoutePage };
}
