import { describe, expect, it } from 'vitest';
import { refreshTargets } from './targets';

describe('refreshTargets', () => {
  it('covers the article, its section, front page, topics, author, latest, feeds and sitemaps, before and after', () => {
    const before = { locale: 'fr' as const, articleUrls: ['/fr/politique/ancien'], sectionSlug: 'politique', topicSlugs: ['elections'], authorSlug: 'awa', otherVersionUrls: [] };
    const after = { ...before, articleUrls: ['/fr/societe/nouveau', '/fr/societe/ancien'], sectionSlug: 'societe', otherVersionUrls: ['/en/politics/election'] };
    const targets = refreshTargets([before, after]);
    const literal = targets.filter((t) => !t.type).map((t) => t.path);
    expect(literal).toEqual(
      expect.arrayContaining([
        '/fr/politique/ancien',
        '/fr/societe/nouveau',
        '/fr/societe/ancien',
        '/en/politics/election',
        '/fr',
        '/fr/politique',
        '/fr/societe',
        '/fr/rss.xml',
        '/fr/politique/rss.xml',
        '/fr/societe/rss.xml',
        '/fr/sujets/elections',
        '/fr/topics/elections',
        '/fr/auteurs/awa',
        '/fr/actualites',
        '/sitemap.xml',
      ]),
    );
    expect(targets).toEqual(expect.arrayContaining([{ path: '/sitemaps', type: 'layout' }, { path: '/[locale]/[category]/page/[n]', type: 'page' }]));
    // No duplicates.
    expect(new Set(targets.map((t) => `${t.type} ${t.path}`)).size).toBe(targets.length);
  });
  it('nothing to refresh for nothing', () => {
    expect(refreshTargets([null, undefined])).toEqual([]);
  });
});
