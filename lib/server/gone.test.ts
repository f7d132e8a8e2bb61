import { describe, expect, it } from 'vitest';
import { goneLocale, gonePage } from './gone';

describe('410 for gone articles', () => {
  const gone = new Set(['/fr/politique/retire', '/en/politics/withdrawn']);
  const lookup = (p: string) => gone.has(p);
  it('answers only GET/HEAD of article-shaped paths that are gone, in the URL’s language', () => {
    expect(goneLocale('GET', '/fr/politique/retire', lookup)).toBe('fr');
    expect(goneLocale('HEAD', '/en/politics/withdrawn?utm=x', lookup)).toBe('en');
    expect(goneLocale('POST', '/fr/politique/retire', lookup)).toBeNull();
    expect(goneLocale('GET', '/fr/politique/autre', lookup)).toBeNull();
    expect(goneLocale('GET', '/fr/politique', lookup)).toBeNull();
    expect(goneLocale('GET', '/de/politique/retire', lookup)).toBeNull();
  });
  it('never looks up what cannot be an article', () => {
    let calls = 0;
    const counting = () => (calls++, false);
    for (const url of ['/', '/fr', '/fr/politique', '/fr/politique/page/2', '/_next/static/x.js', '/media/a.svg', '/fr/rss.xml', '/api/views']) goneLocale('GET', url, counting);
    expect(calls).toBe(0);
  });
  it('the page speaks the URL’s language', () => {
    expect(gonePage('fr')).toContain('<html lang="fr">');
    expect(gonePage('fr')).toContain('Article retiré');
    expect(gonePage('en')).toContain('Article withdrawn');
    expect(gonePage('en')).not.toMatch(/retiré/);
  });
});
