/**
 * IPTC ninjs (News in JSON) 1.x, 2.x and 3.x, validated with zod schemas written from IPTC's JSON schemas
 * (iptc.org/std/ninjs/ninjs-schema_1.4.json, _2.x.json, _3.x.json). Only the properties the wire desk reads are
 * declared; the others pass through unread. The three series name things differently:
 *  - 1.x: `headline`, `body_html` / `body_text`, `description_html` / `description_text`, `pubstatus`, `embargoed`,
 *    `versioncreated`, `firstcreated`, `ednote`, `expires` (1.4), `by`;
 *  - 2.x: arrays `headlines[]`, `descriptions[]`, `bodies[]` of `{ role, contenttype, value }`; `pubstatus`,
 *    `versioncreated`, `firstcreated`, `contentcreated`, `ednote`, `expires`;
 *  - 3.x: camelCase: `pubStatus`, `versionCreated`, `firstCreated`, `contentCreated`, `edNote`, and `contentType`
 *    inside `headlines[]` / `bodies[]` / `descriptions[]`; a `standard: { name, version }` object.
 * `uri` (the item's identity across versions) is the one required property in every version.
 */
import { z } from 'zod';
import { htmlToMarkdown, htmlToText, textToMarkdown } from './html-to-markdown';
import { withLazyBody, type AgencyStatus, type WireItemInput } from './types';

const str = z.string().max(2_000_000);
const shortStr = z.string().max(10_000);
const pubStatus = z.enum(['usable', 'withheld', 'canceled']);
const byline = z.union([shortStr, z.array(z.looseObject({ name: shortStr.optional() })).max(50)]);
const version = z.union([shortStr, z.number()]);

const ninjs1 = z.looseObject({
  uri: shortStr.min(1),
  version: version.optional(),
  versioncreated: shortStr.optional(),
  firstcreated: shortStr.optional(),
  embargoed: shortStr.optional(),
  expires: shortStr.optional(),
  pubstatus: pubStatus.optional(),
  ednote: shortStr.optional(),
  language: shortStr.optional(),
  headline: shortStr.optional(),
  by: byline.optional(),
  description_text: str.optional(),
  description_html: str.optional(),
  body_text: str.optional(),
  body_html: str.optional(),
  body_xhtml: str.optional(),
  signal: shortStr.optional(),
});

const part2 = z.looseObject({ role: shortStr.optional(), contenttype: shortStr.optional(), value: str });
const ninjs2 = z.looseObject({
  uri: shortStr.min(1),
  version: version.optional(),
  versioncreated: shortStr.optional(),
  firstcreated: shortStr.optional(),
  embargoed: shortStr.optional(),
  expires: shortStr.optional(),
  pubstatus: pubStatus.optional(),
  ednote: shortStr.optional(),
  language: shortStr.optional(),
  by: byline.optional(),
  headlines: z.array(part2).max(50).optional(),
  descriptions: z.array(part2).max(50).optional(),
  bodies: z.array(part2).max(50).optional(),
  signals: z.array(z.union([shortStr, z.looseObject({})])).max(50).optional(),
});

const part3 = z.looseObject({ role: shortStr.optional(), contentType: shortStr.optional(), value: str });
const ninjs3 = z.looseObject({
  uri: shortStr.min(1),
  standard: z.looseObject({ name: shortStr.optional(), version: shortStr.optional() }).optional(),
  version: version.optional(),
  versionCreated: shortStr.optional(),
  firstCreated: shortStr.optional(),
  embargoed: shortStr.optional(),
  expires: shortStr.optional(),
  pubStatus: pubStatus.optional(),
  edNote: shortStr.optional(),
  language: shortStr.optional(),
  by: byline.optional(),
  headlines: z.array(part3).max(50).optional(),
  descriptions: z.array(part3).max(50).optional(),
  bodies: z.array(part3).max(50).optional(),
  signals: z.array(z.union([shortStr, z.looseObject({})])).max(50).optional(),
});

export type NinjsMajor = 1 | 2 | 3;

/** Which series an object follows: `standard.version` when given, else its property names. */
export function ninjsMajor(raw: Record<string, unknown>): NinjsMajor {
  const standard = raw.standard as { version?: unknown } | undefined;
  const declared = typeof standard?.version === 'string' ? Number.parseInt(standard.version, 10) : NaN;
  if (declared === 1 || declared === 2 || declared === 3) return declared;
  if (['pubStatus', 'versionCreated', 'firstCreated', 'edNote', 'contentCreated'].some((k) => k in raw)) return 3;
  if (Array.isArray(raw.headlines) || Array.isArray(raw.bodies) || Array.isArray(raw.descriptions)) {
    const parts = [...((raw.headlines as unknown[]) ?? []), ...((raw.bodies as unknown[]) ?? [])];
    if (parts.some((p) => typeof p === 'object' && p !== null && 'contentType' in p)) return 3;
    return 2;
  }
  return 1;
}

