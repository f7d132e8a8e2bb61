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

const command = process.argv[2];
const path = process.env.DATABASE_PATH || 'data/kiosque.db';

if (command !== 'migrate' && command !== 'seed') {
  console.error('usage: tsx scripts/db.ts migrate|seed');
  process.exit(2);
}
const db = openDatabase(path);
try {
  const { applied } = migrateDatabase(db);
  let seeded = '';
  if (command === 'seed') {
    const result = seedDemo(db);
    seeded = result.skipped ? '; already has content, nothing seeded' : `; seeded ${result.articles} article versions`;
  }
  // Fresh planner statistics: without them SQLite looks articles up by rowid and reads the visibility columns
  // from the row, past the body's overflow pages, instead of the covering index articles_visibility (a topic
  // page at 100,000 articles: 179 ms against 12 ms). Sampled (analysis_limit), so it stays quick on a big archive.
  db.$client.pragma('analysis_limit = 1000');
  db.$client.exec('ANALYZE');
  console.log(`database ${path}: ${applied} migration(s) applied${seeded}; statistics refreshed`);
} finally {
  db.$client.close();
}
