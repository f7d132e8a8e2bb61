import { createHash } from 'node:crypto';

/** What every wire format is turned into: one agency item at one version. Pure data, no database. */
export const wireFormats = ['rss', 'atom', 'ninjs'] as const;
export type WireFormat = (typeof wireFormats)[number];

export const agencyStatuses = ['usable', 'withheld', 'canceled'] as const;
export type AgencyStatus = (typeof agencyStatuses)[number];

export interface WireItemInput {
  /** The agency's identifier of the item (all versions share it): guid, else link, else a hash of title and date. */
  guid: string;
  /** The agency's version number when it gives one (ninjs `version`). */
  version: number | null;
  /** When this version was made (ninjs versioncreated, Atom updated, RSS pubDate). */
  versionAt: Date | null;
  firstCreatedAt: Date | null;
  status: AgencyStatus;
  embargoUntil: Date | null;
  expiresAt: Date | null;
  /** Editorial note for the receiving newsroom: kept private, never in the body. */
  edNote: string;
  /** BCP 47 tag as sent (`en`, `fr-FR`), or null. */
  language: string | null;
  headline: string;
  standfirst: string;
  /** Markdown (converted from the agency's HTML or text). */
  body: string;
  link: string | null;
  byline: string;
  /** The agency marks this version as a correction. */
  correction: boolean;
  /**
   * Hash of what the agency sent for this version (before conversion): a repeat is recognised without converting
   * its body again (the parsers convert bodies lazily, on first read of `body`).
   */
  sourceHash?: string;
}

/** An item whose Markdown body is converted on first read (repeats, the common case when polling, never are). */
export function withLazyBody(item: Omit<WireItemInput, 'body' | 'sourceHash'>, source: unknown, convert: () => string): WireItemInput {
  let body: string | undefined;
  const sourceHash = createHash('sha256')
    .update(JSON.stringify([item.status, item.embargoUntil?.getTime() ?? null, item.expiresAt?.getTime() ?? null, item.headline, item.standfirst, item.edNote, item.link, item.byline, item.correction, source]))
    .digest('hex');
  const out = { ...item, sourceHash } as WireItemInput;
  Object.defineProperty(out, 'body', { get: () => (body ??= convert()), enumerable: true, configurable: true });
  return out;
}

export interface ParsedWire {
  format: WireFormat;
  items: WireItemInput[];
  /** Entries that could not be read (missing headline, oversized body…): counted, not fatal for the others. */
  skipped: number;
}

export class WireParseError extends Error {
  constructor(
    public readonly code: 'too_large' | 'dtd_refused' | 'malformed' | 'unknown_format' | 'invalid_ninjs' | 'too_many_items',
    message: string = code,
  ) {
    super(message);
    this.name = 'WireParseError';
  }
}
