import { Suspense } from 'react';
import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import { formatLongDate, formatTemperature } from '@/lib/format';
import { getSiteSettings } from '@/db/settings';
import { getCurrentWeather, weatherIcon } from '@/lib/weather';

/** Today's date in the site time zone and the current weather of the site's city, as on a newspaper's front. */
export function HeaderStrip({ locale }: { locale: Locale }) {
  const now = new Date();
  return (
    <div className="header-strip">
      <time className="today" dateTime={now.toISOString()}>
        {formatLongDate(now, locale)}
      </time>
      <Suspense fallback={null}>
        <CurrentWeather locale={locale} />
      </Suspense>
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
