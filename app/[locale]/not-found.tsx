import { getLocale } from 'next-intl/server';
import { defaultLocale, isLocale } from '@/i18n/routing';
import { LocalizedNotFound as NotFoundContent } from '@/components/NotFound';

/**
 * The localized 404 as Next renders it for `notFound()`: only inside the RSC payload of an empty
 * `<html id="__next_error__">` shell (vercel/next.js#62228). Readers get the same content server-rendered from
 * app/[locale]/%5F404/page.tsx instead (lib/server/not-found-document.ts).
 */
export default async function LocalizedNotFound() {
  const requested = await getLocale();
  return <NotFoundContent locale={isLocale(requested) ? requested : defaultLocale} />;
}
