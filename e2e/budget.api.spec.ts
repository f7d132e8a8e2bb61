import { gzipSync } from 'node:zlib';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { articlePath, articles } from './support/fixtures';
import { locales, pages } from './support/pages';

// Performance budgets of reader pages (issue 14), in deterministic bytes: what a phone downloads, gzipped here
// at zlib's default level (the server's own encoding may differ by a few bytes). Reader pages ship no framework
// JavaScript (lib/server/lite.ts): their one script is the first-party lite script (≤ 3 KB gzipped, also checked in
// lib/server/lite.test.ts). Before issue 14 the article shipped ≈ 138 KB of JavaScript and ≈ 16 KB of HTML.
const JS_BUDGET = 5 * 1024;
const ARTICLE_HTML_BUDGET = 6 * 1024;

const gz = (body: Buffer) => gzipSync(body).length;

/** Every script a current browser loads from this HTML (`nomodule` ones are skipped by module-capable browsers). */
function scriptSources(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>/g)]
    .filter((m) => !/\bnomodule\b/i.test(m[1]!))
    .map((m) => /\bsrc="([^"]+)"/.exec(m[1]!)?.[1]?.replace(/&amp;/g, '&'))
    .filter((src): src is string => !!src);
}

async function javaScriptBytes(request: APIRequestContext, html: string): Promise<{ total: number; report: string; count: number }> {
  const sizes: [string, number][] = [];
  for (const src of new Set(scriptSources(html))) {
    const js = await request.get(src);
    expect(js.status(), src).toBe(200);
    sizes.push([src, gz(await js.body())]);
  }
  return {
    total: sizes.reduce((sum, [, n]) => sum + n, 0),
    count: sizes.length,
    report: sizes.map(([src, n]) => `${(n / 1024).toFixed(2)} KB ${src}`).join('\n'),
  };
}

test('the longest article stays within the JavaScript and HTML budgets', async ({ request }) => {
  // The longest published article: the worst case for the HTML budget.
  const [article] = articles(`a.status = 'published' and a.published_at <= unixepoch('now') * 1000 and a.kind = 'article' and length(a.body) = (select max(length(b.body)) from articles b where b.status = 'published' and b.kind = 'article' and b.published_at <= unixepoch('now') * 1000)`);
  const res = await request.get(articlePath(article!));
  expect(res.status()).toBe(200);
  const html = await res.body();
  const js = await javaScriptBytes(request, html.toString('utf8'));
  test.info().annotations.push({
    type: 'budget',
    description: `article JS ${(js.total / 1024).toFixed(2)} KB gz, HTML ${(gz(html) / 1024).toFixed(2)} KB gz (${(html.length / 1024).toFixed(1)} KB raw)\n${js.report}`,
  });
  // The lite script is there (a page without it would pass the budget by losing the view beacon).
  expect(js.count, 'scripts of the article').toBe(1);
  expect(js.total, `article JavaScript, gzipped:\n${js.report}`).toBeLessThanOrEqual(JS_BUDGET);
  expect(gz(html), 'article HTML, gzipped').toBeLessThanOrEqual(ARTICLE_HTML_BUDGET);
});

test('every reader page type stays within the JavaScript budget', async ({ request }) => {
  test.setTimeout(120_000);
  const lines: string[] = [];
  for (const descriptor of pages.filter((p) => p.status === undefined)) {
    for (const locale of locales) {
      const path = descriptor.path(locale);
      const res = await request.get(path);
      expect(res.status(), path).toBe(200);
      const js = await javaScriptBytes(request, await res.text());
      lines.push(`${(js.total / 1024).toFixed(2)} KB ${path}`);
      expect.soft(js.total, `${path}: JavaScript, gzipped:\n${js.report}`).toBeLessThanOrEqual(JS_BUDGET);
    }
  }
  test.info().annotations.push({ type: 'budget', description: lines.join('\n') });
});

// Reader 404s — an unknown section or article, a page past the end, any unknown path under a locale, a path outside
// the locales —
// are raised by notFound(), which Next 16 sends as an empty <html id="__next_error__"> shell (content only in the
// RSC payload). The response hook sends the server-rendered, lite not-found page in its place
// (lib/server/not-found-document.ts): the same budget, the content in the HTML, status 404.
test('every kind of 404 is a lite page within the JavaScript budget, its content in the HTML', async ({ request }) => {
  const [fr] = articles(`a.status = 'published' and a.locale = 'fr'`);
  const [en] = articles(`a.status = 'published' and a.locale = 'en'`);
  const french = /<h1>Page introuvable<\/h1>/;
  const english = /<h1>Page not found<\/h1>/;
  const cases: [string, string, RegExp][] = [
    [pages.find((p) => p.status === 404)!.path('fr'), 'fr', french], // unknown section
    [pages.find((p) => p.status === 404)!.path('en'), 'en', english],
    [`/fr/${fr!.categorySlug}/cet-article-n-existe-pas`, 'fr', french], // unknown article
    [`/en/${en!.categorySlug}/page/999`, 'en', english], // past the last page
    ['/fr/a/b/c/d', 'fr', french], // no route (the catch-all)
    // Outside the locales: unprefixed paths are redirected into a language by the proxy, except those with a dot
    // (files, scanners' favourites), which get the bilingual 404.
    ['/wp-login.php', 'fr', /<h1>Page introuvable<\/h1>[\s\S]*<div lang="en"><h2>Page not found<\/h2>/],
  ];
  for (const [path, lang, content] of cases) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(404);
    const html = await res.text();
    expect(html, path).not.toContain('__next_error__');
    expect(html, path).not.toContain('__next_f');
    expect(html, path).toMatch(new RegExp(`<html lang="${lang}"`));
    expect(html, path).toMatch(content);
    const js = await javaScriptBytes(request, html);
    expect(js.count, `${path}: scripts\n${js.report}`).toBe(1);
    expect(js.total, `${path}: JavaScript, gzipped:\n${js.report}`).toBeLessThanOrEqual(JS_BUDGET);
  }
});
