/**
 * Accessibility (WCAG 2.2 AA): axe on every page type (e2e/support/pages.ts) in both locales, light and dark, on
 * the desktop, and on a phone in alternating locales; keyboard use, visible focus, print, reduced motion, and the freedom to
 * select and copy text.
 */
import { expect, test, type Page } from '@playwright/test';
import { features, locales, pages, type Locale } from './support/pages';
import { COLOUR_RULES, expectNoAxeViolations } from './support/axe';
import { translatedPair, articlePath } from './support/fixtures';

// axe walks the whole DOM and the keyboard tests make one round trip per key press: generous on a loaded machine.
test.describe.configure({ timeout: 120_000 });

const label = {
  skip: { fr: 'Aller au contenu', en: 'Skip to content' },
  mainNav: { fr: 'Navigation principale', en: 'Main navigation' },
  switcher: { fr: 'Choix de la langue', en: 'Language' },
  other: { fr: 'English', en: 'Français' },
} as const;
const other = (l: Locale): Locale => (l === 'fr' ? 'en' : 'fr');

for (const [localeIndex, locale] of locales.entries()) {
  test.describe(`${locale}`, () => {
    test.use({ locale: locale === 'fr' ? 'fr-FR' : 'en-US' });

    for (const [pageIndex, p] of pages.entries()) {
      async function light(page: Page) {
        await page.emulateMedia({ colorScheme: 'light' });
        const res = await page.goto(p.path(locale));
        expect(res?.status()).toBe(p.status ?? 200);
        expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
        await expectNoAxeViolations(page);
      }

      // Mobile project (the desktop project leaves out "light scheme only"). The desktop project runs every page
      // type in both locales; what a phone adds is its layout, which the two locales share: on the phone each page
      // type runs in one locale, alternating, so both locales' phone layouts are covered across the list.
      if ((pageIndex + localeIndex) % 2 === 0) {
        test(`axe: ${p.name}, light scheme only — no WCAG 2.2 AA violation`, async ({ page }) => {
          await light(page);
        });
      }

      // Desktop project (the mobile project leaves out "dark scheme": contrast does not depend on the viewport).
      // Only colours change with the scheme, so the dark pass checks the colour rules, on the same page load.
      test(`axe: ${p.name}, light and dark scheme — no WCAG 2.2 AA violation, contrast holds in the dark palette`, async ({ page }) => {
        await light(page);
        await page.emulateMedia({ colorScheme: 'dark' });
        // The dark palette really applies, so this pass checks other colours than the light one.
        await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(18, 18, 18)');
        await expectNoAxeViolations(page, COLOUR_RULES);
      });
    }

    test('keyboard: the skip link is the first tab stop and moves focus to main', async ({ page }) => {
      await page.goto(`/${locale}`);
      await page.keyboard.press('Tab');
      const first = page.locator(':focus');
      await expect(first).toHaveText(label.skip[locale]);
      await expect(first).toBeInViewport();
      await page.keyboard.press('Enter');
      await expect(page.locator('main')).toBeFocused();
      // The next tab stop is inside main, past the header and navigation.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
    });

    test('keyboard: a section of the main navigation is reachable and opens with Enter', async ({ page }) => {
      await page.goto(`/${locale}`);
      const nav = page.getByRole('navigation', { name: label.mainNav[locale] });
      const target = nav.getByRole('link').nth(2);
      const name = (await target.textContent())!.trim();
      await tabUntil(page, target);
      await page.keyboard.press('Enter');
      await expect(page.locator('h1')).toHaveText(name);
      await expect(nav.getByRole('link', { name, exact: true })).toHaveAttribute('aria-current', 'page');
    });

    test('keyboard: the language switcher is reachable and switches language with Enter', async ({ page }) => {
      const [fr, en] = translatedPair();
      await page.goto(articlePath(locale === 'fr' ? fr : en));
      const link = page.getByRole('navigation', { name: label.switcher[locale] }).getByRole('link', { name: label.other[locale] });
      await tabUntil(page, link);
      await page.keyboard.press('Enter');
      await expect(page.locator('html')).toHaveAttribute('lang', other(locale));
      await expect(page).toHaveURL(new RegExp(`${articlePath(locale === 'fr' ? en : fr)}$`));
    });

    if (features.searchForm) {
      test('keyboard: the search form is reachable, labelled and submits with Enter', async ({ page }) => {
        await page.goto(`/${locale}`);
        const box = page.getByRole('search').getByRole('searchbox');
        await expect(box).toHaveAccessibleName(/\S/);
        await tabUntil(page, box);
        await page.keyboard.type('Cameroun');
        await page.keyboard.press('Enter');
        await expect(page).toHaveURL(/[?&]q=Cameroun/);
      });
    }

    test('keyboard: focused links show a visible outline', async ({ page }) => {
      await page.goto(`/${locale}/${await firstSectionSlug(page, locale)}`);
      // The page records each focused element's outline; the test presses Tab in bursts and reads the record,
      // instead of one round trip per key press.
      await page.evaluate(() => {
        const zones = { skip: '.skip-link', switcher: '.language-switcher', masthead: '.masthead', nav: '.site-nav', main: 'main', footer: '.site-footer' };
        const seen: { tag: string; text: string; zone: string; style: string; width: number }[] = [];
        (window as unknown as { focusRecord: typeof seen }).focusRecord = seen;
        document.addEventListener('focusin', (event) => {
          const el = event.target as HTMLElement;
          const s = getComputedStyle(el);
          const zone = Object.entries(zones).find(([, selector]) => el.closest(selector))?.[0] ?? 'other';
          seen.push({ tag: el.tagName, text: el.textContent?.trim().slice(0, 40) ?? '', zone, style: s.outlineStyle, width: parseFloat(s.outlineWidth) });
        });
      });
      type Focus = { tag: string; text: string; zone: string; style: string; width: number };
      let record: Focus[] = [];
      // Until focus has left the footer (wrapped to the browser chrome or back to the top), at most 150 presses.
      for (let burst = 0; burst < 15; burst++) {
        for (let i = 0; i < 10; i++) await page.keyboard.press('Tab');
        record = await page.evaluate(() => (window as unknown as { focusRecord: Focus[] }).focusRecord);
        const lastFooter = record.findLastIndex((f) => f.zone === 'footer');
        if (lastFooter !== -1 && lastFooter < record.length - 1) break;
        if (await page.evaluate(() => document.activeElement === document.body || !document.hasFocus())) break;
      }
      const end = record.findLastIndex((f) => f.zone === 'footer');
      const visited = record.slice(0, end + 1);
      for (const focus of visited) {
        expect(focus.style, `${focus.tag} “${focus.text}” in ${focus.zone}`).not.toBe('none');
        expect(focus.width, `${focus.tag} “${focus.text}” in ${focus.zone}`).toBeGreaterThanOrEqual(2);
      }
      // Every zone of the page was visited by keyboard and showed its focus.
      expect([...new Set(visited.map((f) => f.zone))].sort()).toEqual(['footer', 'main', 'masthead', 'nav', 'skip', 'switcher']);
    });
  });
}

