/**
 * Database chores on DATABASE_PATH (default data/kiosque.db):
 *   migrate  apply pending migrations
 *   seed     migrate, then seed the demo newsroom when the database has no articles (idempotent);
 *            run before `next build`, since prerendering reads the database
 * Both end with ANALYZE (the query planner's statistics).
 */
import { openDatabase } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { seedDemo } from '../db/seed';
import { seedPhotos } from '../db/seed/photos';

const command = process.argv[2];
const path = process.env.DATABASE_PATH || 'data/kiosque.db';

if (command !== 'migrate' && command !== 'seed') {
  console.error('usage: tsx scripts/db.ts migrate|seed');
  process.exit(2);
}
const db = openDatabase(path);
async function main() {
  const { applied } = migrateDatabase(db);
  let seeded = '';
  if (command === 'seed') {
    const result = seedDemo(db);
    seeded = result.skipped ? '; already has content, nothing seeded' : `; seeded ${result.articles} article versions`;
    // The demo's photos go through the upload pipeline (a few seconds). SEED_PHOTOS=0 keeps the SVG illustrations
    // only (the e2e database: its page checks predate the photo library).
    if (!result.skipped && process.env.SEED_PHOTOS !== '0') seeded += `, ${await seedPhotos(db)} photos processed`;
  }
  // Fresh planner statistics: without them SQLite looks articles up by rowid and reads the visibility columns
  // from the row, past the body's overflow pages, instead of the covering index articles_visibility (a topic
  // page at 100,000 articles: 179 ms against 12 ms). Sampled (analysis_limit), so it stays quick on a big archive.
  db.$client.pragma('analysis_limit = 1000');
  db.$client.exec('ANALYZE');
  console.log(`database ${path}: ${applied} migration(s) applied${seeded}; statistics refreshed`);
}
main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => db.$client.close());
