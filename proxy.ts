import createMiddleware from 'next-intl/middleware';
import { routing } from './i18n/routing';

/**
 * Locale negotiation for `/` and unprefixed paths only (remembered choice → Accept-Language → French).
 * Locale-prefixed pages never pass through here: no per-request work and no Set-Cookie on cacheable pages.
 */
export default createMiddleware(routing);

export const config = {
  // Keep in sync with i18n/routing.ts `locales` (a matcher must be a literal). `/_404` is the bilingual not-found
  // document (lib/server/not-found-document.ts), not a page to redirect into a language.
  matcher: ['/', '/((?!(?:fr|en)(?:/|$)|api(?:/|$)|newsroom(?:/|$)|_404$|_next/|_vercel/|media/|.*\\..*).*)'],
};