/** Tabs forward (at most 80 times) until `target` has the focus. */
async function tabUntil(page: Page, target: ReturnType<Page['locator']>) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error('target never received focus by keyboard');
}

async function firstSectionSlug(page: Page, locale: Locale) {
  await page.goto(`/${locale}`);
  const href = await page.locator('.site-nav a').nth(1).getAttribute('href');
  return href!.split('/')[2]!;
}

test.describe('reading comfort', () => {
  const articlePages = pages.filter((p) => p.article);

  for (const p of articlePages) {
    test(`print: the ${p.name} prints without navigation chrome`, async ({ page }) => {
      await page.goto(p.path('fr'));
      await page.emulateMedia({ media: 'print' });
      for (const chrome of ['.site-nav', '.language-switcher', '.header-strip', '.skip-link', '.site-footer nav', '.article-topics']) {
        await expect(page.locator(chrome).first(), chrome).toBeHidden();
      }
      await expect(page.locator('h1')).toBeVisible();
      await expect(page.locator('.article-body p').first()).toBeVisible();
      await page.emulateMedia({ media: 'screen' });
      await expect(page.locator('.site-nav')).toBeVisible();
    });

    test(`selection: the text of the ${p.name} can be selected, copied and right-clicked`, async ({ page }) => {
      await page.goto(p.path('fr'));
      const paragraph = page.locator('.article-body p').first();
      const text = (await paragraph.textContent())!.trim();
      await paragraph.click({ clickCount: 3 });
      expect((await page.evaluate(() => window.getSelection()?.toString() ?? '')).trim()).toBe(text);
      const state = await paragraph.evaluate((p) => {
        const selection = window.getSelection()!;
        selection.selectAllChildren(p);
        const selected = selection.toString();
        const cancelled = (type: string) => {
          const event = type === 'contextmenu' ? new MouseEvent(type, { bubbles: true, cancelable: true }) : new Event(type, { bubbles: true, cancelable: true });
          return !p.dispatchEvent(event);
        };
        const blockers = [...document.querySelectorAll('*')].filter(
          (el) =>
            ['oncontextmenu', 'oncopy', 'oncut', 'onselectstart', 'ondragstart', 'onmousedown'].some((a) => el.hasAttribute(a)) ||
            ['none'].includes(getComputedStyle(el).userSelect),
        );
        return {
          selected,
          blockers: blockers.map((el) => el.tagName + (el.className ? `.${el.className}` : '')),
          contextmenu: cancelled('contextmenu'),
          copy: cancelled('copy'),
          selectstart: cancelled('selectstart'),
        };
      });
      expect(state.selected.trim()).toBe(text);
      expect(state.blockers).toEqual([]);
      expect(state).toMatchObject({ contextmenu: false, copy: false, selectstart: false });
    });
  }

  test('reduced motion: no transition, animation or smooth scrolling when the reader asks for less motion', async ({ page }) => {
    const motion = async () =>
      page.evaluate(() => {
        const ms = (v: string) => Math.max(...v.split(',').map((d) => parseFloat(d) * (d.trim().endsWith('ms') ? 1 : 1000)));
        const moving = [...document.querySelectorAll('*')].filter((el) => {
          const s = getComputedStyle(el);
          return ms(s.transitionDuration) > 1 || ms(s.animationDuration) > 1;
        });
        return { moving: moving.length, scroll: getComputedStyle(document.documentElement).scrollBehavior };
      });
    await page.goto(pages.find((p) => p.article)!.path('fr'));
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    // Links fade their colours for readers who do not mind motion…
    expect((await motion()).moving).toBeGreaterThan(0);
    // …and nothing moves for those who asked for less.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    expect(await motion()).toEqual({ moving: 0, scroll: 'auto' });
  });
});
