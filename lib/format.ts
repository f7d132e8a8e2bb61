/**
 * Locale-aware formatting over plain Intl (no next-intl), always in the site's time zone (Africa/Douala,
 * UTC+1 all year). Pure and usable anywhere: server components, route handlers, feeds, scripts, tests.
 *
 * Formatter instances are memoized per locale (constructing Intl formatters is expensive).
 *
 * Spaces, as pinned by lib/format.test.ts on Node 20 (ICU 7x):
 *  - fr thousands separator: U+202F NARROW NO-BREAK SPACE, as Intl gives ("1 234 567").
 *  - temperature: the space before "°C" is normalised per locale, whatever ICU gives:
 *      fr → U+202F NARROW NO-BREAK SPACE ("23,9 °C", ICU's own French output);
 *      en and every other locale → U+00A0 NO-BREAK SPACE ("23.9 °C"; ICU gives "23.9°C" with no space).
 *  - dates use ordinary spaces (ICU output for these patterns contains no special spaces in fr/en).
 */

export const FORMAT_TIME_ZONE = 'Africa/Douala';

export type DateInput = Date | string | number;

const cache = new Map<string, unknown>();

function memo<T>(key: string, create: () => T): T {
  let value = cache.get(key) as T | undefined;
  if (value === undefined) {
    value = create();
    cache.set(key, value);
  }
  return value;
}

function toDate(input: DateInput): Date {
  const date = input instanceof Date ? input : new Date(input);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Invalid date: ${String(input)}`);
  return date;
}

function dateTimeFormat(locale: string, name: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return memo(`dtf:${name}:${locale}`, () => new Intl.DateTimeFormat(locale, { ...options, timeZone: FORMAT_TIME_ZONE }));
}

function numberFormat(locale: string, name: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return memo(`nf:${name}:${locale}`, () => new Intl.NumberFormat(locale, options));
}

function baseLanguage(locale: string): string {
  return locale.split(/[-_]/)[0]!.toLowerCase();
}

/** fr "vendredi 15 novembre 2024", en "Friday, November 15, 2024". */
export function formatLongDate(date: DateInput, locale: string): string {
  return dateTimeFormat(locale, 'longDate', { dateStyle: 'full' }).format(toDate(date));
}

/** fr "15 novembre 2024 à 14:05", en "November 15, 2024 at 2:05 PM" (dateStyle long + timeStyle short). */
export function formatDateTime(date: DateInput, locale: string): string {
  return dateTimeFormat(locale, 'dateTime', { dateStyle: 'long', timeStyle: 'short' }).format(toDate(date));
}

/** 'YYYY-MM-DD' of the given instant in Africa/Douala (the site's calendar day). */
export function siteDay(date: DateInput): string {
  const parts = dateTimeFormat('en-US', 'siteDay', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    calendar: 'gregory',
    numberingSystem: 'latn',
  }).formatToParts(toDate(date));
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((part) => part.type === type)?.value ?? '';
  return `${get('year').padStart(4, '0')}-${get('month')}-${get('day')}`;
}

/** The year of the given instant in Africa/Douala (the footer's ©): 2027 from 23:00 UTC on December 31, 2026. */
export function siteYear(date: DateInput): number {
  return Number(siteDay(date).slice(0, 4));
}

/** The last answer of nextSiteMidnight: valid for any instant from `from` (when it was asked) until `at`. */
let nextMidnight: { from: number; at: number } | null = null;

/**
 * The first instant (ms since the epoch) of the site day after the one `now` falls in. The boundary is found from
 * Intl, not assumed (stepping by hours, then minutes), and kept for the rest of the day: the response hook asks on
 * every page, so until midnight the answer costs two comparisons.
 */
export function nextSiteMidnight(now: Date): number {
  const ms = now.getTime();
  if (nextMidnight && ms >= nextMidnight.from && ms < nextMidnight.at) return nextMidnight.at;
  const day = siteDay(now);
  const hour = 3_600_000;
  let t = ms - (ms % 60_000) + 60_000;
  while (siteDay(new Date(t + hour)) === day) t += hour;
  while (siteDay(new Date(t)) === day) t += 60_000;
  nextMidnight = { from: ms, at: t };
  return t;
}

const TEMPERATURE_SPACE: Readonly<Record<string, string>> = { fr: '\u202F' };
const DEFAULT_TEMPERATURE_SPACE = '\u00A0';

/**
 * One decimal, Intl unit style: fr "23,9 °C" (U+202F before °C), en "23.9 °C" (U+00A0 before °C).
 * Negative zero is shown as "0,0"/"0.0".
 */
export function formatTemperature(celsius: number, locale: string): string {
  const formatter = numberFormat(locale, 'celsius', {
    style: 'unit',
    unit: 'celsius',
    unitDisplay: 'short',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const space = TEMPERATURE_SPACE[baseLanguage(locale)] ?? DEFAULT_TEMPERATURE_SPACE;
  const parts = formatter.formatToParts(celsius);
  // "-0,0 °C" → "0,0 °C" (signDisplay 'negative' would do it, but needs the ES2023 Intl typings).
  const isZero = parts.every((part) => (part.type !== 'integer' && part.type !== 'fraction') || /^0+$/.test(part.value));
  let number = '';
  let unit = '';
  let unitFirst = false;
  for (const part of parts) {
    if (part.type === 'minusSign' && isZero) {
      // skip
    } else if (part.type === 'unit') {
      unit += part.value;
      if (number === '') unitFirst = true;
    } else if (part.type === 'literal' && /^\s+$/u.test(part.value)) {
      // ICU's own (or missing) space between number and unit: replaced by ours below.
    } else {
      number += part.value;
    }
  }
  return unitFirst ? `${unit}${space}${number}` : `${number}${space}${unit}`;
}

/** Thousands separators as Intl gives: fr "1 234 567,5" (U+202F), en "1,234,567.5". */
export function formatNumber(n: number, locale: string): string {
  return numberFormat(locale, 'number', {}).format(n);
}

function wholeSeconds(seconds: number): number {
  return Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds) : 0;
}

/**
 * Clock-style duration for video badges: "0:00", "1:03", "12:05", "1:02:03" (hours only when ≥ 3600 s).
 * ASCII digits in every locale; the locale parameter is kept for a uniform signature.
 */
export function formatDuration(seconds: number, locale?: string): string {
  void locale;
  const total = wholeSeconds(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/**
 * Accessible duration text. Node 20 has no Intl.DurationFormat, so this composes Intl.NumberFormat
 * (unit style, long) with Intl.ListFormat (type unit, long) — deliberately in every runtime, so the output
 * does not change with the Node version:
 *   fr "1 minute et 3 secondes", "1 heure, 2 minutes et 3 secondes", "0 seconde"
 *   en "1 minute, 3 seconds", "1 hour, 2 minutes, 3 seconds", "0 seconds"
 * where the space between a number and its unit is always U+00A0 NO-BREAK SPACE (normalised: ICU's French
 * data mixes ordinary and no-break spaces); spaces from the list pattern are ordinary spaces.
 * Zero components are omitted (except for a zero total).
 */
export function formatDurationLong(seconds: number, locale: string): string {
  const total = wholeSeconds(seconds);
  const components: [string, number][] = [
    ['hour', Math.floor(total / 3600)],
    ['minute', Math.floor((total % 3600) / 60)],
    ['second', total % 60],
  ];
  const nonZero = components.filter(([, value]) => value > 0);
  const shown: [string, number][] = nonZero.length > 0 ? nonZero : [['second', 0]];
  const words = shown.map(([unit, value]) =>
    numberFormat(locale, `duration-${unit}`, { style: 'unit', unit, unitDisplay: 'long' })
      .format(value)
      // CLDR is inconsistent here (fr "1 minute" vs "3\u00A0secondes"): always keep number and unit together.
      .replace(/\s+/gu, '\u00A0'),
  );
  const list = memo(`lf:unit-long:${locale}`, () => new Intl.ListFormat(locale, { style: 'long', type: 'unit' }));
  return list.format(words);
}

/** ISO 8601 duration for schema.org / <time datetime>: "PT0S", "PT1M3S", "PT1H2M3S", "PT2H". */
export function isoDuration(seconds: number): string {
  const total = wholeSeconds(seconds);
  if (total === 0) return 'PT0S';
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s ? `${s}S` : ''}`;
}

