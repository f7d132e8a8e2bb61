/**
 * Imports one wire document by hand (operators, tests):
 *   npm run import:wire -- --feed NAME FILE_OR_URL [--agency KEY] [--language fr|en] [--section KEY]
 * When no feed has that name, one is created with the format detected from the content, the agency given by
 * --agency (an author of kind agency, by key; default: the agency whose key or name is the feed's name) and the
 * language given by --language (default: the document's first item's language, else `en`). The new feed has no URL
 * (it is not polled) until an administrator sets one in the newsroom. Agency statuses apply as in the server
 * (withheld/canceled/auto-publication); a running server refreshes its pages from the audit log within a minute.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { eq, or, sql } from 'drizzle-orm';
import { getDb } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { authors, authorTranslations, categories } from '../db/schema';
import { createFeed, feedByName } from '../db/wire';
import { locales, type Locale } from '../i18n/routing';
import { fetchFeed } from '../lib/wire/fetch';
import { ingestDocument } from '../lib/wire/ingest';
import { detectFormat, parseWire, primaryLanguage } from '../lib/wire/parse';
import { WireParseError } from '../lib/wire/types';

function fail(message: string): never {
  console.error(`import:wire: ${message}`);
  process.exit(1);
}

async function main() {
  const { values, positionals } = parseArgs({
    options: { feed: { type: 'string' }, agency: { type: 'string' }, language: { type: 'string' }, section: { type: 'string' } },
    allowPositionals: true,
  });
  const name = values.feed?.trim();
  const source = positionals[0];
  if (!name || !source || positionals.length > 1) fail('usage: npm run import:wire -- --feed NAME FILE_OR_URL [--agency KEY] [--language fr|en] [--section KEY]');
  const db = getDb();
  migrateDatabase(db);

  let text: string;
  if (/^https?:\/\//i.test(source)) {
    const fetched = await fetchFeed(source);
    if (fetched.kind !== 'ok') fail(fetched.kind === 'error' ? fetched.message : 'not modified');
    text = fetched.text;
  } else {
    try {
      text = readFileSync(source, 'utf8');
    } catch (error) {
      fail(`cannot read ${source}: ${(error as Error).message}`);
    }
  }

  let feed = feedByName(name);
  if (!feed) {
    let format;
    try {
      format = detectFormat(text);
    } catch (error) {
      fail(error instanceof WireParseError ? `${error.code}: ${error.message}` : String(error));
    }
    const key = values.agency ?? name;
    const agency = db
      .select({ id: authors.id, kind: authors.kind })
      .from(authors)
      .leftJoin(authorTranslations, eq(authorTranslations.authorId, authors.id))
      .where(or(eq(sql`lower(${authors.key})`, key.toLowerCase()), eq(sql`lower(${authorTranslations.name})`, key.toLowerCase())))
      .get();
    if (!agency || agency.kind !== 'agency') fail(`no agency author "${key}" (create it in the newsroom's Authors page, kind agency, or pass --agency KEY)`);
    let language = values.language;
    if (!language) {
      try {
        language = primaryLanguage(parseWire(text, format).items[0]?.language) ?? 'en';
      } catch {
        language = 'en';
      }
    }
    if (!(locales as readonly string[]).includes(language)) fail(`--language must be one of ${locales.join(', ')}`);
    const section = values.section ? db.select({ id: categories.id }).from(categories).where(eq(categories.key, values.section)).get() : undefined;
    if (values.section && !section) fail(`no section with key "${values.section}"`);
    createFeed(null, {
      name,
      agencyId: agency.id,
      url: '',
      format,
      pollIntervalSeconds: 300,
      language: language as Locale,
      defaultCategoryId: section?.id ?? null,
      autoPublishCategoryId: null,
      autoPublishGenre: null,
      enabled: true,
    });
    feed = feedByName(name)!;
    console.log(`created feed "${name}" (${format}, ${language})`);
  }
  try {
    const r = await ingestDocument(feed, text);
    console.log(
      JSON.stringify({ feed: name, created: r.created, updated: r.updated, ignored: r.ignored, skipped: r.skipped, unpublished: r.effects.unpublished.length, deleted: r.effects.deleted.length, published: r.effects.published.length }),
    );
  } catch (error) {
    fail(error instanceof WireParseError ? `${error.code}: ${error.message}` : String(error));
  }
}

void main();
