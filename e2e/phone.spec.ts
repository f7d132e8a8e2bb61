/**
 * Phones: every page type (e2e/support/pages.ts) at 360 px wide — no horizontal scrolling, tap targets of at
 * least 24 × 24 px (or spaced as WCAG 2.2 SC 2.5.8 allows), body text of at least 16 px.
 */
import { expect, test, type Page } from '@playwright/test';
import { locales, pages } from './support/pages';

test.use({ viewport: { width: 360, height: 740 } });
test.describe.configure({ timeout: 60_000 });

/** Links a reader taps to move around: navigation, language, pagination, topics, footer sections. */
const TAP_TARGETS = '.site-nav a, .language-switcher a, .pagination a, .article-topics a, .site-footer nav a, .brand';

interface Target {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * SC 2.5.8 Target Size (Minimum): a target passes if it is at least 24 × 24 CSS px, or if a 24 px circle centred
 * on it does not intersect another target or another undersized target's circle.
 */
function tooSmall(targets: Target[]): string[] {
  const centre = (t: Target) => ({ x: t.x + t.width / 2, y: t.y + t.height / 2 });
  const big = (t: Target) => t.width >= 24 && t.height >= 24;
  const circleHitsRect = (c: { x: number; y: number }, r: Target) => {
    const dx = Math.max(r.x - c.x, 0, c.x - (r.x + r.width));
    const dy = Math.max(r.y - c.y, 0, c.y - (r.y + r.height));
    return dx * dx + dy * dy < 12 * 12;
  };
  return targets
    .filter((t) => !big(t))
    .filter((t) =>
      targets.some((o) => {
        if (o === t) return false;
        const c = centre(t);
        if (circleHitsRect(c, o)) return true;
        if (big(o)) return false;
        const oc = centre(o);
        return Math.hypot(c.x - oc.x, c.y - oc.y) < 24;
      }),
    )
    .map((t) => `“${t.text}” ${Math.round(t.width)}×${Math.round(t.height)}`);
}

async function targets(page: Page): Promise<Target[]> {
  return page.locator(TAP_TARGETS).evaluateAll((els) =>
    els
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && r.height > 0)
      .map(({ el, r }) => ({ text: el.textContent?.trim() ?? '', x: r.x, y: r.y + window.scrollY, width: r.width, height: r.height })),
  );
}

for (const locale of locales) {
  test.describe(`${locale} at 360 px`, () => {
    test.use({ locale: locale === 'fr' ? 'fr-FR' : 'en-US' });

    for (const p of pages) {
      test(`${p.name}: no horizontal scroll, tap targets ≥ 24 px, text ≥ 16 px`, async ({ page }) => {
        const res = await page.goto(p.path(locale));
        expect(res?.status()).toBe(p.status ?? 200);
        expect(page.viewportSize()?.width).toBe(360);

        const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
        expect(widths.client).toBe(360);
        expect(widths.scroll, 'page scrolls sideways').toBeLessThanOrEqual(widths.client);

        const found = await targets(page);
        expect(found.length).toBeGreaterThan(5);
        expect(tooSmall(found)).toEqual([]);

        const sizes = await page.evaluate(() => {
          const px = (el: Element | null) => (el ? parseFloat(getComputedStyle(el).fontSize) : null);
          return {
            body: px(document.body),
            paragraphs: [...document.querySelectorAll('main p')]
              .filter((el) => !el.closest('.card-meta, .card-section, .byline, .dates, .translation-link, .article-section, figcaption'))
              .map((el) => px(el)!),
          };
        });
        expect(sizes.body).toBeGreaterThanOrEqual(16);
        expect(Math.min(...sizes.paragraphs)).toBeGreaterThanOrEqual(16);
      });
    }
  });
}