/** UTC offset of the site time zone ("+01:00") at an instant, read from Intl and memoized per hour. */
const offsetByHour = new Map<number, string>();
function siteOffset(date: Date): string {
  const hour = Math.floor(date.getTime() / 3_600_000);
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    const zone =
      dateTimeFormat('en-US', 'isoOffset', { timeZoneName: 'longOffset', year: 'numeric' })
        .formatToParts(date)
        .find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
    offset = zone === 'GMT' ? '+00:00' : zone.replace(/^GMT/, '');
    if (offsetByHour.size > 10_000) offsetByHour.clear();
    offsetByHour.set(hour, offset);
  }
  return offset;
}

/**
 * ISO 8601 date-time with the site's UTC offset, for structured data, sitemaps and Open Graph:
 * "2024-11-15T14:05:00+01:00" (Africa/Douala is UTC+1 all year; the offset is read from Intl, not assumed).
 * Whole seconds. Fast enough for 50,000 sitemap entries (the offset is looked up once per hour of time).
 */
export function isoDateTimeWithOffset(input: DateInput): string {
  const date = toDate(input);
  const offset = siteOffset(date);
  const sign = offset.startsWith('-') ? -1 : 1;
  const [h, m] = offset.slice(1).split(':').map(Number);
  const shifted = new Date(date.getTime() + sign * ((h ?? 0) * 60 + (m ?? 0)) * 60_000);
  return `${shifted.toISOString().slice(0, 19)}${offset}`;
}
