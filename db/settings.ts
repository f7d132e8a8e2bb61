/**
 * Site identity an administrator edits in the newsroom (site_settings, one JSON value per key): site name,
 * tagline per language, the city of the weather strip and its coordinates, social links.
 *
 * Defaults are today's values (the `site` messages, the WEATHER_* environment), so nothing changes on the reader
 * pages until an administrator saves. Reads are memoized per process and per database: a save in this process
 * refreshes at once; another process (a second `next start`) sees it within SETTINGS_TTL_MS.
 */
import { z } from 'zod';
import { locales, type Locale } from '@/i18n/routing';
import { getConfig } from '@/lib/config';
import fr from '@/messages/fr.json';
import en from '@/messages/en.json';
import { getDb, type Db } from './client';
import { audit, type AuditActor } from './audit';
import { siteSettings } from './schema';

export const socialNetworks = ['facebook', 'x', 'instagram', 'youtube', 'linkedin', 'tiktok', 'whatsapp'] as const;
export type SocialNetwork = (typeof socialNetworks)[number];

export interface SiteSettings {
  siteName: string;
  tagline: Record<Locale, string>;
  city: string;
  latitude: number;
  longitude: number;
  /** Only the networks that have a link, in `socialNetworks` order. */
  social: Partial<Record<SocialNetwork, string>>;
}

const messagesByLocale: Record<Locale, { site: { name: string; tagline: string } }> = { fr, en };

export const SETTINGS_TTL_MS = 30_000;
export const SITE_NAME_MAX = 80;
export const TAGLINE_MAX = 200;
export const CITY_MAX = 60;
export const URL_MAX = 300;

/** Today's values: the messages' site name and taglines, the WEATHER_* environment (or its defaults). */
export function defaultSiteSettings(): SiteSettings {
  const config = safeConfig();
  return {
    siteName: messagesByLocale.fr.site.name,
    tagline: Object.fromEntries(locales.map((l) => [l, messagesByLocale[l].site.tagline])) as Record<Locale, string>,
    city: config.city,
    latitude: config.latitude,
    longitude: config.longitude,
    social: {},
  };
}

function safeConfig() {
  try {
    const c = getConfig();
    return { city: c.WEATHER_CITY, latitude: c.WEATHER_LATITUDE, longitude: c.WEATHER_LONGITUDE };
  } catch {
    // An invalid environment stops the server elsewhere; here the built-in defaults do.
    return { city: 'Yaoundé', latitude: 3.848, longitude: 11.502 };
  }
}

/* ----------------------------------------------------------------------------------------------- validation */

const line = (max: number, requiredCode: string, tooLongCode: string) =>
  z
    .string()
    .transform((v) => v.normalize('NFC').replace(/\s+/g, ' ').trim())
    .pipe(z.string().min(1, requiredCode).refine((v) => [...v].length <= max, tooLongCode));

const optionalLine = (max: number, tooLongCode: string) =>
  z
    .string()
    .transform((v) => v.normalize('NFC').replace(/\s+/g, ' ').trim())
    .pipe(z.string().refine((v) => [...v].length <= max, tooLongCode));

/** A decimal number written with a dot or a comma (French keyboards), within [min, max]. */
const coordinate = (min: number, max: number) =>
  z
    .union([z.number(), z.string()])
    .transform((v) => (typeof v === 'number' ? v : v.trim() === '' ? NaN : Number(v.trim().replace(',', '.'))))
    .pipe(z.number({ error: 'number_invalid' }).refine(Number.isFinite, 'number_invalid').min(min, 'out_of_range').max(max, 'out_of_range'));

/** An absolute https URL with a host and no credentials; '' means "no link". */
export const httpsUrlSchema = z
  .string()
  .trim()
  .max(URL_MAX, 'url_too_long')
  .refine((v) => {
    if (v === '') return true;
    try {
      const url = new URL(v);
      return url.protocol === 'https:' && url.hostname.includes('.') && !url.username && !url.password;
    } catch {
      return false;
    }
  }, 'url_https');

export const siteSettingsSchema = z.object({
  siteName: line(SITE_NAME_MAX, 'required', 'too_long'),
  tagline: z.object(Object.fromEntries(locales.map((l) => [l, optionalLine(TAGLINE_MAX, 'too_long')])) as Record<Locale, ReturnType<typeof optionalLine>>),
  city: line(CITY_MAX, 'required', 'too_long'),
  latitude: coordinate(-90, 90),
  longitude: coordinate(-180, 180),
  social: z.object(Object.fromEntries(socialNetworks.map((n) => [n, httpsUrlSchema])) as Record<SocialNetwork, typeof httpsUrlSchema>),
});

export type SiteSettingsInput = z.input<typeof siteSettingsSchema>;

/** Field errors of a form, keyed by dotted path (`tagline.fr`, `social.x`), values are message codes. */
export class SettingsValidationError extends Error {
  constructor(public readonly fields: Record<string, string>) {
    super('invalid settings');
    this.name = 'SettingsValidationError';
  }
}

