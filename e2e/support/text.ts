/**
 * Sequences that only appear when UTF-8 was decoded as Latin-1/Windows-1252 somewhere (or lost: U+FFFD).
 * C1 control characters (U+0080–U+009F) never belong in text: they are what ISO-8859-1 decoding leaves of
 * UTF-8 continuation bytes ("â\u0080\u0099" for ’).
 */
export const MOJIBAKE = [/Ã[\u0080-\u00BF©¨ª«®¯´¹§¢£¤]/, /â€[™œ\u009D“”˜¦¢–—]/, /â–/, /Â[\u00A0«»°]/, /\uFFFD/, /[\u0080-\u009F]/];

export function findMojibake(text: string): string | null {
  for (const pattern of MOJIBAKE) {
    const m = pattern.exec(text);
    if (m) return text.slice(Math.max(0, m.index - 30), m.index + 30);
  }
  return null;
}

/** Today's long date in the site time zone, as a reader in that locale should see it. */
export function todayInDouala(locale: 'fr' | 'en', now = new Date()) {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-US', {
    dateStyle: 'full',
    timeZone: 'Africa/Douala',
  }).format(now);
}

/**
 * The header strip's date for a page requested at `requestedAt` and checked now: today's long date, or the
 * previous one when the site's midnight fell in between (each test checks the date once, whatever the hour CI runs).
 */
export function todayInDoualaSince(locale: 'fr' | 'en', requestedAt: Date) {
  const days = new Set([todayInDouala(locale, requestedAt), todayInDouala(locale)]);
  return new RegExp(`^(?:${[...days].map(escapeRegExp).join('|')})$`);
}

/** `text` as a regular expression that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
