/**
 * No mojibake anywhere: crawls the demo site breadth-first from /fr and /en (same-origin links, up to 150 pages
 * per locale), decodes every HTML response as strict UTF-8, and fails on any mis-decoded sequence (Ã©, â€™,
 * â– …), on U+FFFD, or on a Content-Type without charset=utf-8.
 */
import { expect, test } from '@playwright/test';
import { findMojibake } from './support/text';

const MAX_PAGES = 150;

/** Same-origin page links of an HTML document (no assets, no fragments). */
function links(html: string, from: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<a\b[^>]*\shref="([^"]+)"/g)) {
    const raw = m[1]!.replace(/&amp;/g, '&');
    const url = new URL(raw, from);
    if (url.origin !== new URL(from).origin) continue;
    if (/^\/(_next|media|api)\//.test(url.pathname)) continue;
    out.push(url.pathname + url.search);
  }
  return out;
}

/** Windows-1252 bytes 0x80–0x9F (Node's TextDecoder treats this label as ISO-8859-1, so spell them out). */
const CP1252: Record<number, string> = {
  0x80: '€', 0x82: '‚', 0x83: 'ƒ', 0x84: '„', 0x85: '…', 0x86: '†', 0x87: '‡', 0x88: 'ˆ', 0x89: '‰', 0x8a: 'Š', 0x8b: '‹',
  0x8c: 'Œ', 0x8e: 'Ž', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•', 0x96: '–', 0x97: '—', 0x98: '˜', 0x99: '™',
  0x9a: 'š', 0x9b: '›', 0x9c: 'œ', 0x9e: 'ž', 0x9f: 'Ÿ',
};
const misdecode = (s: string, windows: boolean) =>
  [...new TextEncoder().encode(s)].map((b) => (windows && CP1252[b]) || String.fromCharCode(b)).join('');

test('the decoder check works: mis-decoded text is caught', () => {
  for (const sample of ['é', '’', '–', '■', '«\u00A0', '°']) {
    expect(findMojibake(misdecode(`Texte ${sample} texte`, true)), `${sample} as Windows-1252`).not.toBeNull();
    expect(findMojibake(misdecode(`Texte ${sample} texte`, false)), `${sample} as ISO-8859-1`).not.toBeNull();
  }
  expect(findMojibake('Publié le 15 novembre — l’actualité ■ 23,9 °C')).toBeNull();
  expect(findMojibake('\uFFFD')).not.toBeNull();
});

for (const start of ['/fr', '/en']) {
  test(`crawl from ${start}: UTF-8 everywhere, no mojibake`, async ({ request, baseURL }) => {
    test.setTimeout(180_000);
    const queue = [start];
    const seen = new Set(queue);
    const problems: string[] = [];
    const statuses = new Map<number, number>();
    let crawled = 0;
    const decoder = new TextDecoder('utf-8', { fatal: true });
    while (queue.length && crawled < MAX_PAGES) {
      const path = queue.shift()!;
      const res = await request.get(path, { maxRedirects: 5 });
      crawled++;
      statuses.set(res.status(), (statuses.get(res.status()) ?? 0) + 1);
      if (res.status() >= 500) problems.push(`${path}: HTTP ${res.status()}`);
      const type = res.headers()['content-type'] ?? '';
      if (!type.startsWith('text/html')) continue;
      if (!/;\s*charset=utf-8/i.test(type)) problems.push(`${path}: Content-Type "${type}" without charset=utf-8`);
      let html: string;
      try {
        html = decoder.decode(await res.body());
      } catch {
        problems.push(`${path}: body is not valid UTF-8`);
        continue;
      }
      if (!/<meta charset="utf-8"/i.test(html)) problems.push(`${path}: no <meta charset="utf-8">`);
      const bad = findMojibake(html);
      if (bad) problems.push(`${path}: mojibake near “${bad}”`);
      for (const link of links(html, new URL(path, baseURL).href)) {
        if (!seen.has(link)) {
          seen.add(link);
          queue.push(link);
        }
      }
    }
    expect(problems).toEqual([]);
    // The crawl went deep enough to mean something: both languages, sections, articles.
    expect(crawled).toBeGreaterThanOrEqual(Math.min(MAX_PAGES, 100));
    expect(statuses.get(200) ?? 0).toBeGreaterThanOrEqual(80);
  });
}