/* -------------------------------------------------------------------------------------------------- storage */

/** Stored keys (one row each); a missing or unreadable value falls back to its default. */
const KEYS = ['siteName', 'tagline', 'city', 'latitude', 'longitude', 'social'] as const;
type Key = (typeof KEYS)[number];

function readStored(db: Db): Partial<Record<Key, unknown>> {
  const out: Partial<Record<Key, unknown>> = {};
  for (const row of db.select().from(siteSettings).all()) {
    if (!(KEYS as readonly string[]).includes(row.key)) continue;
    try {
      out[row.key as Key] = JSON.parse(row.value);
    } catch {
      // A hand-edited, broken value: ignored (the default shows), not a crashed page.
    }
  }
  return out;
}

function merge(stored: Partial<Record<Key, unknown>>): SiteSettings {
  const defaults = defaultSiteSettings();
  const pick = <K extends Key>(key: K, schema: z.ZodType<SiteSettings[K]>): SiteSettings[K] => {
    if (!(key in stored)) return defaults[key];
    const parsed = schema.safeParse(stored[key]);
    return parsed.success ? parsed.data : defaults[key];
  };
  const shape = siteSettingsSchema.shape;
  const tagline = { ...defaults.tagline };
  if (stored.tagline && typeof stored.tagline === 'object') {
    for (const l of locales) {
      const v = shape.tagline.shape[l].safeParse((stored.tagline as Record<string, unknown>)[l]);
      if (v.success) tagline[l] = v.data;
    }
  }
  const socialParsed = shape.social.partial().safeParse(stored.social ?? {});
  const social: SiteSettings['social'] = {};
  if (socialParsed.success) for (const n of socialNetworks) if (socialParsed.data[n]) social[n] = socialParsed.data[n];
  return {
    siteName: pick('siteName', shape.siteName as z.ZodType<string>),
    tagline,
    city: pick('city', shape.city as z.ZodType<string>),
    latitude: pick('latitude', shape.latitude as z.ZodType<number>),
    longitude: pick('longitude', shape.longitude as z.ZodType<number>),
    social,
  };
}

const memo = new WeakMap<Db, { at: number; value: SiteSettings }>();

/**
 * The site's identity, memoized (one small table read per SETTINGS_TTL_MS per process). Never throws: a database
 * that cannot be read gives the defaults, so a reader page still renders.
 */
export function getSiteSettings(now: number = Date.now()): SiteSettings {
  let db: Db;
  try {
    db = getDb();
  } catch {
    return defaultSiteSettings();
  }
  const hit = memo.get(db);
  if (hit && now - hit.at < SETTINGS_TTL_MS) return hit.value;
  let value: SiteSettings;
  try {
    value = merge(readStored(db));
  } catch {
    value = hit?.value ?? defaultSiteSettings();
  }
  memo.set(db, { at: now, value });
  return value;
}

/** The site name in reader pages, feeds, sitemaps and JSON-LD. */
export function siteName(): string {
  return getSiteSettings().siteName;
}

/** Validates every field (all errors at once), then writes the changed keys and one audit line in a transaction. */
export function saveSiteSettings(input: SiteSettingsInput, actor: AuditActor, now = new Date()): { changed: string[]; settings: SiteSettings } {
  const parsed = siteSettingsSchema.safeParse(input);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const path = issue.path.join('.');
      fields[path] ??= issue.message;
    }
    throw new SettingsValidationError(fields);
  }
  const data = parsed.data;
  const social: SiteSettings['social'] = {};
  for (const n of socialNetworks) if (data.social[n]) social[n] = data.social[n];
  const next: SiteSettings = { ...data, social };
  const db = getDb();
  const changed = db.transaction((tx) => {
    const current = merge(readStoredTx(tx));
    const changedKeys: Key[] = KEYS.filter((k) => JSON.stringify(current[k]) !== JSON.stringify(next[k]));
    for (const key of changedKeys) {
      const value = JSON.stringify(next[key]);
      tx.insert(siteSettings).values({ key, value, updatedAt: now }).onConflictDoUpdate({ target: siteSettings.key, set: { value, updatedAt: now } }).run();
    }
    if (changedKeys.length) {
      audit(
        actor,
        { action: 'settings.update', targetType: 'settings', detail: Object.fromEntries(changedKeys.map((k) => [k, { from: current[k], to: next[k] }])) },
        tx,
        now,
      );
    }
    return changedKeys;
  }, { behavior: 'immediate' });
  memo.delete(db);
  return { changed, settings: getSiteSettings(now.getTime()) };
}

function readStoredTx(tx: Pick<Db, 'select'>): Partial<Record<Key, unknown>> {
  return readStored(tx as Db);
}

/** Forgets the memoized settings (after a change made outside saveSiteSettings, e.g. a restore). */
export function forgetSiteSettings(): void {
  try {
    memo.delete(getDb());
  } catch {
    // nothing to forget
  }
}
