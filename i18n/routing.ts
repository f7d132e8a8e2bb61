import { defineRouting } from 'next-intl/routing';

/**
 * The only place that knows the locales. Adding a language: a locale here, a messages file, and content.
 * `fixedPaths` are the localized public names of the fixed (non-category) pages; the app directory uses the
 * English name internally and next.config.ts rewrites the localized names onto it.
 */
export const locales = ['fr', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'fr';

export const fixedPaths = {
  search: { fr: 'recherche', en: 'search' },
  topics: { fr: 'sujets', en: 'topics' },
  authors: { fr: 'auteurs', en: 'authors' },
  latest: { fr: 'actualites', en: 'latest' },
} as const satisfies Record<string, Record<Locale, string>>;
export type FixedPage = keyof typeof fixedPaths;

/** Path segments no category or article slug may take: they would shadow a fixed page or a system route. */
export const reservedSegments: ReadonlySet<string> = new Set([
  'page',
  'api',
  'media',
  'feed',
  'rss',
  'rss.xml',
  'sitemaps',
  'opengraph-image',
  ...Object.values(fixedPaths).flatMap((byLocale) => Object.values(byLocale)),
]);

export const routing = defineRouting({
  locales,
  defaultLocale,
  localePrefix: 'always',
  // The proxy only runs on `/` and unprefixed paths (see proxy.ts); the remembered choice is written by the
  // language switcher, so locale-prefixed pages never carry a Set-Cookie and stay cacheable.
  localeCookie: { name: 'NEXT_LOCALE', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax' },
  alternateLinks: false,
});

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

export function otherLocales(locale: Locale): Locale[] {
  return locales.filter((l) => l !== locale);
}
