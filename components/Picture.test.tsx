import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { Picture } from './Picture';
import { newsArticleJsonLd, type ArticleForJsonLd } from '@/lib/jsonld';
import type { PhotoForPage } from '@/db/media';

const file = (w: number, ext: string) => ({ url: `/media/p/${String(w).padStart(64, 'a')}.${ext}`, width: w, height: Math.round((w * 9) / 16) });
const photo: PhotoForPage = {
  id: 1,
  alt: 'Des électeurs font la queue',
  caption: 'Bureau de vote',
  credit: 'Awa Ndiaye / Kiosque',
  sources: {
    avif: [480, 800, 1200, 1600].map((w) => file(w, 'avif')),
    webp: [480, 800, 1200, 1600].map((w) => file(w, 'webp')),
    jpeg: [480, 800, 1200, 1600].map((w) => file(w, 'jpg')),
  },
  og: { url: '/media/p/og.jpg', width: 1200, height: 630 },
  structured: [file(1600, 'jpg'), { url: '/media/p/43.jpg', width: 1200, height: 900 }, { url: '/media/p/11.jpg', width: 1200, height: 1200 }],
};

describe('Picture', () => {
  it('offers AVIF, then WebP, then a JPEG img with every width, the layout sizes, dimensions and lazy loading', () => {
    const html = renderToStaticMarkup(<Picture photo={photo} alt={photo.alt} sizes="(max-width: 800px) 100vw, 800px" />);
    expect(html.indexOf('type="image/avif"')).toBeLessThan(html.indexOf('type="image/webp"'));
    expect(html).toMatch(/<source type="image\/avif" srcSet="[^"]*480w, [^"]*800w, [^"]*1200w, [^"]*1600w" sizes="\(max-width: 800px\) 100vw, 800px"\/>/);
    expect(html).toMatch(/<img src="[^"]+\.jpg" srcSet="[^"]*\.jpg 480w/);
    expect(html).toContain('width="1600" height="900"');
    expect(html).toContain('alt="Des électeurs font la queue"');
    expect(html).toContain('loading="lazy"');
    expect(html).not.toContain('fetchPriority');
  });

  it('fetches the lead image first, never lazily', () => {
    const html = renderToStaticMarkup(<Picture photo={photo} alt="" sizes="100vw" lead />);
    expect(html).toContain('fetchPriority="high"');
    expect(html).toContain('loading="eager"');
  });
});

describe('NewsArticle JSON-LD with a library photo', () => {
  it('lists the 16:9, 4:3 and 1:1 crops as absolute URLs', () => {
    const a: ArticleForJsonLd = {
      locale: 'fr',
      path: '/fr/politique/x',
      title: 'T',
      standfirst: 'S',
      kind: 'article',
      videoDurationSeconds: null,
      videoUrl: null,
      heroImage: null,
      heroWidth: null,
      heroHeight: null,
      heroAlt: '',
      photo,
      publishedAt: new Date('2026-03-02T08:00:00Z'),
      updatedAt: new Date('2026-03-02T08:00:00Z'),
      section: 'Politique',
      keywords: [],
      author: { name: 'A', kind: 'person', path: '/fr/auteurs/a', url: null },
    };
    const images = newsArticleJsonLd(a).image as unknown as { url: string; width: string; height: string }[];
    expect(images.map((i) => Number(i.width) / Number(i.height))).toEqual([16 / 9, 4 / 3, 1]);
    for (const i of images) expect(i.url).toMatch(/^https?:\/\/[^/]+\/media\/p\//);
  });
});

describe('RSS with a library photo', () => {
  it('encloses the 1200 px 16:9 JPEG', async () => {
    const { renderRss } = await import('@/lib/feeds');
    const item = {
      id: 7,
      locale: 'fr',
      slug: 's',
      title: 'T',
      standfirst: 'S',
      kind: 'article' as const,
      genre: 'news' as const,
      videoDurationSeconds: null,
      heroImage: '/media/politics-1-16x9.svg',
      heroWidth: 1600,
      heroHeight: 900,
      heroAlt: '',
      photo,
      publishedAt: new Date('2026-03-02T08:00:00Z'),
      updatedAt: new Date('2026-03-02T08:00:00Z'),
      category: { id: 1, slug: 'politique', name: 'Politique' },
      author: { id: 1, slug: 'a', name: 'A', kind: 'person' as const },
    };
    const xml = renderRss({ locale: 'fr', title: 'K', description: 'd', pagePath: '/fr', feedPath: '/fr/rss.xml', items: [item] });
    const enclosure = /<enclosure [^>]*>/.exec(xml)?.[0] ?? '';
    expect(enclosure).toMatch(/url="https?:\/\/[^"]+\/media\/p\/a{60}1200\.jpg"/);
    expect(enclosure).toContain('type="image/jpeg"');
  });
});
