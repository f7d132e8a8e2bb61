/**
 * Which hops may tell us the reader's address. The TCP peer is who connected; X-Forwarded-For entries are only
 * believed hop by hop, from the right, while the hop that added them is trusted (`TRUSTED_PROXIES`). The walk is
 * proxy-addr's (the library Express uses), so the rules are the well-known ones:
 *   peer 127.0.0.1, X-Forwarded-For "6.6.6.6, 41.202.1.2, 172.64.1.1" with TRUSTED_PROXIES=loopback,cloudflare
 *   → 172.64.1.1 is Cloudflare (trusted), 41.202.1.2 is not: the reader is 41.202.1.2; 6.6.6.6 is whatever the
 *   reader's device claimed and is ignored.
 *
 * TRUSTED_PROXIES is a comma-separated list of addresses, CIDR ranges and preset names:
 *   loopback (127.0.0.1/8, ::1 — the default: nginx on the same host), linklocal, uniquelocal (private networks:
 *   a load balancer in the same LAN), cloudflare and fastly (their published ranges, below), none (trust nobody:
 *   the server faces the Internet directly).
 */
import proxyaddr from 'proxy-addr';

/*
 * Measured (Node 20, this machine, 500,000 calls): proxy-addr 3.4–3.8 µs a beacon behind nginx on loopback, 7.4–7.7 µs
 * behind Cloudflare + nginx, against 0.2–0.8 µs for the hand-written "last entry from a loopback peer" it replaces,
 * which could not walk more than one trusted hop nor match a CIDR range. A beacon costs ~34 µs in all: kept.
 */

/**
 * Cloudflare's published edge ranges (https://www.cloudflare.com/ips-v4 and ips-v6, as listed in 2026). They
 * change rarely; when they do, list the new ranges in TRUSTED_PROXIES next to the preset.
 */
export const CLOUDFLARE_RANGES: readonly string[] = [
  '173.245.48.0/20',
  '103.21.244.0/22',
  '103.22.200.0/22',
  '103.31.4.0/22',
  '141.101.64.0/18',
  '108.162.192.0/18',
  '190.93.240.0/20',
  '188.114.96.0/20',
  '197.234.240.0/22',
  '198.41.128.0/17',
  '162.158.0.0/15',
  '104.16.0.0/13',
  '104.24.0.0/14',
  '172.64.0.0/13',
  '131.0.72.0/22',
  '2400:cb00::/32',
  '2606:4700::/32',
  '2803:f800::/32',
  '2405:b500::/32',
  '2405:8100::/32',
  '2a06:98c0::/29',
  '2c0f:f248::/32',
];

/**
 * Fastly's published ranges (https://api.fastly.com/public-ip-list, as listed in 2026): the same caveat applies.
 */
export const FASTLY_RANGES: readonly string[] = [
  '23.235.32.0/20',
  '43.249.72.0/22',
  '103.244.50.0/24',
  '103.245.222.0/23',
  '103.245.224.0/24',
  '104.156.80.0/20',
  '140.248.64.0/18',
  '140.248.128.0/17',
  '146.75.0.0/17',
  '151.101.0.0/16',
  '157.52.64.0/18',
  '167.82.0.0/17',
  '167.82.128.0/20',
  '167.82.160.0/20',
  '167.82.224.0/20',
  '172.111.64.0/18',
  '185.31.16.0/22',
  '199.27.72.0/21',
  '199.232.0.0/16',
  '2a04:4e40::/32',
  '2a04:4e42::/32',
];

/** Presets of our own, on top of proxy-addr's loopback, linklocal and uniquelocal. */
const PRESETS: Record<string, readonly string[]> = { cloudflare: CLOUDFLARE_RANGES, fastly: FASTLY_RANGES };

export type TrustFn = (address: string, hop: number) => boolean;

const trustNobody: TrustFn = () => false;

/**
 * The trust function of a TRUSTED_PROXIES value. Throws (naming the bad entry) on anything that is not an
 * address, a CIDR range or a preset, so that config validation can refuse to start.
 */
export function compileTrustedProxies(value: string): TrustFn {
  const entries = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (entries.length === 1 && entries[0]!.toLowerCase() === 'none') return trustNobody;
  const expanded: string[] = [];
  for (const entry of entries) {
    const preset = PRESETS[entry.toLowerCase()];
    if (preset) expanded.push(...preset);
    else if (['loopback', 'linklocal', 'uniquelocal'].includes(entry.toLowerCase())) expanded.push(entry.toLowerCase());
    else {
      try {
        proxyaddr.compile(entry);
      } catch {
        throw new Error(`"${entry}" is not an IP address, a CIDR range or one of loopback, linklocal, uniquelocal, cloudflare, fastly, none`);
      }
      expanded.push(entry);
    }
  }
  if (!expanded.length) return trustNobody;
  return proxyaddr.compile(expanded);
}

/**
 * The reader's address: the nearest hop that is not a trusted proxy. `peer` is the TCP peer (lib/peer-address.ts);
 * when it is unknown (dev server, unit tests), the last X-Forwarded-For entry stands for it, which is what Next
 * itself puts there for a request that carried none.
 */
export function clientAddress(peer: string | null | undefined, forwardedFor: string | null | undefined, trust: TrustFn): string {
  const forwarded = (forwardedFor ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  let remote = peer?.trim() || undefined;
  if (!remote) remote = forwarded.pop();
  if (!remote) return 'unknown';
  const req = {
    headers: forwarded.length ? { 'x-forwarded-for': forwarded.join(', ') } : {},
    connection: { remoteAddress: remote },
    socket: { remoteAddress: remote },
  };
  return proxyaddr(req as unknown as Parameters<typeof proxyaddr>[0], trust);
}
