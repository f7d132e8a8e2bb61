import type { Locale } from '@/i18n/routing';
import { formatDateTime } from '@/lib/format';

/** An absolute time: UTC in `datetime`, text in the site time zone. Never relative (pages are cached). */
export function Time({ date, locale, className }: { date: Date; locale: Locale; className?: string }) {
  return (
    <time className={className} dateTime={date.toISOString()}>
      {formatDateTime(date, locale)}
    </time>
  );
}
