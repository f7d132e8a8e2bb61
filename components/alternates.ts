import { locales, type Locale } from '@/i18n/routing';
import { paths } from '@/i18n/paths';
import { authorSlugs, tagSlugs } from '@/db/taxonomy';
import type { Alternates } from './LanguageSwitcher';

/** The same listing in each other language (its first page: page counts differ between languages). */
function each(locale: Locale, href: (other: Locale) => string | null): Alternates {
  const alternates: Alternates = {};
  for (const other of locales) {
    if (other === locale) continue;
    const target = href(other);
    if (target) alternates[other] = { href: target };
  }
  return alternates;
}

export const homeAlternates = (locale: Locale) => each(locale, (other) => paths.home(other));
export const latestAlternates = (locale: Locale) => each(locale, (other) => paths.latest(other));
export const searchAlternates = (locale: Locale, query: string) => each(locale, (other) => paths.search(other, query || undefined));

export function topicAlternates(locale: Locale, tagId: number): Alternates {
  const slugs = tagSlugs(tagId);
  return each(locale, (other) => (slugs[other] ? paths.topic(other, slugs[other]) : null));
}

export function authorAlternates(locale: Locale, authorId: number): Alternates {
  const slugs = authorSlugs(authorId);
  return each(locale, (other) => (slugs[other] ? paths.author(other, slugs[other]) : null));
}
