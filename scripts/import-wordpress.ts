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
  } catch (error) {
    if (error instanceof WxrError) {
      console.error(`import:wordpress: ${error.message} (nothing was imported from this file)`);
      process.exit(1);
    }
    throw error;
  }
}

void main();
