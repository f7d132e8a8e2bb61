import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import { formatLongDate, formatTemperature } from '@/lib/format';
import { getSiteSettings } from '@/db/settings';
import { getCurrentWeather, weatherIcon } from '@/lib/weather';

/**
 * Today's date in the site time zone and the current weather of the site's city, as on a newspaper's front.
 * No Suspense boundary: reader pages reach the browser without React's runtime (lib/server/lite.ts), so a
 * boundary streamed late (a hidden segment moved into place by an inline `$RC` script) would stay hidden. The
 * weather is awaited instead; it cannot hold the page (1.5 s timeout, cached reading, lib/weather.ts), and the
 * response hook holds every HTML response until complete anyway.
 */
export function HeaderStrip({ locale }: { locale: Locale }) {
  const now = new Date();
  return (
    <div className="header-strip">
      <time className="today" dateTime={now.toISOString()}>
        {formatLongDate(now, locale)}
      </time>
      <CurrentWeather locale={locale} />
    </div>
  );
}

async function CurrentWeather({ locale }: { locale: Locale }) {
  const site = getSiteSettings();
  const weather = await getCurrentWeather({ latitude: site.latitude, longitude: site.longitude });
  if (!weather) return null;
  const t = await getTranslations({ locale });
  const condition = t(`weather.${weather.condition}`);
  return (
    <span className="weather" data-testid="weather">
      <span className="weather-icon" role="img" aria-label={t('a11y.weatherIcon', { condition })}>
        {weatherIcon(weather.condition)}
      </span>{' '}
      <span className="weather-temp">
        {t('header.weatherIn', { temperature: formatTemperature(weather.temperature, locale), city: site.city })}
      </span>{' '}
      <span className="weather-condition">{condition}</span>
    </span>
  );
}
