/**
 * The newsroom's language comes from the user's preference, not the URL: logged-in users get theirs; the login
 * page follows the browser's Accept-Language (French unless English is preferred).
 */
import { cache } from 'react';
import { headers } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import { defaultLocale, isLocale, type Locale } from '@/i18n/routing';
import { currentUser } from '@/lib/auth/current-user';

function fromAcceptLanguage(header: string | null): Locale {
  for (const part of (header ?? '').split(',')) {
    const tag = part.split(';')[0]!.trim().toLowerCase().slice(0, 2);
    if (isLocale(tag)) return tag;
  }
  return defaultLocale;
}

export const newsroomLocale = cache(async (): Promise<Locale> => {
  const user = await currentUser();
  if (user && isLocale(user.locale)) return user.locale;
  return fromAcceptLanguage((await headers()).get('accept-language'));
});

/** next-intl translations of the `newsroom` namespace in the current user's language. */
export async function newsroomT() {
  return getTranslations({ locale: await newsroomLocale(), namespace: 'newsroom' });
}
