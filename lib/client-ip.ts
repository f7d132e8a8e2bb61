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
import { siteDay } from './format';

let processSecret: Buffer | undefined;

function defaultSecret(): Buffer {
  const fromEnv = process.env.IP_HASH_SECRET?.trim();
  processSecret ??= fromEnv && fromEnv.length >= 16 ? Buffer.from(fromEnv, 'utf8') : randomBytes(32);
  return processSecret;
}

/** `::ffff:1.2.3.4` and `1.2.3.4` are the same client; IPv6 is compared lowercase; junk stays as given. */
export function normalizeIp(ip: string): string {
  const trimmed = ip.trim().toLowerCase();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(trimmed);
  if (mapped && isIP(mapped[1]!) === 4) return mapped[1]!;
  return trimmed;
}

/** The salt of one site day (Africa/Douala calendar day, as for the daily view counts). */
export function dailySalt(date: Date, secret: Buffer | string = defaultSecret()): Buffer {
  return createHmac('sha256', secret).update(`kiosque-ip-salt:${siteDay(date)}`).digest();
}

/** 32 hex characters (128 bits) identifying a client for one day, not reversible without the secret. */
export function hashClientIp(ip: string, date: Date, secret: Buffer | string = defaultSecret()): string {
  return createHmac('sha256', dailySalt(date, secret)).update(normalizeIp(ip)).digest('hex').slice(0, 32);
}
