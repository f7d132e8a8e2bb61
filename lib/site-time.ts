/**
 * Wall-clock times in the site's time zone (Africa/Douala) ↔ UTC instants, for the newsroom's schedule field
 * (`<input type="datetime-local">` gives "2026-12-01T08:30", or with seconds, and no zone: the newsroom means Douala time).
 */
import { SITE_TIME_ZONE } from './config';

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** The UTC offset of the site zone at `instant`, in minutes (Douala: +60 all year; computed, not assumed). */
function offsetMinutes(instant: Date, timeZone = SITE_TIME_ZONE): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** "2026-12-01T08:30" read as site time → the UTC instant, or null when malformed. */
export function parseSiteLocalDateTime(value: string, timeZone = SITE_TIME_ZONE): Date | null {
  const m = LOCAL.exec(value.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, sec = 0] = m.slice(1).map((v) => (v === undefined ? undefined : Number(v))) as [number, number, number, number, number, number?];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 59) return null;
  const guess = Date.UTC(y, mo - 1, d, h, mi, sec);
  const instant = new Date(guess - offsetMinutes(new Date(guess), timeZone) * 60_000);
  // Round trip: a date that does not exist (31 February) comes back different.
  return toSiteLocalDateTime(instant, timeZone, m[6] !== undefined) === value.trim() ? instant : null;
}

/** The UTC instant → "YYYY-MM-DDTHH:mm" in site time, for the input's value. */
export function toSiteLocalDateTime(instant: Date, timeZone = SITE_TIME_ZONE, seconds = false): string {
  const shifted = new Date(instant.getTime() + offsetMinutes(instant, timeZone) * 60_000);
  return shifted.toISOString().slice(0, seconds ? 19 : 16);
}
