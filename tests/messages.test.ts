import { describe, expect, it } from 'vitest';
import fr from '@/messages/fr.json';
import en from '@/messages/en.json';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

function values(obj: object): string[] {
  return Object.values(obj).flatMap((v) => (v && typeof v === 'object' ? values(v) : [String(v)]));
}

/** French typography rules for interface strings, each with what it enforces. */
const FRENCH_TYPOGRAPHY: [RegExp, string][] = [
  [/ [:;!?»]/, 'the space before : ; ! ? » must be a no-break space'],
  [/« /, 'the space after « must be a no-break space'],
  [/[\p{L}\d}][;!?]/u, 'a no-break space is needed before ; ! ?'],
  [/[\p{L}\d}]:/u, 'a no-break space is needed before :'],
  [/'/, 'typographic apostrophe (’), not the typewriter one'],
  [/"/, '« guillemets », not straight quotes'],
  [/«(?![\u00A0\u202F])|(?<![\u00A0\u202F])»/, 'no-break spaces inside « »'],
];

describe('message catalogues', () => {
  it('fr and en have exactly the same keys', () => {
    expect(keys(fr).sort()).toEqual(keys(en).sort());
  });

  it('French strings follow French typography', () => {
    for (const value of values(fr)) {
      for (const [rule, why] of FRENCH_TYPOGRAPHY) expect(value, `${why}: ${value}`).not.toMatch(rule);
    }
  });

  it('the French typography check catches the usual mistakes', () => {
    const bad = ['Météo: {condition}', 'Météo : {condition}', 'Vraiment?', 'Le mot "kiosque"', '«kiosque»', '«\u00A0kiosque »', 'l\'actualité'];
    for (const value of bad) expect(FRENCH_TYPOGRAPHY.some(([rule]) => rule.test(value)), value).toBe(true);
    const good = 'Météo\u00A0: {condition} «\u202Fkiosque\u202F» l’actualité\u202F! Vraiment\u202F? Oui\u202F; {n}\u00A0:';
    expect(FRENCH_TYPOGRAPHY.filter(([rule]) => rule.test(good)).map(([, why]) => why)).toEqual([]);
  });

  it('English strings use typographic apostrophes', () => {
    for (const value of values(en)) expect(value, value).not.toMatch(/'/);
  });
});
