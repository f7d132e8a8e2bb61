/**
 * Server configuration, read once from the environment and validated with zod.
 *
 * Every variable has a safe default, so `next build && next start` works with an empty environment. An empty
 * (or whitespace-only) variable counts as unset. An invalid value throws a `ConfigError` whose message names
 * the variable, e.g. `Invalid environment variable WEATHER_LATITUDE: must be ≤ 90 (got "123")`. The server parses
 * all of them when it starts (instrumentation.ts → lib/server/startup.ts) and refuses to start on any error.
 */
import { z } from 'zod';
import { compileTrustedProxies } from './trusted-proxies';

export const SITE_TIME_ZONE = 'Africa/Douala';
export const SITE_NAME = 'Kiosque';

export interface Config {
  /** SQLite database file (relative paths are resolved by the db client from the working directory). */
  readonly DATABASE_PATH: string;
  /** Media library directory: `public/` (renditions, served immutable) and `originals/` (private). */
  readonly MEDIA_DIR: string;
  /** Absolute http(s) URL of the site, without trailing slash, e.g. `https://kiosque.example`. */
  readonly SITE_URL: string;
  /** Base URL of an Open-Meteo-compatible API, without trailing slash. */
  readonly WEATHER_API_URL: string;
  readonly WEATHER_LATITUDE: number;
  readonly WEATHER_LONGITUDE: number;
  /** City name shown next to the temperature. */
  readonly WEATHER_CITY: string;
  /** Upper bound for one weather request, 50..1500 ms. */
  readonly WEATHER_TIMEOUT_MS: number;
  /** How long a good weather reading is fresh, 600..900 s (a reading is never shown more than 15 min after it was read). */
  readonly WEATHER_CACHE_SECONDS: number;
  /** Hops allowed to name the client in X-Forwarded-For: addresses, CIDRs, presets (lib/trusted-proxies.ts). */
  readonly TRUSTED_PROXIES: string;
  /** Secret of the daily-salted address hashes (≥ 16 characters); random per process when unset. */
  readonly IP_HASH_SECRET?: string;
  /** A reader's views of one article within this many minutes count once. */
  readonly VIEWS_WINDOW_MINUTES: number;
  /** Views one address (IPv4, IPv6 /64) may add per hour. */
  readonly VIEWS_PER_ADDRESS_PER_HOUR: number;
  /** Views one article may gain per hour (anomaly cap). */
  readonly VIEWS_PER_ARTICLE_PER_HOUR: number;
  /** How often counted views are written, in ms. */
  readonly VIEWS_FLUSH_INTERVAL_MS: number;
  /** Searches one client (address, IPv6 /64) may run per minute; more → 429 with Retry-After. */
  readonly SEARCH_PER_CLIENT_PER_MINUTE: number;
  /** Searches answered at once, server-wide; more → 503 with Retry-After. */
  readonly SEARCH_MAX_IN_FLIGHT: number;
  /** Searches started per second, server-wide; more → 503 with Retry-After. */
  readonly SEARCH_MAX_PER_SECOND: number;
  /** `0` turns the per-request JSON log off (e.g. when nginx logs requests). */
  readonly LOG_REQUESTS: boolean;
  /** Bearer token of POST /api/revalidate (≥ 16 characters, no spaces); unset: the route does not exist. */
  readonly REVALIDATE_TOKEN?: string;
  /** Key (≥ 16 characters) that encrypts wire feed credentials at rest; unset: feeds cannot store credentials. */
  readonly WIRE_SECRET?: string;
  /** Port of `next start` (read by Next itself; validated here). */
  readonly PORT: number;
  /** Minimum level of the JSON log. */
  readonly LOG_LEVEL: 'debug' | 'info' | 'warn' | 'error';
}

