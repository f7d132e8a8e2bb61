/**
 * Client IPs never reach the database or the logs in clear: the view path (rate limiting, de-duplication)
 * works on `hashClientIp(ip, date)`, an HMAC of the address keyed by a salt that changes every site day.
 *
 * The salt is derived from a server secret (IP_HASH_SECRET, or random per process when unset) and the day, so
 *  - the same reader gives the same hash all day (enough to count one view per reader and day, or to rate-limit);
 *  - hashes of two different days cannot be linked, and yesterday's hashes are worthless today;
 *  - without the secret, nobody can recompute the hash of a given address (the IPv4 space is small enough to
 *    enumerate, so an unkeyed hash, even salted with a known date, would be reversible).
 * With the random per-process default, a restart changes the salt: at worst a reader is counted twice that day.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { getConfig } from './config';
import { siteDay } from './format';

let processSecret: Buffer | undefined;

function defaultSecret(): Buffer {
  const fromEnv = getConfig().IP_HASH_SECRET;
  processSecret ??= fromEnv ? Buffer.from(fromEnv, 'utf8') : randomBytes(32);
  return processSecret;
}

/** `::ffff:1.2.3.4` and `1.2.3.4` are the same client; IPv6 is compared lowercase; junk stays as given. */
export function normalizeIp(ip: string): string {
  const trimmed = ip.trim().toLowerCase();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(trimmed);
  if (mapped && isIP(mapped[1]!) === 4) return mapped[1]!;
  return trimmed;
}

/** The eight 16-bit groups of an IPv6 address (no zone, no embedded IPv4 tail), or null. */
function ipv6Groups(ip: string): number[] | null {
  let text = ip.split('%')[0]!;
  const v4 = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail].map((g) => (/^[0-9a-f]{1,4}$/.test(g) ? parseInt(g, 16) : NaN));
  return groups.some(Number.isNaN) ? null : groups;
}

/**
 * The part of an address that names one subscriber: an IPv4 address as is; for IPv6 its /64 prefix
 * (`2001:db8:1:2::/64`), because one phone or one home gets a whole /64 and picks a fresh random address in it
 * every few hours (privacy extensions): keyed by the full address, one reader would be many, and one client could
 * dodge the per-address ceiling by rotating through its 2^64 addresses.
 */
export function subscriberKey(ip: string): string {
  const normalized = normalizeIp(ip);
  if (isIP(normalized) !== 6) return normalized;
  const groups = ipv6Groups(normalized);
  if (!groups) return normalized;
  return `${groups.slice(0, 4).map((g) => g.toString(16)).join(':')}::/64`;
}

/** The salt of one site day (Africa/Douala calendar day, as for the daily view counts). */
export function dailySalt(date: Date, secret: Buffer | string = defaultSecret()): Buffer {
  return createHmac('sha256', secret).update(`kiosque-ip-salt:${siteDay(date)}`).digest();
}

/**
 * 32 hex characters (128 bits) identifying a subscriber (an IPv4 address, an IPv6 /64) for one day, not reversible
 * without the secret. `extra` parts (user agent, article…) are hashed with it, each length-prefixed so that two
 * different tuples never hash alike.
 */
export function hashClientIp(ip: string, date: Date, secret: Buffer | string = defaultSecret(), ...extra: string[]): string {
  const mac = createHmac('sha256', cachedDailySalt(date, secret)).update(subscriberKey(ip));
  for (const part of extra) mac.update(`\u0000${part.length}:${part}`);
  return mac.digest('hex').slice(0, 32);
}

/** Salts are the same all day: computing one per beacon costs an HMAC for nothing. */
let saltCache: { day: string; secret: Buffer | string; salt: Buffer } | undefined;
export function cachedDailySalt(date: Date, secret: Buffer | string = defaultSecret()): Buffer {
  const day = siteDay(date);
  if (!saltCache || saltCache.day !== day || saltCache.secret !== secret) saltCache = { day, secret, salt: dailySalt(date, secret) };
  return saltCache.salt;
}
