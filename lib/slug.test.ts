import { describe, expect, it } from 'vitest';
import { isSlug } from './params';
import { isUsableSlug, slugify, uniqueSlug } from './slug';

describe('slugify', () => {
  it('folds accents and punctuation into kebab-case', () => {
    expect(slugify('Élection à Yaoundé')).toBe('election-a-yaounde');
    expect(slugify('L’œuvre de Ngũgĩ : « Décoloniser l’esprit »')).toBe('l-oeuvre-de-ngugi-decoloniser-l-esprit');
    expect(slugify('  Prix du cacao : +12 % en 2025 !  ')).toBe('prix-du-cacao-12-en-2025');
  });
  it('always gives a usable slug', () => {
    for (const title of ['', '!!!', '日本語', 'Page', 'recherche', 'x'.repeat(500)]) {
      const slug = slugify(title);
      expect(isSlug(slug), title).toBe(true);
      expect(isUsableSlug(slug), title).toBe(true);
    }
  });
  it('refuses reserved segments', () => {
    expect(isUsableSlug('page')).toBe(false);
    expect(isUsableSlug('sujets')).toBe(false);
    expect(isUsableSlug('pages')).toBe(true);
  });
});

describe('uniqueSlug', () => {
  it('suffixes -2, -3 while the slug is taken', () => {
    const taken = new Set(['a', 'a-2']);
    expect(uniqueSlug('a', (s) => taken.has(s))).toBe('a-3');
    expect(uniqueSlug('b', (s) => taken.has(s))).toBe('b');
  });
});