export type Env = Readonly<Record<string, string | undefined>>;

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Trim strings; treat '' as "not set" so the default applies. */
function blankToUndefined(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

function numberVar(options: { min: number; max?: number; int?: boolean; fallback: number }) {
  let schema = z.coerce.number({ error: 'must be a number' }).min(options.min, `must be ≥ ${options.min}`);
  if (options.max !== undefined) schema = schema.max(options.max, `must be ≤ ${options.max}`);
  if (options.int) schema = schema.int('must be an integer');
  return z.preprocess(blankToUndefined, schema.default(options.fallback));
}

function httpUrlVar(fallback: string) {
  return z.preprocess(
    blankToUndefined,
    z
      .string()
      .default(fallback)
      .refine((value) => {
        try {
          const url = new URL(value);
          return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
        } catch {
          return false;
        }
      }, 'must be an absolute http(s) URL')
      .refine((value) => !/[?#]/.test(value), 'must not contain a query string or fragment')
      .transform((value) => value.replace(/\/+$/, '')),
  );
}

const configSchema = z.object({
  DATABASE_PATH: z.preprocess(blankToUndefined, z.string().default('data/kiosque.db')),
  MEDIA_DIR: z.preprocess(blankToUndefined, z.string().default('data/media')),
  SITE_URL: httpUrlVar('http://localhost:3000'),
  WEATHER_API_URL: httpUrlVar('https://api.open-meteo.com'),
  WEATHER_LATITUDE: numberVar({ min: -90, max: 90, fallback: 3.848 }),
  WEATHER_LONGITUDE: numberVar({ min: -180, max: 180, fallback: 11.502 }),
  WEATHER_CITY: z.preprocess(
    blankToUndefined,
    z
      .string()
      .default('Yaoundé')
      .transform((value) => value.normalize('NFC'))
      .refine((value) => [...value].length <= 60, 'must be 1 to 60 characters long'),
  ),
  WEATHER_TIMEOUT_MS: numberVar({ min: 50, max: 1500, int: true, fallback: 1500 }),
  WEATHER_CACHE_SECONDS: numberVar({ min: 600, max: 900, int: true, fallback: 600 }),
  TRUSTED_PROXIES: z.preprocess(
    blankToUndefined,
    z
      .string()
      .default('loopback')
      .superRefine((value, ctx) => {
        try {
          compileTrustedProxies(value);
        } catch (error) {
          ctx.addIssue({ code: 'custom', message: (error as Error).message });
        }
      }),
  ),
  IP_HASH_SECRET: z.preprocess(blankToUndefined, z.string().min(16, 'must be at least 16 characters long').optional()),
  VIEWS_WINDOW_MINUTES: numberVar({ min: 1, max: 1440, int: true, fallback: 30 }),
  VIEWS_PER_ADDRESS_PER_HOUR: numberVar({ min: 1, int: true, fallback: 6000 }),
  VIEWS_PER_ARTICLE_PER_HOUR: numberVar({ min: 1, int: true, fallback: 30000 }),
  VIEWS_FLUSH_INTERVAL_MS: numberVar({ min: 100, max: 600_000, int: true, fallback: 5000 }),
  SEARCH_PER_CLIENT_PER_MINUTE: numberVar({ min: 1, int: true, fallback: 30 }),
  SEARCH_MAX_IN_FLIGHT: numberVar({ min: 1, max: 1000, int: true, fallback: 4 }),
  SEARCH_MAX_PER_SECOND: numberVar({ min: 1, int: true, fallback: 25 }),
  LOG_REQUESTS: z.preprocess(blankToUndefined, z.enum(['0', '1'], { error: 'must be 0 or 1' }).default('1').transform((v) => v === '1')),
  REVALIDATE_TOKEN: z.preprocess(
    blankToUndefined,
    z
      .string()
      .min(16, 'must be at least 16 characters long')
      .regex(/^\S+$/, 'must not contain spaces')
      .optional(),
  ),
  WIRE_SECRET: z.preprocess(blankToUndefined, z.string().min(16, 'must be at least 16 characters long').optional()),
  PORT: numberVar({ min: 1, max: 65535, int: true, fallback: 3000 }),
  LOG_LEVEL: z.preprocess(blankToUndefined, z.enum(['debug', 'info', 'warn', 'error'], { error: 'must be one of debug, info, warn, error' }).default('info')),
});

const KEYS = Object.keys(configSchema.shape) as (keyof Config)[];

/** Pure parser (no caching), exported for tests and scripts. Throws `ConfigError`. */
export function parseConfig(env: Env): Readonly<Config> {
  const input: Record<string, string | undefined> = {};
  for (const key of KEYS) input[key] = env[key];
  const result = configSchema.safeParse(input);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'environment');
      const raw = input[name];
      const got = raw === undefined ? '' : ` (got ${JSON.stringify(raw)})`;
      return `Invalid environment variable ${name}: ${issue.message}${got}`;
    });
    throw new ConfigError(lines.join('\n'));
  }
  return Object.freeze({ ...result.data });
}

let cached: Readonly<Config> | undefined;

/** The process-wide configuration, parsed from `process.env` on first use and frozen. */
export function getConfig(): Readonly<Config> {
  cached ??= parseConfig(process.env);
  return cached;
}

/** Tests: parse the environment again on the next getConfig(). */
export function resetConfigForTests(): void {
  cached = undefined;
}
