/**
 * Reader URLs of unpublished and deleted articles (written by db/article-writes.ts): they answer 410 Gone until
 * the article is published again. One primary-key lookup per article-shaped request.
 */
import type Database from 'better-sqlite3';
import { getDb, type Db } from './client';

const statements = new WeakMap<Db, Database.Statement<[string], unknown>>();

export function isGoneUrl(path: string, db: Db = getDb()): boolean {
  let statement = statements.get(db);
  if (!statement) {
    statement = db.$client.prepare<[string], unknown>('select 1 from gone_urls where path = ?');
    statements.set(db, statement);
  }
  return statement.get(path) !== undefined;
}
