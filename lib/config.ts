/**
 * Server configuration, read once from the environment and validated with zod.
 *
 * Every variable has a safe default, so `next build && next start` works with an empty environment. An empty
 * (or whitespace-only) variable counts as unset. An invalid value throws a `ConfigError` whose message names
 * the variable, e.g. `Invalid environment variable WEATHER_LATITUDE: must be ≤ 90 (got "123")`.
 */
import { z } from 'zod';

export const SITE_TIME_ZONE = 'Africa/Douala';
export const SITE_NAME = 'Kiosque';

export interface Config {
  /** SQLite database file (relative paths are resolved by the db client from the working directory). */
  readonly DATABASE_PATH: string;
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
  /** How long a good weather reading is fresh, ≥ 600 s. */
  readonly WEATHER_CACHE_SECONDS: number;
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
  WEATHER_CACHE_SECONDS: numberVar({ min: 600, int: true, fallback: 600 }),
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
