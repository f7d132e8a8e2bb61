import { getRequestConfig } from 'next-intl/server';
import { SITE_TIME_ZONE } from '@/lib/config';
import { defaultLocale, isLocale } from './routing';

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = isLocale(requested) ? requested : defaultLocale;
  return {
    locale,
    timeZone: SITE_TIME_ZONE,
    messages: (await import(`../messages/${locale}.json`)).default,
  };
});
