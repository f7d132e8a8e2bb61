/**
 * Imports a WordPress export (Tools → Export → All content):
 *   npm run import:wordpress -- [--uploads DIR] [--dry-run] EXPORT.xml
 * DIR is the old site's wp-content/uploads folder (photos go through the media pipeline; missing ones are reported).
 * Re-runnable: posts already imported are updated when they changed, never duplicated.
 */
import { parseArgs } from 'node:util';
import { getDb } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { importWordpress, WxrError } from '../lib/wordpress/import';
import { requestRevalidation } from '../lib/revalidate';

/**
 * A portal already running on this database keeps its cached pages (front, sections, feeds, sitemaps) until they
 * expire: with REVALIDATE_TOKEN set, the import asks it to render every page again; otherwise it says how.
 */
async function refreshPortal() {
  const token = process.env.REVALIDATE_TOKEN?.trim();
  const base = process.env.SITE_URL ?? 'http://localhost:3000';
  if (!token) {
    console.error('import:wordpress: if the portal is running, refresh its pages: REVALIDATE_TOKEN=… npm run revalidate -- --all');
    return;
  }
  try {
    await requestRevalidation(base, token, { paths: ['/'] });
    console.error(`import:wordpress: ${base} refreshed every page`);
  } catch (error) {
    console.error(`import:wordpress: the import is complete, but ${base} could not be refreshed (${error instanceof Error ? error.message : error}); run npm run revalidate -- --all`);
  }
}

async function main() {
  const { values, positionals } = parseArgs({ options: { uploads: { type: 'string' }, 'dry-run': { type: 'boolean' } }, allowPositionals: true });
  if (positionals.length !== 1) {
    console.error('usage: npm run import:wordpress -- [--uploads DIR] [--dry-run] EXPORT.xml');
    process.exit(2);
  }
  const db = getDb();
  migrateDatabase(db);
  const started = Date.now();
  try {
    const report = await importWordpress(positionals[0]!, { uploads: values.uploads, dryRun: values['dry-run'], db });
    console.log(JSON.stringify({ ...report, dryRun: !!values['dry-run'], seconds: (Date.now() - started) / 1000, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }, null, 2));
    if (!values['dry-run'] && report.imported + report.updated > 0) await refreshPortal();
  } catch (error) {
    if (error instanceof WxrError) {
      console.error(`import:wordpress: ${error.message} (nothing was imported from this file)`);
      process.exit(1);
    }
    throw error;
  }
}

void main();
