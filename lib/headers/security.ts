import type { NextConfig } from 'next';

type HeaderRules = Awaited<ReturnType<NonNullable<NextConfig['headers']>>>;

/** Security headers for every response (filled in by the hardening work). */
export function securityHeaders(): HeaderRules {
  return [];
}
