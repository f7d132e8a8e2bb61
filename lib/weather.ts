/**
 * Open-Meteo client — server only (reads server config, calls an external service).
 *
 * Guarantees for page rendering:
 *  - never throws, never takes longer than the configured timeout (≤ 1.5 s), usually answers from memory;
 *  - a good reading is fresh for `cacheMs` (WEATHER_CACHE_SECONDS); after that the next caller refetches;
 *  - on any failure (network, timeout, non-2xx, bad JSON, unexpected shape) the last good reading is returned
 *    if it is at most `maxStaleMs` (15 min) old, else null (hidden: never a reading more than 30 min old on screen); the failure is remembered for `failureBackoffMs`
 *    (60 s) during which no request is made at all;
 *  - concurrent callers share one in-flight request;
 *  - the request bypasses Next.js's patched fetch (see `platformFetch`), so it never turns a static/ISR page
 *    into a dynamic one: the weather is rendered into the page and refreshed when the page is regenerated.
 *
 * Not importing the `server-only` package: it is not installed (Next.js resolves it internally, but tsc with
 * TypeScript 6 and vitest would not). The runtime guard below catches accidental client bundling.
 */
import { z } from 'zod';
import { getConfig, SITE_TIME_ZONE } from './config';

if (typeof window !== 'undefined') {
  throw new Error('lib/weather.ts is server-only and must not be imported from client components');
}

export type WeatherCondition =
  | 'clear'
  | 'mainlyClear'
  | 'partlyCloudy'
  | 'overcast'
  | 'fog'
  | 'drizzle'
  | 'rain'
  | 'freezingRain'
  | 'snow'
  | 'showers'
  | 'thunderstorm'
  | 'unknown';

export const WEATHER_CONDITIONS: readonly WeatherCondition[] = [
  'clear',
  'mainlyClear',
  'partlyCloudy',
  'overcast',
  'fog',
  'drizzle',
  'rain',
  'freezingRain',
  'snow',
  'showers',
  'thunderstorm',
  'unknown',
];

export interface Weather {
  /** °C, as reported (round it when formatting). */
  temperature: number;
  /** WMO weather interpretation code, 0..99. */
  code: number;
  condition: WeatherCondition;
  /** ISO 8601 UTC instant of the observation (or of the fetch if the API gave no usable time). */
  observedAt: string;
}

export interface WeatherClientOptions {
  /** Base URL of an Open-Meteo-compatible API, e.g. `https://api.open-meteo.com` (trailing slash ignored). */
  baseUrl: string;
  latitude: number;
  longitude: number;
  timeoutMs: number;
  /** How long a good reading is fresh. */
  cacheMs: number;
  /** How long a failure is remembered (no request during that time). Default 60 000. */
  failureBackoffMs?: number;
  /** Oldest good reading still served as a fallback. Default 15 min (MAX_READING_AGE_MS). */
  maxStaleMs?: number;
  fetch?: typeof fetch;
  /** Clock in epoch milliseconds. Default `Date.now`. */
  now?: () => number;
  /** Receives one JSON line per failure. Default `console.warn`. */
  log?: (line: string) => void;
}

export interface WeatherClient {
  getCurrentWeather(): Promise<Weather | null>;
}

const DEFAULT_FAILURE_BACKOFF_MS = 60_000;
/**
 * A reading older than this is not shown: pages are served at most 15 min after they are rendered
 * (lib/headers/cache.ts), so a reader never sees a reading more than 30 min old.
 */
export const MAX_READING_AGE_MS = 15 * 60 * 1000;
const DEFAULT_MAX_STALE_MS = MAX_READING_AGE_MS;

/** Maps a WMO weather interpretation code (as used by Open-Meteo) to a condition key. */
export function weatherCondition(code: number): WeatherCondition {
  if (!Number.isInteger(code)) return 'unknown';
  if (code === 0) return 'clear';
  if (code === 1) return 'mainlyClear';
  if (code === 2) return 'partlyCloudy';
  if (code === 3) return 'overcast';
  if (code === 45 || code === 48) return 'fog';
  if (code >= 51 && code <= 55) return 'drizzle';
  if (code === 56 || code === 57) return 'freezingRain'; // freezing drizzle
  if (code >= 61 && code <= 65) return 'rain';
  if (code === 66 || code === 67) return 'freezingRain';
  if (code >= 71 && code <= 77) return 'snow';
  if (code >= 80 && code <= 82) return 'showers';
  if (code === 85 || code === 86) return 'snow'; // snow showers
  if (code >= 95 && code <= 99) return 'thunderstorm';
  return 'unknown';
}

