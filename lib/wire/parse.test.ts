/**
 * The wire parsers as an editor would read their output: headline, body Markdown (no script, no pixel, no
 * editorial note), identity, status, embargo and expiry per format; hostile documents refused with a reason.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlToMarkdown } from './html-to-markdown';
import { detectFormat, parseWire, WIRE_DOCUMENT_MAX } from './parse';
import { WireParseError } from './types';

const fixture = (name: string) => readFileSync(join(__dirname, '../../tests/fixtures/wire', name), 'utf8');

function refused(input: string): string {
  try {
    parseWire(input);
  } catch (error) {
    expect(error).toBeInstanceOf(WireParseError);
    return (error as WireParseError).code;
  }
  throw new Error('accepted');
}

describe('RSS 2.0', () => {
  const { format, items } = parseWire(fixture('rss.xml'));
  it('reads items with decoded text and Markdown bodies', () => {
    expect(format).toBe('rss');
    expect(items).toHaveLength(3);
    const [first] = items;
    expect(first!.guid).toBe('ax-2026-0001');
    expect(first!.headline).toBe('Le port de Kribi & ses nouveaux quais');
    expect(first!.language).toBe('fr-FR');
    expect(first!.versionAt?.toISOString()).toBe('2026-12-01T02:00:00.000Z');
    expect(first!.body).toContain('Le port a **doublé** son trafic.');
    expect(first!.body).toContain('- Un');
    expect(first!.standfirst).toBe('Le trafic double.');
  });
  it('drops scripts, tracking pixels and editorial notes', () => {
    const body = items[0]!.body;
    expect(body).not.toMatch(/alert|script|p\.gif|Note interne|</);
  });
  it('identifies an item without guid by its link, else by a hash of title and date', () => {
    expect(items[1]!.guid).toBe('https://agency.example/d/2');
    expect(items[2]!.guid).toMatch(/^sha256:[0-9a-f]{32}$/);
    expect(parseWire(fixture('rss.xml')).items[2]!.guid).toBe(items[2]!.guid);
  });
});

describe('Atom', () => {
  it('reads entries: id, html title, content with headings, links and quotes', () => {
    const { format, items } = parseWire(fixture('atom.xml'));
    expect(format).toBe('atom');
    const [e] = items;
    expect(e!.guid).toBe('urn:example:wire:42');
    expect(e!.headline).toBe('Rains in the north & east');
    expect(e!.link).toBe('https://wire.example/42');
    expect(e!.versionAt?.toISOString()).toBe('2026-12-01T01:00:00.000Z');
    expect(e!.body).toBe('## Forecast\n\nHeavy [rains](https://wire.example/map).\n\n> Stay safe');
    expect(e!.standfirst).toBe('Floods expected.');
    expect(e!.byline).toBe('Example Wire');
  });
});

describe('IPTC ninjs', () => {
  it('1.x: headline, body_html, pubstatus, embargoed, ednote kept apart', () => {
    const { format, items } = parseWire(fixture('ninjs1.json'));
    expect(format).toBe('ninjs');
    const [n] = items;
    expect(n).toMatchObject({ guid: 'urn:newsml:agency.example:20261201:n1', version: 2, status: 'usable', language: 'en', headline: 'Budget vote & debate', standfirst: 'Lawmakers vote today.', byline: 'Agency Example' });
    expect(n!.embargoUntil?.toISOString()).toBe('2026-12-02T06:00:00.000Z');
    expect(n!.edNote).toBe('Embargoed: do not use before 06:00');
    expect(n!.body).toBe('Lawmakers _vote_.');
  });
  it('2.x: headlines[], bodies[] by role, withheld, expires; unsafe links dropped', () => {
    const [n] = parseWire(fixture('ninjs2.json')).items;
    expect(n).toMatchObject({ guid: 'urn:agency.example:n2', version: 1, status: 'withheld', headline: 'Titre principal', standfirst: 'Résumé.', edNote: 'Retenu pour vérification' });
    expect(n!.expiresAt?.toISOString()).toBe('2026-12-08T00:00:00.000Z');
    expect(n!.body).toBe('Corps lien.');
  });
  it('3.x: camelCase properties, canceled, plain-text body escaped', () => {
    const [n] = parseWire(fixture('ninjs3.json')).items;
    expect(n).toMatchObject({ guid: 'urn:agency.example:n3', version: 3, status: 'canceled', language: 'en-GB', headline: 'Killed story', edNote: 'KILL: legal' });
    expect(n!.versionAt?.toISOString()).toBe('2026-12-01T05:00:00.000Z');
    expect(n!.body).toBe('First para.\n\nSecond \\*para\\*.');
  });
  it('refuses objects without uri or with a wrong pubstatus', () => {
    expect(refused('{"headline":"x"}')).toBe('invalid_ninjs');
    expect(refused('{"uri":"u","pubstatus":"deleted","headline":"x"}')).toBe('invalid_ninjs');
  });
});

describe('hostile and malformed documents', () => {
  it('refuses XML entity expansion (billion laughs) and any DTD', () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><rss version="2.0"><channel><title>&lol3;</title><item><title>&lol3;</title><guid>a</guid></item></channel></rss>`;
    expect(refused(lol)).toBe('dtd_refused');
    const external = `<?xml version="1.0"?><!-- ${'x'.repeat(5000)} --><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><item><title>&xxe;</title></item></channel></rss>`;
    expect(refused(external)).toBe('dtd_refused');
  });
  it('refuses a 50 MB document without parsing it', () => {
    const big = '<rss version="2.0"><channel>' + 'x'.repeat(50 * 1024 * 1024) + '</channel></rss>';
    expect(big.length).toBeGreaterThan(WIRE_DOCUMENT_MAX);
    expect(refused(big)).toBe('too_large');
  });
  it('refuses malformed XML and JSON, and unknown formats', () => {
    expect(refused('<rss version="2.0"><channel><item><title>x</title>')).toBe('malformed');
    expect(refused('<rss version="2.0"><channel><item><title>a < b</title></item></channel></rss>')).toBe('malformed');
    expect(refused('{"uri": "x", ')).toBe('malformed');
    expect(refused('hello')).toBe('unknown_format');
    expect(refused('<html><body>no</body></html>')).toBe('unknown_format');
  });
  it('detects the format from the content', () => {
    expect(detectFormat(fixture('rss.xml'))).toBe('rss');
    expect(detectFormat(fixture('atom.xml'))).toBe('atom');
    expect(detectFormat('\uFEFF  [{"uri":"x"}]')).toBe('ninjs');
  });
  it('keeps the valid items of a partly broken ninjs array', () => {
    const r = parseWire('[{"uri":"a","headline":"ok","body_text":"t"},{"nope":1}]');
    expect(r.items.map((i) => i.guid)).toEqual(['a']);
    expect(r.skipped).toBe(1);
  });
});

describe('HTML → Markdown', () => {
  it('never lets raw HTML, styles or javascript: links through', () => {
    const md = htmlToMarkdown('<div onclick="x()"><p>a<iframe src="https://evil"></iframe><span style="color:red">b</span></p><a href="javascript:alert(1)">c</a><a href=" https://ok.example/x ">d</a><!-- hidden --><noscript>n</noscript></div>');
    expect(md).toBe('ab\n\nc[d](https://ok.example/x)');
  });
});