function date(value: string | undefined): Date | null {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

function versionNumber(value: string | number | undefined): number | null {
  if (value === undefined) return null;
  const n = typeof value === 'number' ? value : Number(value.trim());
  return Number.isFinite(n) ? n : null;
}

function bylineText(by: z.infer<typeof byline> | undefined): string {
  if (!by) return '';
  if (typeof by === 'string') return htmlToText(by).slice(0, 200);
  return by.map((b) => b.name ?? '').filter(Boolean).join(', ').slice(0, 200);
}

interface Part {
  role?: string;
  type?: string;
  value: string;
}

/** The main part: role `main`/`body`/none first, HTML before text. */
function pick(parts: Part[] | undefined): Part | null {
  if (!parts?.length) return null;
  const mainish = parts.filter((p) => !p.role || /^(main|body|full|text)$/i.test(p.role));
  const pool = mainish.length ? mainish : parts;
  return pool.find((p) => /html/i.test(p.type ?? '')) ?? pool[0]!;
}

function partToMarkdown(part: Part | null): string {
  if (!part) return '';
  return /html/i.test(part.type ?? '') || (!part.type && /<\/?[a-z][\s\S]*>/i.test(part.value)) ? htmlToMarkdown(part.value) : textToMarkdown(part.value);
}

function partToText(part: Part | null): string {
  return part ? htmlToText(part.value) : '';
}

function isCorrection(signals: unknown[] | undefined, signal?: string): boolean {
  const all = [...(signals ?? []), ...(signal ? [signal] : [])];
  return all.some((s) => /correct/i.test(typeof s === 'string' ? s : JSON.stringify(s)));
}

/** One ninjs object → a wire item; throws ZodError when it does not follow its series' schema. */
export function readNinjs(raw: unknown): WireItemInput {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new TypeError('ninjs item must be an object');
  const major = ninjsMajor(raw as Record<string, unknown>);
  let status: AgencyStatus;
  if (major === 1) {
    const n = ninjs1.parse(raw);
    status = n.pubstatus ?? 'usable';
    const body = n.body_html ?? n.body_xhtml;
    return withLazyBody(
      {
      guid: n.uri,
      version: versionNumber(n.version),
      versionAt: date(n.versioncreated),
      firstCreatedAt: date(n.firstcreated),
      status,
      embargoUntil: date(n.embargoed),
      expiresAt: date(n.expires),
      edNote: n.ednote ?? '',
      language: n.language ?? null,
      headline: htmlToText(n.headline ?? ''),
      standfirst: n.description_html ? htmlToText(n.description_html) : htmlToText(n.description_text ?? ''),
      link: null,
      byline: bylineText(n.by),
      correction: isCorrection(undefined, n.signal),
      },
      [body, n.body_text],
      () => (body !== undefined ? htmlToMarkdown(body) : textToMarkdown(n.body_text ?? '')),
    );
  }
  if (major === 2) {
    const n = ninjs2.parse(raw);
    const parts = (list: z.infer<typeof part2>[] | undefined): Part[] | undefined => list?.map((p) => ({ role: p.role, type: p.contenttype, value: p.value }));
    const main = pick(parts(n.bodies));
    return withLazyBody(
      {
      guid: n.uri,
      version: versionNumber(n.version),
      versionAt: date(n.versioncreated),
      firstCreatedAt: date(n.firstcreated),
      status: n.pubstatus ?? 'usable',
      embargoUntil: date(n.embargoed),
      expiresAt: date(n.expires),
      edNote: n.ednote ?? '',
      language: n.language ?? null,
      headline: partToText(pick(parts(n.headlines))),
      standfirst: partToText(pick(parts(n.descriptions))),
      link: null,
      byline: bylineText(n.by),
      correction: isCorrection(n.signals),
      },
      main,
      () => partToMarkdown(main),
    );
  }
  const n = ninjs3.parse(raw);
  const parts = (list: z.infer<typeof part3>[] | undefined): Part[] | undefined => list?.map((p) => ({ role: p.role, type: p.contentType, value: p.value }));
  const main = pick(parts(n.bodies));
  return withLazyBody(
    {
    guid: n.uri,
    version: versionNumber(n.version),
    versionAt: date(n.versionCreated),
    firstCreatedAt: date(n.firstCreated),
    status: n.pubStatus ?? 'usable',
    embargoUntil: date(n.embargoed),
    expiresAt: date(n.expires),
    edNote: n.edNote ?? '',
    language: n.language ?? null,
    headline: partToText(pick(parts(n.headlines))),
    standfirst: partToText(pick(parts(n.descriptions))),
    link: null,
    byline: bylineText(n.by),
    correction: isCorrection(n.signals),
    },
    main,
    () => partToMarkdown(main),
  );
}
