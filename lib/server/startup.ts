/**
 * What `next start` checks before it takes a request (called from instrumentation.ts): every environment variable
 * (lib/config.ts) and the database's schema version against the migrations this code knows. On a problem it says
 * what to do and the process exits with status 1, instead of failing later on the first request that needs it.
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError, getConfig } from '../config';
import { assertNotNewerThanCode, DatabaseNewerThanCodeError, MIGRATIONS_FOLDER } from '@/db/migrate';

export type StartupProblem = { kind: 'config' | 'database'; message: string };

/** The database's schema against the code's migrations: null when they match, else what to do. */
export function schemaProblem(path: string, migrationsFolder = MIGRATIONS_FOLDER): string | null {
  const file = resolve(path);
  if (!existsSync(file)) return `The database ${file} does not exist: run \`npm run db:migrate\` (and \`npm run db:seed\` for the demo content), then start again.`;
  const client = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const { known, applied } = assertNotNewerThanCode(client, migrationsFolder);
    if (applied < known) {
      return `The database ${file} has ${applied} of the ${known} migrations of this version of Kiosque: run \`npm run db:migrate\` (back it up first with \`npm run db:backup\`), then start again.`;
    }
    return null;
  } catch (error) {
    if (error instanceof DatabaseNewerThanCodeError) return `${error.message} Run the newer Kiosque, or restore a backup made for this version.`;
    throw error;
  } finally {
    client.close();
  }
}

/** Every problem that must stop the server (empty when it may start). */
export function startupProblems(migrationsFolder = MIGRATIONS_FOLDER): StartupProblem[] {
  let databasePath: string;
  try {
    databasePath = getConfig().DATABASE_PATH;
  } catch (error) {
    if (error instanceof ConfigError) return [{ kind: 'config', message: error.message }];
    throw error;
  }
  const problem = schemaProblem(databasePath, migrationsFolder);
  return problem ? [{ kind: 'database', message: problem }] : [];
}
