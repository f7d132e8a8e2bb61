import { getTranslations } from 'next-intl/server';
import { paths } from '@/i18n/paths';
import { findAuthor, findTag } from '@/db/taxonomy';
import { AuthorIntro } from './AuthorIntro';
import { authorAlternates, latestAlternates, topicAlternates } from './alternates';
import type { ListingKind } from './listingRoute';

/** A topic's articles: `/fr/sujets/{slug}`, `/en/topics/{slug}`. */
export const topicListing: ListingKind = async (locale, slug) => {
  const tag = slug === undefined ? null : findTag(locale, slug);
  if (!tag) return null;
  const t = await getTranslations({ locale, namespace: 'listing' });
  const description = t('topicIntro', { topic: tag.name });
  return {
    filter: { tagId: tag.id },
    href: (page) => paths.topic(locale, tag.slug, page),
    alternates: topicAlternates(locale, tag.id),
    title: t('topic', { topic: tag.name }),
    description,
    intro: <p className="listing-description">{description}</p>,
  };
};

/** A staff writer's or an agency's articles: `/fr/auteurs/{slug}`, `/en/authors/{slug}`. */
export const authorListing: ListingKind = async (locale, slug) => {
  const author = slug === undefined ? null : findAuthor(locale, slug);
  if (!author) return null;
  return {
    filter: { authorId: author.id },
    href: (page) => paths.author(locale, author.slug, page),
    alternates: authorAlternates(locale, author.id),
    title: author.name,
    description: author.bio || undefined,
    intro: <AuthorIntro locale={locale} author={author} />,
    className: 'author-page',
  };
};

/** Every published article, newest first: `/fr/actualites`, `/en/latest`. */
export const latestListing: ListingKind = async (locale) => {
  const t = await getTranslations({ locale, namespace: 'listing' });
  return {
    filter: {},
    href: (page) => paths.latest(locale, page),
    alternates: latestAlternates(locale),
    title: t('latest'),
    description: t('latestIntro'),
    intro: <p className="listing-description">{t('latestIntro')}</p>,
  };
};
