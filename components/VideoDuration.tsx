import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import { formatDuration, formatDurationLong } from '@/lib/format';

/** Duration badge of a video post: "1:03" on screen, the spoken form for assistive technology. */
export async function VideoDuration({ seconds, locale }: { seconds: number; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'a11y' });
  return (
    <span className="video-duration">
      <span className="visually-hidden">
        {t('videoDurationValue', { duration: formatDurationLong(seconds, locale) })}
      </span>
      <span aria-hidden="true">▶ {formatDuration(seconds, locale)}</span>
    </span>
  );
}