const ICONS: Readonly<Record<WeatherCondition, string>> = {
  clear: '☀️',
  mainlyClear: '🌤️',
  partlyCloudy: '⛅',
  overcast: '☁️',
  fog: '🌫️',
  drizzle: '🌦️',
  rain: '🌧️',
  freezingRain: '🧊',
  snow: '❄️',
  showers: '🌦️',
  thunderstorm: '⛈️',
  unknown: '🌡️',
};

/**
 * Emoji for a condition. Decorative: render it `aria-hidden` and put the translated condition
 * (messages key per `WeatherCondition`) in the accessible text.
 */
export function weatherIcon(condition: WeatherCondition): string {
  return ICONS[condition] ?? ICONS.unknown;
}

const responseSchema = z.object({
  utc_offset_seconds: z.number().int().optional().catch(undefined),
  current: z.object({
    time: z.string().optional().catch(undefined),
    temperature_2m: z.number().min(-90).max(70),
    weather_code: z.number().int().min(0).max(99),
  }),
});

type FailureReason = 'timeout' | 'network' | 'invalid_json' | 'schema_mismatch' | `http_${number}`;

class WeatherFetchError extends Error {
  constructor(readonly reason: FailureReason) {
    super(reason);
  }
}

/** Open-Meteo gives `current.time` as local wall time ("2024-11-15T14:00") plus `utc_offset_seconds`. */
function observedAtIso(time: string | undefined, offsetSeconds: number | undefined, fallbackMs: number): string {
  if (time !== undefined && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(time)) {
    const asUtc = Date.parse(`${time}${time.length === 16 ? ':00' : ''}Z`);
    if (!Number.isNaN(asUtc)) return new Date(asUtc - (offsetSeconds ?? 0) * 1000).toISOString();
  }
  return new Date(fallbackMs).toISOString();
}

export function buildForecastUrl(baseUrl: string, latitude: number, longitude: number): string {
  const params = new URLSearchParams({
    latitude: String(latitude),
    longitude: String(longitude),
    current: 'temperature_2m,weather_code',
    timezone: SITE_TIME_ZONE,
  });
  // URLSearchParams keeps ',' percent-encoded (%2C); Open-Meteo accepts both, keep the list readable.
  return `${baseUrl.replace(/\/+$/, '')}/v1/forecast?${params.toString().replace(/%2C/g, ',')}`;
}

