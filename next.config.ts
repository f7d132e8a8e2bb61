import { join } from 'node:path';
import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { fixedPaths, locales } from './i18n/routing';
import { cacheHeaders, newsroomHeaders, READER_EXPIRE_SECONDS } from './lib/headers/cache';
import { securityHeaders } from './lib/headers/security';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

/**
 * Fixed pages live under their English name in app/[locale]/. Localized names are rewritten onto them here
 * (cheap, no proxy on the request), and an internal name used under the wrong locale redirects to the right one.
 */
function localizedFixedPaths() {
  const rewrites = [];
  const redirects = [];
  for (const [internal, byLocale] of Object.entries(fixedPaths)) {
    for (const locale of locales) {
      const publicName = byLocale[locale];
      if (publicName === internal) continue;
      // `/:rest*` also matches nothing: one rule serves `/fr/sujets` and `/fr/sujets/x/page/2` (every rule is
      // tried on every request, so fewer rules is measurably faster).
      rewrites.push({ source: `/${locale}/${publicName}/:rest*`, destination: `/${locale}/${internal}/:rest*` });
      redirects.push({ source: `/${locale}/${internal}/:rest*`, destination: `/${locale}/${publicName}/:rest*`, permanent: true });
    }
  }
  return { rewrites, redirects };
}

const { rewrites, redirects } = localizedFixedPaths();

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: ['better-sqlite3', '@node-rs/argon2'],
  // forbidden() / forbidden.tsx: the newsroom answers 403 to an action a role may not do.
  experimental: { authInterrupts: true },
  // Horizon of stale-while-revalidate in Next's own Cache-Control on ISR responses (see lib/headers/cache.ts).
  expireTime: READER_EXPIRE_SECONDS,
  // Next's ISR cache, except that a 404 at a new path stays in memory: made-up URLs leave no files on disk.
  cacheHandler: join(process.cwd(), 'lib/server/isr-cache-handler.mjs'),
  async rewrites() {
    return { beforeFiles: rewrites, afterFiles: [], fallback: [] };
  },
  async redirects() {
    return redirects;
  },
  async headers() {
    return [...securityHeaders(), ...cacheHeaders(), ...newsroomHeaders()];
  },
};

export default withNextIntl(nextConfig);
