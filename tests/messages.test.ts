import { describe, expect, it } from 'vitest';
import fr from '@/messages/fr.json';
import en from '@/messages/en.json';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

function values(obj: object): string[] {
  return Object.values(obj).flatMap((v) => (v && typeof v === 'object' ? values(v) : [String(v)]));
}

describe('message catalogues', () => {
  it('fr and en have exactly the same keys', () => {
    expect(keys(fr).sort()).toEqual(keys(en).sort());
  });

  it('French strings follow French typography', () => {
    for (const value of values(fr)) {
      // A space before « : ; ! ? » must be a no-break space, and never missing before ; ! ?
      expect(value, value).not.toMatch(/ [:;!?»]/);
      expect(value, value).not.toMatch(/« /);
      expect(value, value).not.toMatch(/[\p{L}\d}][;!?]/u);
      // Typographic apostrophe, not the typewriter one.
      expect(value, value).not.toMatch(/'/);
    }
  });

  it('English strings use typographic apostrophes', () => {
    for (const value of values(en)) expect(value, value).not.toMatch(/'/);
  });
});