export function createWeatherClient(options: WeatherClientOptions): WeatherClient {
  const url = buildForecastUrl(options.baseUrl, options.latitude, options.longitude);
  const fetchImpl = options.fetch ?? ((input, init) => platformFetch()(input, init));
  const now = options.now ?? Date.now;
  const log = options.log ?? ((line: string) => console.warn(line));
  const backoffMs = options.failureBackoffMs ?? DEFAULT_FAILURE_BACKOFF_MS;
  const maxStaleMs = options.maxStaleMs ?? DEFAULT_MAX_STALE_MS;

  let lastGood: { weather: Weather; at: number } | null = null;
  let failedAt: number | null = null;
  let inFlight: Promise<Weather | null> | null = null;

  function fallback(): Weather | null {
    if (lastGood && now() - lastGood.at <= maxStaleMs) return lastGood.weather;
    return null;
  }

  async function request(): Promise<Weather> {
    const signal = AbortSignal.timeout(options.timeoutMs);
    // Enforce the deadline even if the fetch implementation (or the body stream) ignores the signal.
    let onAbort: () => void = () => {};
    const deadline = new Promise<never>((_, reject) => {
      onAbort = () => reject(new WeatherFetchError('timeout'));
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort, { once: true });
    });
    try {
      return await Promise.race([deadline, fetchAndParse(signal)]);
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }

  async function fetchAndParse(signal: AbortSignal): Promise<Weather> {
    let response: Response;
    try {
      response = await fetchImpl(url, { signal, cache: 'no-store', headers: { accept: 'application/json' } });
    } catch (error) {
      throw new WeatherFetchError(signal.aborted || isAbortError(error) ? 'timeout' : 'network');
    }
    if (!response.ok) {
      void response.body?.cancel().catch(() => {});
      throw new WeatherFetchError(`http_${response.status}`);
    }
    let json: unknown;
    try {
      json = await response.json();
    } catch (error) {
      throw new WeatherFetchError(signal.aborted || isAbortError(error) ? 'timeout' : 'invalid_json');
    }
    const parsed = responseSchema.safeParse(json);
    if (!parsed.success) throw new WeatherFetchError('schema_mismatch');
    const { current, utc_offset_seconds: offset } = parsed.data;
    return {
      temperature: current.temperature_2m,
      code: current.weather_code,
      condition: weatherCondition(current.weather_code),
      observedAt: observedAtIso(current.time, offset, now()),
    };
  }

  async function refresh(): Promise<Weather | null> {
    try {
      const weather = await request();
      lastGood = { weather, at: now() };
      failedAt = null;
      return weather;
    } catch (error) {
      failedAt = now();
      const reason = error instanceof WeatherFetchError ? error.reason : 'network';
      try {
        log(JSON.stringify({ level: 'warn', msg: 'weather_fetch_failed', reason }));
      } catch {
        // logging must never break rendering
      }
      return fallback();
    }
  }

  return {
    getCurrentWeather(): Promise<Weather | null> {
      try {
        const t = now();
        if (lastGood && t - lastGood.at < options.cacheMs) return Promise.resolve(lastGood.weather);
        if (failedAt !== null && t - failedAt < backoffMs) return Promise.resolve(fallback());
        inFlight ??= refresh().finally(() => {
          inFlight = null;
        });
        return inFlight;
      } catch {
        return Promise.resolve(null);
      }
    },
  };
}

/**
 * The runtime's own fetch, not Next.js's instrumented one. Next patches `globalThis.fetch`; through the patched
 * version a `cache: 'no-store'` request calls markCurrentScopeAsDynamic, i.e. every page showing the weather
 * (the header strip is in the layout) would stop being static/ISR. Freshness is decided by this module's own
 * cache, so Next's data cache and dynamic tracking must stay out of it. Next keeps the original function on
 * the patched one as `_nextOriginalFetch` (documented there "for external consumers"); outside Next it is
 * simply `globalThis.fetch`. Looked up per call because Next patches fetch after modules may have loaded.
 */
function platformFetch(): typeof fetch {
  const current = globalThis.fetch as typeof fetch & { _nextOriginalFetch?: typeof fetch };
  return typeof current._nextOriginalFetch === 'function' ? current._nextOriginalFetch : current;
}

function isAbortError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');
}

let defaultClient: WeatherClient | null = null;
let defaultClientKey = '';

/**
 * Current weather at `coordinates` (the site settings' city; default: the WEATHER_* environment), or null.
 * Never throws. One client (and cache) per coordinate pair in use: an administrator moving the city gets a fresh
 * reading, not the old city's.
 */
export function getCurrentWeather(coordinates?: { latitude: number; longitude: number }): Promise<Weather | null> {
  const key = coordinates ? `${coordinates.latitude},${coordinates.longitude}` : '';
  if (!defaultClient || key !== defaultClientKey) {
    defaultClientKey = key;
    try {
      const config = getConfig();
      defaultClient = createWeatherClient({
        baseUrl: config.WEATHER_API_URL,
        latitude: coordinates?.latitude ?? config.WEATHER_LATITUDE,
        longitude: coordinates?.longitude ?? config.WEATHER_LONGITUDE,
        timeoutMs: config.WEATHER_TIMEOUT_MS,
        cacheMs: config.WEATHER_CACHE_SECONDS * 1000,
      });
    } catch (error) {
      console.warn(
        JSON.stringify({
          level: 'warn',
          msg: 'weather_fetch_failed',
          reason: 'config',
          detail: error instanceof Error ? error.message : String(error),
        }),
      );
      // Invalid weather settings: no weather at all, logged once (the page still renders).
      defaultClient = { getCurrentWeather: () => Promise.resolve(null) };
    }
  }
  return defaultClient.getCurrentWeather();
}
