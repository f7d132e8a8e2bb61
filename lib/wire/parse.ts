/**
 * One fetched or pushed wire document → items. Formats: RSS 2.0 and Atom (feedsmith, a maintained parser), IPTC
 * ninjs 1.x–3.x (JSON: one object, an array, or `{ items: [...] }`). Bounded: the document's size, the item count
 * and each body are capped; XML with a DTD (`<!DOCTYPE`, `<!ENTITY`: entity expansion, external entities) is
 * refused before any parser sees it.
 */
import { createHash } from 'node:crypto';
import { XMLValidator } from 'fast-xml-parser';
import { parseFeed } from 'feedsmith';
import { ZodError } from 'zod';
import { htmlToMarkdown, htmlToText, textToMarkdown } from './html-to-markdown';
import { readNinjs } from './ninjs';
import { WireParseError, withLazyBody, type ParsedWire, type WireFormat, type WireItemInput } from './types';

/** Largest document accepted (the fetcher stops reading at the same size). */
export const WIRE_DOCUMENT_MAX = 10 * 1024 * 1024;
export const WIRE_ITEMS_MAX = 5_000;

/** The format a document is in, from its first characters (JSON → ninjs; XML root `<rss>` / `<feed>`). */
export function detectFormat(text: string): WireFormat {
  const start = text.slice(0, 64).replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return 'ninjs';
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new WireParseError('dtd_refused', 'XML with a DTD is refused');
  const head = text.slice(0, 65_536).replace(/<!--[\s\S]*?-->/g, '');
  const root = /<(?!\?|!)([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/.exec(head)?.[2]?.toLowerCase();
  if (root === 'rss') return 'rss';
  if (root === 'feed') return 'atom';
  throw new WireParseError('unknown_format', 'not RSS 2.0, Atom or ninjs');
}

function date(value: unknown): Date | null {
  if (typeof value !== 'string' || !value.trim()) return null;
  const d = new Date(value.trim());
  return Number.isNaN(d.getTime()) ? null : d;
}

function hashIdentity(title: string, when: string): string {
  return 'sha256:' + createHash('sha256').update(`${title}\n${when}`).digest('hex').slice(0, 32);
}

function looksLikeHtml(s: string): boolean {
  return /<\/?[a-z][\s\S]*>/i.test(s);
}

function bodyOf(s: string): string {
  return looksLikeHtml(s) ? htmlToMarkdown(s) : textToMarkdown(s);
}

function safeLink(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  try {
    const u = new URL(value.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : null;
  } catch {
    return null;
  }
}

type Item = Record<string, unknown>;
const rec = (v: unknown): Item => (typeof v === 'object' && v !== null ? (v as Item) : {});
const text = (v: unknown): string => (typeof v === 'string' ? v : typeof rec(v).value === 'string' ? (rec(v).value as string) : '');

function fromRss(items: Item[], language: string | null): { items: WireItemInput[]; skipped: number } {
  const out: WireItemInput[] = [];
  let skipped = 0;
  for (const item of items) {
    try {
      const headline = htmlToText(text(item.title));
      const link = safeLink(item.link);
      const pubDate = typeof item.pubDate === 'string' ? item.pubDate : '';
      const guidValue = text(item.guid).trim();
      const guid = guidValue || link || (headline ? hashIdentity(headline, pubDate) : '');
      const encoded = text(rec(item.content).encoded);
      const description = text(item.description);
      if (!guid || !headline) {
        skipped++;
        continue;
      }
      const dc = rec(item.dc);
      const source = encoded || description;
      out.push(
        withLazyBody(
          {
            guid: guid.slice(0, 1000),
            version: null,
            versionAt: date(pubDate) ?? date(dc.date),
            firstCreatedAt: date(pubDate),
            status: 'usable',
            embargoUntil: null,
            expiresAt: null,
            edNote: '',
            language: typeof dc.language === 'string' ? dc.language : language,
            headline: headline.slice(0, 1000),
            standfirst: encoded ? htmlToText(description).slice(0, 2000) : '',
            link,
            byline: htmlToText(typeof item.author === 'string' ? item.author : typeof dc.creator === 'string' ? dc.creator : '').slice(0, 200),
            correction: false,
          },
          source,
          () => bodyOf(source),
        ),
      );
    } catch {
      skipped++;
    }
  }
  return { items: out, skipped };
}

function fromAtom(entries: Item[], language: string | null): { items: WireItemInput[]; skipped: number } {
  const out: WireItemInput[] = [];
  let skipped = 0;
  for (const entry of entries) {
    try {
      const title = rec(entry.title);
      const headline = htmlToText(text(entry.title)).slice(0, 1000);
      const links = Array.isArray(entry.links) ? (entry.links as Item[]) : [];
      const alternate = links.find((l) => !l.rel || l.rel === 'alternate') ?? links[0];
      const link = safeLink(alternate?.href);
      const updated = typeof entry.updated === 'string' ? entry.updated : '';
      const id = typeof entry.id === 'string' ? entry.id.trim() : '';
      const guid = id || link || (headline ? hashIdentity(headline, updated) : '');
      if (!guid || !headline || title.type === 'xhtml' && !headline) {
        skipped++;
        continue;
      }
      const content = rec(entry.content);
      const summary = rec(entry.summary);
      const bodySource = text(content) || text(summary);
      const bodyType = text(content) ? content.type : summary.type;
      const authors = Array.isArray(entry.authors) ? (entry.authors as Item[]).map((a) => text(a.name)).filter(Boolean) : [];
      out.push(
        withLazyBody(
          {
            guid: guid.slice(0, 1000),
            version: null,
            versionAt: date(updated) ?? date(entry.published),
            firstCreatedAt: date(entry.published),
            status: 'usable',
            embargoUntil: null,
            expiresAt: null,
            edNote: '',
            language,
            headline,
            standfirst: text(content) ? htmlToText(text(summary)).slice(0, 2000) : '',
            link,
            byline: authors.join(', ').slice(0, 200),
            correction: false,
          },
          [bodyType, bodySource],
          () => (bodyType === 'html' || bodyType === 'xhtml' ? htmlToMarkdown(bodySource) : bodyType === 'text' ? textToMarkdown(bodySource) : bodyOf(bodySource)),
        ),
      );
    } catch {
      skipped++;
    }
  }
  return { items: out, skipped };
}

/** Parses a whole document; throws WireParseError when it is unusable as a whole. */
export function parseWire(input: string, expected?: WireFormat): ParsedWire {
  if (input.length > WIRE_DOCUMENT_MAX) throw new WireParseError('too_large', `document larger than ${WIRE_DOCUMENT_MAX} bytes`);
  const doc = input.replace(/^\uFEFF/, '');
  const format = detectFormat(doc);
  if (expected && expected !== format) throw new WireParseError('malformed', `expected ${expected}, got ${format}`);
  if (format === 'ninjs') {
    let json: unknown;
    try {
      json = JSON.parse(doc);
    } catch {
      throw new WireParseError('malformed', 'invalid JSON');
    }
    const list = Array.isArray(json) ? json : Array.isArray(rec(json).items) ? (rec(json).items as unknown[]) : [json];
    if (list.length > WIRE_ITEMS_MAX) throw new WireParseError('too_many_items');
    const items: WireItemInput[] = [];
    let skipped = 0;
    let firstError: unknown = null;
    for (const raw of list) {
      try {
        const item = readNinjs(raw);
        if (!item.headline && item.status === 'usable') {
          skipped++;
          continue;
        }
        items.push(item);
      } catch (error) {
        firstError ??= error;
        skipped++;
      }
    }
    if (!items.length && firstError) {
      throw new WireParseError('invalid_ninjs', firstError instanceof ZodError ? firstError.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') : String(firstError));
    }
    return { format, items, skipped };
  }
  // The whole document, not only its head: a DTD may follow a long comment.
  if (/<!DOCTYPE|<!ENTITY/i.test(doc)) throw new WireParseError('dtd_refused', 'XML with a DTD is refused');
  // feedsmith (fast-xml-parser) is lenient with truncated documents: check well-formedness first.
  const valid = XMLValidator.validate(doc);
  if (valid !== true) throw new WireParseError('malformed', `malformed XML: ${valid.err.msg} (line ${valid.err.line})`.slice(0, 200));
  let parsed: ReturnType<typeof parseFeed>;
  try {
    parsed = parseFeed(doc);
  } catch (error) {
    throw new WireParseError('malformed', error instanceof Error ? error.message.slice(0, 200) : 'malformed XML');
  }
  if (parsed.format === 'rss') {
    const feed = rec(parsed.feed);
    const items = Array.isArray(feed.items) ? (feed.items as Item[]) : [];
    if (items.length > WIRE_ITEMS_MAX) throw new WireParseError('too_many_items');
    return { format: 'rss', ...fromRss(items, typeof feed.language === 'string' ? feed.language : null) };
  }
  if (parsed.format === 'atom') {
    const feed = rec(parsed.feed);
    const entries = Array.isArray(feed.entries) ? (feed.entries as Item[]) : [];
    if (entries.length > WIRE_ITEMS_MAX) throw new WireParseError('too_many_items');
    return { format: 'atom', ...fromAtom(entries, null) };
  }
  throw new WireParseError('unknown_format', `unsupported feed format ${parsed.format}`);
}

/** The language part of a BCP 47 tag (`fr-FR` → `fr`), lowercased; null when absent. */
export function primaryLanguage(tag: string | null | undefined): string | null {
  const m = /^([a-z]{2,3})\b/i.exec(tag?.trim() ?? '');
  return m ? m[1]!.toLowerCase() : null;
}
