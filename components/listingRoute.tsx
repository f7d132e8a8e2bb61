import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { notFound, permanentRedirect } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { isLocale, type Locale } from '@/i18n/routing';
import { pageOfArticles, type ListFilter } from '@/db/articles';
import { isSlug, parsePageParam } from '@/lib/params';
import type { Alternates } from './LanguageSwitcher';
import { Listing } from './Listing';
import { listingMetadata } from './listingMetadata';

/** What a listing shows, once its URL is resolved: which articles, where its pages live, how it is titled. */
export interface ListingSubject {
  filter: ListFilter;
  /** The listing's URL: page 1 without `page`, later pages as `/page/N`. */
  href: (page?: number) => string;
  /** The same listing in the other languages (page 1 only: page counts differ). */
  alternates: Alternates;
  title: string;
  description?: string;
  /** Shown under the title on page 1. */
  intro?: ReactNode;
  className?: string;
}

/** Resolves a listing's subject from the URL's locale and slug; null when nothing has that slug (a 404). */
export type ListingKind = (locale: Locale, slug: string | undefined) => Promise<ListingSubject | null>;

type Params = Promise<{ locale: string; slug?: string; n?: string }>;

/**
 * The metadata and page of a paginated listing route, shared by its page-1 route (no `n` segment) and its
 * `/page/[n]` route: `/page/1` redirects to the listing itself, a page past the end or an unknown slug is a 404.
 */
export function listingRoute(kind: ListingKind) {
  async function resolve(params: Params) {
    const { locale, slug, n } = await params;
    const page = n === undefined ? 1 : parsePageParam(n);
    if (!isLocale(locale) || page === null || (slug !== undefined && !isSlug(slug))) return null;
    const subject = await kind(locale, slug);
    return subject ? { locale, page, explicitPage: n !== undefined, subject } : null;
  }

  async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
    const found = await resolve(params);
    if (!found) return {};
    const { locale, page, subject } = found;
    if (page === 1) {
      return listingMetadata(locale, { path: subject.href(), title: subject.title, description: subject.description, alternates: subject.alternates });
    }
    const t = await getTranslations({ locale, namespace: 'listing' });
    return listingMetadata(locale, {
      path: subject.href(page),
      title: t('pageTitle', { title: subject.title, page }),
      description: subject.description,
    });
  }

  async function ListingPage({ params }: { params: Params }) {
    const found = await resolve(params);
    if (!found) notFound();
    const { locale, page: n, subject } = found;
    setRequestLocale(locale);
    if (found.explicitPage && n === 1) permanentRedirect(subject.href());
    const page = pageOfArticles(locale, subject.filter, n);
    if (!page) notFound();
    return (
      <Listing
        locale={locale}
        alternates={subject.alternates}
        title={subject.title}
        intro={n === 1 ? subject.intro : undefined}
        page={page}
        href={subject.href}
        className={subject.className}
      />
    );
  }

  return { generateMetadata, ListingPage };
}
