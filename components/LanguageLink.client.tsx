'use client';

/**
 * A plain link to the other language (it works without JavaScript); with JavaScript it also remembers the
 * choice in the cookie the locale proxy reads on `/`, so that the pages themselves never set cookies.
 */
export function LanguageLink({ href, locale, label }: { href: string; locale: string; label: string }) {
  return (
    <a
      href={href}
      hrefLang={locale}
      lang={locale}
      onClick={() => {
        document.cookie = `NEXT_LOCALE=${locale}; path=/; max-age=31536000; samesite=lax`;
      }}
    >
      {label}
    </a>
  );
}
