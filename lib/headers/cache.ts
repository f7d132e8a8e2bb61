import type { NextConfig } from 'next';

type HeaderRules = Awaited<ReturnType<NonNullable<NextConfig['headers']>>>;

/** Cache-Control rules that CDNs and the shipped nginx cache can use (filled in by the performance work). */
export function cacheHeaders(): HeaderRules {
  return [];
}
