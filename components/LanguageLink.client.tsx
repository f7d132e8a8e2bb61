'use client';

/**
 * A plain link to the other language (it works without JavaScript); with JavaScript it also remembers the
 * choice in the cookie the locale proxy reads on `/`, so that the pages themselves never set cookies. On lite
 * reader pages (no React in the browser, lib/server/lite.ts) the reader pages' script does it from
 * `data-remember-locale` (lib/server/lite-script.ts); where React runs (Next's 404 shell, should the hook ever
 * send it: lib/server/not-found-document.ts), this onClick does.
 */
export function LanguageLink({ href, locale, label }: { href: string; locale: string; label: string }) {
  return (
    <a
      href={href}
      hrefLang={locale}
      lang={locale}
      data-remember-locale={locale}
      onClick={() => {
        document.cookie = `NEXT_LOCALE=${locale}; path=/; max-age=31536000; samesite=lax`;
      }}
    >
      {label}
    </a>
  );
}
