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

// KNOWN FAILURE (upstream Next.js 16, see e2e/no-javascript.nojs.ts): a 404 raised by notFound() is an empty
// <html id="__next_error__"> shell whose content exists only in the RSC payload, so lib/server/lite.ts leaves it
// with the framework's runtime (stripped, it would be blank). Expected to fail until that is solved; when it
// "unexpectedly passes", remove the annotation.
test('the 404 page stays within the JavaScript budget', async ({ request }) => {
  test.fail(true, 'notFound() 404s keep the App Router runtime (vercel/next.js#98954)');
  const res = await request.get(pages.find((p) => p.status === 404)!.path('fr'));
  expect(res.status()).toBe(404);
  const js = await javaScriptBytes(request, await res.text());
  expect(js.total, js.report).toBeLessThanOrEqual(JS_BUDGET);
});
