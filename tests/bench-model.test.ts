/**
 * The capacity model of `npm run bench:model` (scripts/perf/model.ts) sends what the issue describes: two thirds of
 * page views on articles, each with its beacon, one third on front and section pages, articles on a Zipf curve that
 * favours the last 48 hours, cold views with their assets.
 */
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '@/lib/random';
import { popularityOrder, requestMix, zipf, type Article } from '@/scripts/perf/model';

const HOUR = 3_600_000;
const now = Date.UTC(2026, 11, 1, 12);

describe('the capacity model', () => {
  it('Zipf (s = 1): rank 1 is picked about twice as often as rank 2 and ten times as often as rank 10', () => {
    const pick = zipf(1000, mulberry32(1));
    const counts = new Array<number>(1000).fill(0);
    for (let i = 0; i < 200_000; i++) counts[pick()]! += 1;
    expect(counts[0]! / counts[1]!).toBeGreaterThan(1.8);
    expect(counts[0]! / counts[1]!).toBeLessThan(2.2);
    expect(counts[0]! / counts[9]!).toBeGreaterThan(8.5);
    expect(counts[0]! / counts[9]!).toBeLessThan(11.5);
  });

  it('ranks the last 48 h first (not in publication order), then the archive newest first', () => {
    const articles: Article[] = Array.from({ length: 200 }, (_, i) => ({ id: i + 1, locale: i % 3 ? 'fr' : 'en', path: `/x/${i}`, publishedAt: now - i * HOUR }));
    const ranked = popularityOrder(articles, mulberry32(3), now);
    expect(ranked).toHaveLength(200);
    const recent = ranked.slice(0, 48);
    expect(recent.every((a) => now - a.publishedAt < 48 * HOUR)).toBe(true);
    expect(recent.map((a) => a.id)).not.toEqual(articles.slice(0, 48).map((a) => a.id));
    expect(ranked.slice(48).map((a) => a.id)).toEqual(articles.slice(48).map((a) => a.id));
  });

  it('sends two thirds of page views to articles, each with its beacon, and a third to front and section pages', () => {
    const articles: Article[] = Array.from({ length: 5000 }, (_, i) => ({ id: i + 1, locale: i % 4 ? 'fr' : 'en', path: `/${i % 4 ? 'fr' : 'en'}/s/a${i}`, publishedAt: now - i * HOUR }));
    const sections = [
      { locale: 'fr', slug: 'politique', n: 100 },
      { locale: 'en', slug: 'politics', n: 10 },
    ];
    const ranked = popularityOrder(articles, mulberry32(5), now);
    const mix = requestMix(ranked, sections, ['/_next/static/a.css', '/_next/static/kiosque/lite.x.js'], 0.2, mulberry32(9), now);
    const gets = mix.lines.filter((l) => l.startsWith('GET\t')).map((l) => l.split('\t')[1]!);
    const beacons = mix.lines.filter((l) => l.startsWith('POST\t/api/views\t'));
    const articleViews = gets.filter((p) => /^\/(fr|en)\/s\/a\d+$/.test(p)).length;
    const listings = gets.filter((p) => /^\/(fr|en)(\/(politique|politics)(\/page\/2)?)?$/.test(p)).length;
    const assets = gets.filter((p) => p.startsWith('/_next/')).length;
    expect(articleViews + listings).toBe(mix.views);
    expect(articleViews / mix.views).toBeCloseTo(2 / 3, 1);
    expect(beacons).toHaveLength(articleViews);
    expect(beacons.every((l) => /^POST\t\/api\/views\t\{"articleId":\d+,"reader":"[0-9a-f]{32}"\}\t10\.\d+\.\d+\.\d+$/.test(l))).toBe(true);
    expect(assets / 2 / mix.views).toBeCloseTo(0.2, 1);
    // 48 of 5,000 versions are from the last 48 h; Zipf over the ranking gives them a large share of article views.
    expect(mix.recentShare / (articleViews / mix.views)).toBeGreaterThan(0.4);
    // French has three quarters of the versions: most front and section views are French.
    expect(gets.filter((p) => p === '/fr').length).toBeGreaterThan(gets.filter((p) => p === '/en').length * 2);
  });
});
