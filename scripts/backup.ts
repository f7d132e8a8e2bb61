/**
 * npm run db:backup [-- DEST]    online copy of DATABASE_PATH (default data/kiosque.db) to DEST
 *                                (default data/backups/kiosque-<UTC stamp>.db); safe while the portal runs
 * npm run db:restore -- FILE     checks FILE (integrity, Kiosque schema, not newer than this code), then
 *                                replaces DATABASE_PATH atomically, keeping the previous file as <db>.bak;
 *                                stop the portal first (a database still in use is refused)
 * Prints one JSON line; exit status 0 on success, 1 on failure.
 */
import { BackupError, backupDatabase, restoreDatabase } from '../db/backup';
import { DatabaseNewerThanCodeError } from '../db/migrate';
import { log } from '../lib/log';

const [command, file] = process.argv.slice(2);
const database = process.env.DATABASE_PATH || 'data/kiosque.db';

async function main() {
  if (command === 'backup') {
    const started = Date.now();
    const result = await backupDatabase(database, file);
    log.info('db_backup_done', { database, ...result, ms: Date.now() - started });
  } else if (command === 'restore' && file) {
    const result = await restoreDatabase(file, database);
    log.info('db_restore_done', { database, from: file, previous: result.previous });
  } else {
    console.error('usage: npm run db:backup [-- DEST] | npm run db:restore -- FILE');
    process.exit(2);
  }
}

main().catch((error: unknown) => {
  const known = error instanceof BackupError || error instanceof DatabaseNewerThanCodeError;
  log.error(`db_${command}_failed`, { database, error: known ? (error as Error).message : error });
  process.exit(1);
});
