/**
 * Tells a running portal that content changed, so that the cached pages are rendered again on their next request.
 *
 *   REVALIDATE_TOKEN=… npm run revalidate -- /fr/politique/mon-article /fr/politique /fr
 *   REVALIDATE_TOKEN=… npm run revalidate -- --tag articles
 *   REVALIDATE_TOKEN=… npm run revalidate -- --all          (every page: after a taxonomy or layout change)
 *
 * Target: SITE_URL (default http://localhost:3000), or --url. Exit status 0 on success, 1 otherwise.
 * Shared caches in front (nginx, CDN) keep their copy for at most s-maxage (300 s); purge them separately when
 * that is too long.
 */
import { parseArgs } from 'node:util';
import { requestRevalidation } from '../lib/revalidate';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    url: { type: 'string' },
    tag: { type: 'string', multiple: true, default: [] },
    all: { type: 'boolean', default: false },
  },
});

const token = process.env.REVALIDATE_TOKEN?.trim();
if (!token) {
  console.error('REVALIDATE_TOKEN is not set (it must match the server’s REVALIDATE_TOKEN)');
  process.exit(1);
}
const paths = values.all ? ['/', ...positionals] : positionals;
const tags = values.tag;
if (!paths.length && !tags.length) {
  console.error('usage: npm run revalidate -- [--url URL] [--all] [--tag TAG]… [PATH]…');
  process.exit(2);
}
const base = (values.url ?? process.env.SITE_URL ?? 'http://localhost:3000').replace(/\/+$/, '');

// ---------------------------------------------------------------- main
async function main() {
  try {
    const text = await requestRevalidation(base, token!, { ...(paths.length ? { paths } : {}), ...(tags.length ? { tags } : {}) });
    console.log(`revalidated on ${base}: ${text}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
