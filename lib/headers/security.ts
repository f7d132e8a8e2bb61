import type { NextConfig } from 'next';
import { baseCsp } from './csp';

type HeaderRules = Awaited<ReturnType<NonNullable<NextConfig['headers']>>>;

/** HTTPS deployments (SITE_URL starts with https:) get HSTS and `upgrade-insecure-requests`. */
export function isHttpsSite(siteUrl = process.env.SITE_URL ?? ''): boolean {
  return /^https:\/\//i.test(siteUrl.trim());
}

/**
 * Security headers for every response (pages, 404s, API routes, /_next/static and /media files), and
 * Cross-Origin-Opener-Policy for the newsroom.
 *
 * The Content-Security-Policy set here is the base policy: it allows no inline script at all. HTML responses
 * leave the server with the hashes of their own framework inline scripts appended (see lib/headers/csp.ts and
 * lib/server/response-hooks.ts); this keeps static and ISR pages cacheable, which nonces would not.
 *
 * Strict-Transport-Security is only sent when SITE_URL is https: sending it from a plain-http deployment
 * (a LAN, a test box) is ignored by browsers at best and pins a hostname that has no certificate at worst.
 */
export function securityHeaders(env: { SITE_URL?: string; NODE_ENV?: string } = process.env): HeaderRules {
  const https = isHttpsSite(env.SITE_URL);
  const headers = [
    { key: 'Content-Security-Policy', value: baseCsp({ https, dev: env.NODE_ENV === 'development' }) },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    {
      key: 'Permissions-Policy',
      value:
        'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=(), display-capture=(), fullscreen=(self "https://www.youtube-nocookie.com" "https://www.dailymotion.com" "https://www.facebook.com")',
    },
    { key: 'X-DNS-Prefetch-Control', value: 'off' },
  ];
  if (https) headers.push({ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' });
  return [
    { source: '/:path*', headers },
    // The newsroom only. There a window of another origin must never hold a reference to a signed-in page. Reader
    // pages are public and cookie-less: nothing there for COOP to protect, and it made every arrival from another
    // site a browsing-context-group switch. Lighthouse mobile on the article: 92–96 with it, 99–100 without (the
    // same HTML and other headers, 3 runs each, 2026-12-01; BENCHMARKS.md).
    { source: '/newsroom/:path*', headers: [{ key: 'Cross-Origin-Opener-Policy', value: 'same-origin' }] },
  ];
}
