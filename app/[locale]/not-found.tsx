import { getLocale } from 'next-intl/server';
import { defaultLocale, isLocale } from '@/i18n/routing';
import { NotFoundFallback } from '@/components/NotFound';

/**
 * The localized 404 as Next renders it for `notFound()`: only inside the RSC payload of an empty
 * `<html id="__next_error__">` shell (vercel/next.js#62228), and into the payload of every page below, on every
 * render. Readers get the whole page server-rendered from app/[locale]/%5F404/page.tsx instead
 * (lib/server/not-found-document.ts), so this is the message alone, without the header (see NotFoundFallback).
 */
export default async function LocalizedNotFound() {
  const requested = await getLocale();
  return <NotFoundFallback locale={isLocale(requested) ? requested : defaultLocale} />;
}
