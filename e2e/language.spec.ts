/**
 * Language quality: a French page carries no English interface text and an English page no French one (the
 * rendered text, titles, labels, alternative texts and visually hidden text, checked against the other
 * language's message catalogue); passages in the other language carry their own `lang`.
 */
import { expect, test, type Page } from '@playwright/test';
import fr from '../messages/fr.json';
import en from '../messages/en.json';
import { articlePath, translatedPair } from './support/fixtures';
import { escapeRegExp } from './support/text';
import { locales, pages, type Locale } from './support/pages';

test.describe.configure({ timeout: 60_000 });

type Catalogue = { [key: string]: string | Catalogue };
const catalogues: Record<Locale, Catalogue> = { fr, en };

function flatten(obj: Catalogue, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(obj)) {
    if (typeof v === 'string') out.set(`${prefix}${k}`, v);
    else for (const [kk, vv] of flatten(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

/**
 * The literal pieces of the other language's messages that would betray a leak on a `locale` page: messages that
 * differ between the catalogues, cut at ICU arguments and rich-text tags, trimmed of punctuation, at least three
 * letters long, and not also a piece of this language's own messages (e.g. "Page", "Kiosque").
 */
export function foreignFragments(locale: Locale): { key: string; fragment: string }[] {
  const own = flatten(catalogues[locale]);
  const foreign = flatten(catalogues[locale === 'fr' ? 'en' : 'fr']);
  const ownText = [...own.values()].join('\n');
  const found: { key: string; fragment: string }[] = [];
  for (const [key, value] of foreign) {
    if (own.get(key) === value) continue;
    for (const piece of value.split(/\{[^{}]*\}|<\/?[a-zA-Z]+>/)) {
      const fragment = piece.replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, '');
      if ((fragment.match(/\p{L}/gu) ?? []).length < 3) continue;
      if (wordRegExp(fragment).test(ownText)) continue;
      found.push({ key, fragment });
    }
  }
  return found;
}

function wordRegExp(fragment: string) {
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(fragment)}(?![\\p{L}\\p{N}])`, 'u');
}

/** Everything a reader or their assistive technology gets from the page, minus passages marked in another language. */
async function interfaceText(page: Page, locale: Locale): Promise<string> {
  return page.evaluate((locale) => {
    const inOtherLanguage = (el: Element) => {
      const lang = el.closest('[lang]')?.getAttribute('lang') ?? '';
      return lang.split('-')[0]!.toLowerCase() !== locale;
    };
    const texts: string[] = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('script, style, template') || inOtherLanguage(parent)) continue;
      texts.push(node.textContent ?? '');
    }
    for (const el of document.querySelectorAll('[aria-label], [alt], [title], [placeholder], [aria-description], meta[name="description"], input[type="submit"], button[value]')) {
      if (inOtherLanguage(el)) continue;
      for (const attr of ['aria-label', 'alt', 'title', 'placeholder', 'aria-description', 'content', 'value']) {
        const value = el.getAttribute(attr);
        if (value) texts.push(value);
      }
    }
    return texts.join('\n');
  }, locale);
}

test('the catalogues give the leak check something to look for', () => {
  const frInEn = foreignFragments('en').map((f) => f.fragment);
  const enInFr = foreignFragments('fr').map((f) => f.fragment);
  expect(frInEn).toEqual(expect.arrayContaining(['Accueil', 'Navigation principale', 'Page précédente', 'Aller au contenu']));
  expect(enInFr).toEqual(expect.arrayContaining(['Home', 'Main navigation', 'Previous page', 'Skip to content', 'Published']));
  // Shared words are not leaks.
  expect([...frInEn, ...enInFr]).not.toContain('Page');
});

for (const locale of locales) {
  test.describe(`${locale}`, () => {
    test.use({ locale: locale === 'fr' ? 'fr-FR' : 'en-US' });

    for (const p of pages) {
      test(`${p.name}: no ${locale === 'fr' ? 'English' : 'French'} interface text`, async ({ page }) => {
        await page.goto(p.path(locale));
        await expect(page.locator('html')).toHaveAttribute('lang', locale);
        const text = await interfaceText(page, locale);
        expect(text.length).toBeGreaterThan(200);
        const leaks = foreignFragments(locale).filter(({ fragment }) => wordRegExp(fragment).test(text));
        expect(leaks, `other-language interface text on ${page.url()}`).toEqual([]);
      });
    }

    test('passages in the other language carry their own lang', async ({ page }) => {
      const pair = translatedPair();
      const [own, other] = locale === 'fr' ? pair : [pair[1], pair[0]];
      await page.goto(articlePath(own));
      // The cited title of the translation.
      const cite = page.locator('.translation-link cite');
      await expect(cite).toHaveText(other.title);
      await expect(cite).toHaveAttribute('lang', other.locale);
      // The links to the other language: named in that language, marked with lang and hreflang.
      for (const link of await page.locator(`a[hreflang]`).all()) {
        const hreflang = await link.getAttribute('hreflang');
        expect(await link.getAttribute('href')).toMatch(new RegExp(`^/${hreflang}(/|$)`));
        const text = (await link.textContent())!.trim();
        if (text === (hreflang === 'fr' ? 'Français' : 'English')) await expect(link).toHaveAttribute('lang', hreflang!);
        else expect(text, 'a link described in the page language').toBe(locale === 'fr' ? 'Lire cet article en anglais' : 'Read this article in French');
      }
      expect(await page.locator('a[hreflang]').count()).toBeGreaterThanOrEqual(2);
    });
  });
}
