import { describe, expect, it } from 'vitest';
import { parseTranslationGroup, TermTranslations } from './polylang';

describe('Polylang translation groups', () => {
  it('reads the language → id array WordPress serializes, and nothing else', () => {
    expect([...parseTranslationGroup('a:2:{s:2:"fr";i:3;s:2:"en";i:30;}')]).toEqual([['fr', 3], ['en', 30]]);
    expect([...parseTranslationGroup('a:1:{s:5:"pt_BR";i:9;}')]).toEqual([['pt_br', 9]]);
    // A wrong byte length, a non-language key, an object or plain text: ignored.
    expect(parseTranslationGroup('a:1:{s:3:"fr";i:3;}').size).toBe(0);
    expect(parseTranslationGroup('a:1:{s:4:"sync";i:1;}').size).toBe(0);
    expect(parseTranslationGroup('O:8:"stdClass":1:{s:2:"fr";i:3;}').size).toBe(0);
    expect(parseTranslationGroup('Catégorie des élections').size).toBe(0);
  });

  it('finds a term’s group and language', () => {
    const index = new TermTranslations();
    index.add('a:2:{s:2:"fr";i:3;s:2:"en";i:30;}');
    expect(index.groupOf(30)?.get('fr')).toBe(3);
    expect(index.languageOf(30)).toBe('en');
    expect(index.groupOf(4)).toBeNull();
    expect(index.languageOf(4)).toBeNull();
  });
});
