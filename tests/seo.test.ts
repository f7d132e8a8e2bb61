import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import { findArticle, listArticles, type ArticleDetail } from '@/db/articles';
import { renameArticle } from '@/db/newsroom';
import { NEWS_WINDOW_MS } from '@/db/sitemaps';
import { paths } from '@/i18n/paths';
import type { Locale } from '@/i18n/routing';
import { articleGuid, renderRss } from '@/lib/feeds';
import { articleForJsonLd, breadcrumbJsonLd, collectionPageJsonLd, graph, newsArticleJsonLd, serializeJsonLd, websiteJsonLd } from '@/lib/jsonld';
import { buildMetadata } from '@/lib/seo';
import { absoluteUrl } from '@/lib/site';
import { isoDateTimeWithOffset } from '@/lib/format';
import { renderSitemap, renderSitemapIndex, sitemapNames } from '@/lib/sitemaps';
import { JsonLd } from '@/components/JsonLd';
import { parseUrlset, useTestDatabase, xml, type Parsed, type ParsedUrl } from './seo-support';

const NOW = new Date();
let env: ReturnType<typeof useTestDatabase>;

beforeAll(() => {
  env = useTestDatabase({ now: NOW });
});
afterAll(() => env.close());

const visible = `a.status = 'published' and a.published_at <= @now`;

function pick(where: string): { id: number; locale: Locale; slug: string; categorySlug: string; storyId: number } {
  const row = env.db.$client
    .prepare(
      `select a.id, a.locale, a.slug, c.slug as categorySlug, a.story_id as storyId from articles a
       join category_translations c on c.category_id = a.category_id and c.locale = a.locale
       where ${visible} and ${where} order by a.published_at desc limit 1`,
    )
    .get({ now: NOW.getTime() }) as { id: number; locale: Locale; slug: string; categorySlug: string; storyId: number } | undefined;
  if (!row) throw new Error(`no article where ${where}`);
  return row;
}

const translated = () =>
  pick(`a.locale = 'fr' and a.kind = 'article' and exists (select 1 from articles b where b.story_id = a.story_id and b.locale = 'en' and b.status = 'published' and b.published_at <= @now)`);
const untranslatedEn = () => pick(`a.locale = 'en' and not exists (select 1 from articles b where b.story_id = a.story_id and b.locale <> 'en')`);

function detail(ref: { locale: Locale; categorySlug: string; slug: string }): ArticleDetail {
  const found = findArticle(ref.locale, ref.categorySlug, ref.slug);
  if (found.type !== 'found') throw new Error(`not found: ${ref.slug}`);
  return found.article;
}


function allArticleUrls(locale: Locale): ParsedUrl[] {
  return sitemapNames()
    .filter((n) => n.startsWith(`${locale}-articles-`))
    .flatMap((n) => parseUrlset(renderSitemap(n)!));
}

describe('dates for crawlers', () => {
  it('carry the Douala offset', () => {
    expect(isoDateTimeWithOffset(new Date('2024-11-15T23:30:05.700Z'))).toBe('2024-11-16T00:30:05+01:00');
    expect(isoDateTimeWithOffset(new Date('2024-06-30T23:00:00Z'))).toBe('2024-07-01T00:00:00+01:00');
  });
});

describe('JSON-LD', () => {
  it('cannot be broken out of by a headline containing </script>', () => {
    const evil = 'Le </script><script>alert(1)</script> & <!-- titre \u2028 fin';
    const data = { '@context': 'https://schema.org', '@type': 'NewsArticle', headline: evil } as const;
    const text = serializeJsonLd(data);
    expect(text).not.toMatch(/[<>]/);
    expect(text).not.toContain('\u2028');
    expect(JSON.parse(text)).toEqual(data);
    const html = renderToStaticMarkup(createElement(JsonLd, { data }));
    // One opening and one closing tag: the content did not end the element.
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    const inner = /^<script type="application\/ld\+json">(.*)<\/script>$/s.exec(html)?.[1];
    expect(JSON.parse(inner!).headline).toBe(evil);
  });

  it('describes an article as a NewsArticle with crops, offset dates, author, publisher and breadcrumb', () => {
    const ref = translated();
    const article = detail(ref);
    const parsed = JSON.parse(serializeJsonLd(graph(newsArticleJsonLd(articleForJsonLd(article)), breadcrumbJsonLd([{ name: 'Accueil', path: '/fr' }])))) as {
      '@context': string;
      '@graph': Record<string, unknown>[];
    };
    expect(parsed['@context']).toBe('https://schema.org');
    const node = parsed['@graph'][0] as Record<string, Parsed>;
    expect(node['@type']).toBe('NewsArticle');
    expect(node.headline).toBe(article.title);
    expect(node.description).toBe(article.standfirst);
    expect(node.inLanguage).toBe('fr');
    expect(node.articleSection).toBe(article.category.name);
    expect(node.keywords).toEqual(article.tags.map((t) => t.name));
    expect(node.isAccessibleForFree).toBe(true);
    expect(node.mainEntityOfPage['@id']).toBe(absoluteUrl(paths.article('fr', ref.categorySlug, ref.slug)));
    expect(node.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+01:00$/);
    expect(new Date(node.datePublished).getTime()).toBe(Math.floor(article.publishedAt.getTime() / 1000) * 1000);
    expect(node.dateModified).toMatch(/\+01:00$/);
    const ratios = (node.image as { url: string; width: string; height: string }[]).map((i) => {
      expect(Number(i.width)).toBeGreaterThanOrEqual(1200);
      expect(i.url).toMatch(/^http:\/\/localhost:3000\/media\/[a-z]+-\d-(16x9|4x3|1x1)\.svg$/);
      return Math.round((Number(i.width) / Number(i.height)) * 100) / 100;
    });
    expect(ratios).toEqual([1.78, 1.33, 1]);
    expect(['Person', 'Organization']).toContain(node.author[0]['@type']);
    expect(node.author[0].url).toBe(absoluteUrl(paths.author('fr', article.author.slug)));
    expect(node.publisher['@type']).toBe('NewsMediaOrganization');
    expect(node.publisher.logo.url).toBe(absoluteUrl('/logo.png'));
    const crumbs = parsed['@graph'][1] as Record<string, Parsed>;
    expect(crumbs['@type']).toBe('BreadcrumbList');
    expect(crumbs.itemListElement[0]).toMatchObject({ position: 1, name: 'Accueil', item: absoluteUrl('/fr') });
  });

  it('adds a VideoObject with an ISO 8601 duration to video posts', () => {
    const ref = pick(`a.kind = 'video' and a.locale = 'en'`);
    const article = detail(ref);
    const node = JSON.parse(serializeJsonLd(newsArticleJsonLd(articleForJsonLd({ ...article, videoDurationSeconds: 63 })))) as Record<string, Parsed>;
    expect(node.video['@type']).toBe('VideoObject');
    expect(node.video.duration).toBe('PT1M3S');
    expect(node.video.thumbnailUrl.length).toBeGreaterThan(0);
    expect(node.video.uploadDate).toMatch(/\+01:00$/);
  });

  it('gives an embedded video its player as embedUrl, our poster as thumbnail, its own title; no contentUrl', () => {
    const ref = pick(`a.kind = 'video' and a.locale = 'fr'`);
    const article = detail(ref);
    const node = JSON.parse(
      serializeJsonLd(
        newsArticleJsonLd(
          articleForJsonLd({ ...article, videoDurationSeconds: 3723, videoUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', videoTitle: 'Le direct' }),
        ),
      ),
    ) as Record<string, Parsed>;
    expect(node.video.embedUrl).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
    expect(node.video.contentUrl).toBeUndefined();
    expect(node.video.name).toBe('Le direct');
    expect(node.video.duration).toBe('PT1H2M3S');
    expect(node.video.uploadDate).toBe(isoDateTimeWithOffset(article.publishedAt));
    for (const url of node.video.thumbnailUrl as string[]) {
      expect(url.startsWith(absoluteUrl('/'))).toBe(true);
      expect(url).not.toMatch(/ytimg|youtube|google/);
    }
    expect((node.video.thumbnailUrl as string[]).length).toBeGreaterThan(0);
  });

  it('gives a self-hosted video its file as contentUrl (absolute, on our origin) and no embedUrl', () => {
    const ref = pick(`a.kind = 'video' and a.locale = 'en'`);
    const file = `/media/p/${'ab'.repeat(32)}.mp4`;
    const node = JSON.parse(serializeJsonLd(newsArticleJsonLd(articleForJsonLd({ ...detail(ref), videoUrl: file })))) as Record<string, Parsed>;
    expect(node.video.contentUrl).toBe(absoluteUrl(file));
    expect(node.video.embedUrl).toBeUndefined();
  });

  it('gives the WebSite a SearchAction on the localized search page, and listings a CollectionPage', () => {
    const fr = JSON.parse(serializeJsonLd(websiteJsonLd('fr', 'd'))) as Record<string, Parsed>;
    expect(fr.potentialAction.target.urlTemplate).toBe(absoluteUrl('/fr/recherche') + '?q={search_term_string}');
    expect(fr.potentialAction['query-input']).toBe('required name=search_term_string');
    const en = JSON.parse(serializeJsonLd(websiteJsonLd('en', 'd'))) as Record<string, Parsed>;
    expect(en.potentialAction.target.urlTemplate).toBe(absoluteUrl('/en/search') + '?q={search_term_string}');
    const page = collectionPageJsonLd({ locale: 'en', path: '/en/economy/page/2', name: 'Economy', items: [{ name: 'A', path: '/en/economy/a' }], startPosition: 13 });
    expect(page['@type']).toBe('CollectionPage');
    expect(JSON.parse(serializeJsonLd(page)).mainEntity.itemListElement[0]).toMatchObject({ position: 13, url: absoluteUrl('/en/economy/a') });
  });
});

describe('page metadata', () => {
  it('links a translated pair both ways with x-default on the French version', () => {
    const fr = detail(translated());
    const tr = fr.translations.find((t) => t.locale === 'en')!;
    const frPath = paths.article('fr', fr.category.slug, fr.slug);
    const enPath = paths.article('en', tr.categorySlug, tr.slug);
    const en = detail({ locale: 'en', categorySlug: tr.categorySlug, slug: tr.slug });
    expect(en.translations.map((t) => t.slug)).toEqual([fr.slug]);
    const expected = { fr: absoluteUrl(frPath), en: absoluteUrl(enPath), 'x-default': absoluteUrl(frPath) };
    const mFr = buildMetadata({ locale: 'fr', paths: { fr: frPath, en: enPath }, title: fr.title });
    const mEn = buildMetadata({ locale: 'en', paths: { en: enPath, fr: frPath }, title: en.title, noindex: true });
    expect(mFr.alternates?.languages).toEqual(expected);
    expect(mEn.alternates?.languages).toEqual(expected);
    expect(mFr.alternates?.canonical).toBe(absoluteUrl(frPath));
    expect(mEn.alternates?.canonical).toBe(absoluteUrl(enPath));
    expect(mFr.openGraph).toMatchObject({ locale: 'fr_FR', alternateLocale: ['en_US'] });
    expect(mFr.robots).toMatchObject({ index: true, 'max-image-preview': 'large' });
    expect(mEn.robots).toMatchObject({ index: false, follow: true });
  });

  it('gives an untranslated article no alternate in the other language', () => {
    const ref = untranslatedEn();
    const path = paths.article('en', ref.categorySlug, ref.slug);
    const m = buildMetadata({
      locale: 'en',
      paths: { en: path },
      title: 't',
      type: 'article',
      article: { publishedTime: new Date('2024-11-15T13:05:00Z'), modifiedTime: new Date('2024-11-15T13:05:00Z'), section: 'Economy' },
      image: { url: `${path}/opengraph-image`, alt: 'card', width: 1200, height: 630 },
    });
    expect(m.alternates?.languages).toEqual({ en: absoluteUrl(path), 'x-default': absoluteUrl(path) });
    expect(m.openGraph).not.toHaveProperty('alternateLocale');
    expect(m.openGraph).toMatchObject({ type: 'article', publishedTime: '2024-11-15T14:05:00+01:00', section: 'Economy' });
    expect(m.twitter).toMatchObject({ card: 'summary_large_image', images: [{ url: absoluteUrl(`${path}/opengraph-image`), alt: 'card' }] });
  });
});

describe('sitemaps', () => {
  it('index lists every file, and each listed file exists', () => {
    const doc = xml.parse(renderSitemapIndex()) as { sitemapindex: { sitemap: { loc: string; lastmod?: string }[] } };
    const locs = doc.sitemapindex.sitemap.map((s) => s.loc);
    for (const name of ['news', 'fr-sections', 'fr-topics', 'fr-authors', 'fr-articles-1', 'en-sections', 'en-topics', 'en-authors', 'en-articles-1']) {
      expect(locs).toContain(absoluteUrl(`/sitemaps/${name}.xml`));
      expect(renderSitemap(name), name).not.toBeNull();
    }
    expect(renderSitemap('fr-articles-2')).toBeNull();
    expect(renderSitemap('de-sections')).toBeNull();
    expect(doc.sitemapindex.sitemap.find((s) => s.loc.endsWith('/fr-articles-1.xml'))?.lastmod).toMatch(/\+01:00$/);
  });

  it('articles: every visible version once, lastmod, hero image, reciprocal hreflang only for translations', () => {
    const fr = allArticleUrls('fr');
    const en = allArticleUrls('en');
    const count = (locale: string) =>
      (env.db.$client.prepare(`select count(*) n from articles a where a.locale = ? and ${visible.replace('@now', '?')}`).get(locale, NOW.getTime()) as { n: number }).n;
    expect(fr).toHaveLength(count('fr'));
    expect(en).toHaveLength(count('en'));
    for (const u of [...fr, ...en]) {
      expect(u.lastmod).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+01:00$/);
      expect(u['image:image']?.[0]?.['image:loc']).toMatch(/^http:\/\/localhost:3000\/media\/.+\.svg$/);
    }
    const pair = translated();
    const frUrl = absoluteUrl(paths.article('fr', pair.categorySlug, pair.slug));
    const frEntry = fr.find((u) => u.loc === frUrl)!;
    const links = Object.fromEntries(frEntry['xhtml:link']!.map((l) => [l['@hreflang'], l['@href']]));
    expect(Object.keys(links).sort()).toEqual(['en', 'fr', 'x-default']);
    expect(links.fr).toBe(frUrl);
    expect(links['x-default']).toBe(frUrl);
    const enEntry = en.find((u) => u.loc === links.en)!;
    expect(enEntry, 'the English version is listed too').toBeDefined();
    const back = Object.fromEntries(enEntry['xhtml:link']!.map((l) => [l['@hreflang'], l['@href']]));
    expect(back).toEqual(links);
    const lonely = untranslatedEn();
    const lonelyEntry = en.find((u) => u.loc === absoluteUrl(paths.article('en', lonely.categorySlug, lonely.slug)))!;
    expect(lonelyEntry['xhtml:link']).toBeUndefined();
    // Nothing unpublished or scheduled in the future leaks out.
    const hidden = env.db.$client.prepare(`select a.slug from articles a where not (${visible.replace('@now', '?')})`).all(NOW.getTime()) as { slug: string }[];
    expect(hidden.length).toBeGreaterThan(0);
    for (const h of hidden) expect([...fr, ...en].some((u) => u.loc.endsWith(`/${h.slug}`))).toBe(false);
  });

  it('sections, topics and authors carry localized URLs with hreflang', () => {
    const sections = parseUrlset(renderSitemap('fr-sections')!);
    expect(sections.length).toBeGreaterThan(3);
    const economy = sections.find((u) => u.loc === absoluteUrl('/fr/economie'))!;
    expect(economy['xhtml:link']!.map((l) => l['@href'])).toContain(absoluteUrl('/en/economy'));
    const topics = parseUrlset(renderSitemap('en-topics')!);
    expect(topics.length).toBeGreaterThan(0);
    // First the A–Z index, with its version in the other language; then every topic.
    expect(topics[0]!.loc).toBe(absoluteUrl('/en/topics'));
    expect(topics[0]!['xhtml:link']!.map((l) => l['@href'])).toContain(absoluteUrl('/fr/sujets'));
    for (const u of topics.slice(1)) expect(u.loc).toMatch(/^http:\/\/localhost:3000\/en\/topics\/[a-z0-9-]+$/);
    const authors = parseUrlset(renderSitemap('fr-authors')!);
    expect(authors.length).toBeGreaterThan(1);
    expect(authors[0]!.loc).toBe(absoluteUrl('/fr/auteurs'));
    expect(authors[0]!['xhtml:link']!.map((l) => l['@href'])).toContain(absoluteUrl('/en/authors'));
    for (const u of authors.slice(1)) expect(u.loc).toMatch(/^http:\/\/localhost:3000\/fr\/auteurs\/[a-z0-9-]+$/);
  });

  it('news sitemap: exactly the articles of the last 48 hours, with publication, language, date and title', () => {
    const news = parseUrlset(renderSitemap('news')!);
    const expected = env.db.$client
      .prepare(`select a.title, a.locale from articles a where ${visible.replace('@now', '?')} and a.published_at > ?`)
      .all(NOW.getTime(), NOW.getTime() - NEWS_WINDOW_MS) as { title: string; locale: string }[];
    const older = env.db.$client
      .prepare(`select count(*) n from articles a where ${visible.replace('@now', '?')} and a.published_at <= ?`)
      .get(NOW.getTime(), NOW.getTime() - NEWS_WINDOW_MS) as { n: number };
    expect(expected.length).toBeGreaterThan(0);
    expect(older.n, 'the seed has older articles, which must stay out').toBeGreaterThan(0);
    expect(news).toHaveLength(expected.length);
    for (const u of news) {
      const n = u['news:news']!;
      expect(n['news:publication']['news:name']).toBe('Kiosque');
      expect(['fr', 'en']).toContain(n['news:publication']['news:language']);
      expect(u.loc.startsWith(absoluteUrl(`/${n['news:publication']['news:language']}/`))).toBe(true);
      expect(n['news:publication_date']).toMatch(/\+01:00$/);
      expect(NOW.getTime() - new Date(n['news:publication_date']).getTime()).toBeLessThan(NEWS_WINDOW_MS);
      expect(expected.map((e) => e.title)).toContain(n['news:title']);
    }
  });
});

describe('RSS feeds', () => {
  it('are RSS 2.0 with absolute links, permanent GUIDs and the hero image as enclosure', () => {
    const items = listArticles('fr', {}, 50);
    const text = renderRss({ locale: 'fr', title: 'Kiosque', description: 'd', pagePath: '/fr', feedPath: '/fr/rss.xml', items });
    const doc = xml.parse(text) as { rss: { '@version': string; channel: Record<string, Parsed> } };
    expect(doc.rss['@version']).toBe('2.0');
    const channel = doc.rss.channel;
    expect(channel.link).toBe(absoluteUrl('/fr'));
    expect(channel.language).toBe('fr');
    expect(channel['atom:link'][0]['@href']).toBe(absoluteUrl('/fr/rss.xml'));
    expect(channel.item).toHaveLength(items.length);
    channel.item.forEach((item: Record<string, Parsed>, i: number) => {
      const a = items[i]!;
      expect(item.title).toBe(a.title);
      expect(item.link).toBe(absoluteUrl(paths.article('fr', a.category.slug, a.slug)));
      expect(item.guid['#text']).toBe(`urn:kiosque:article:${a.id}`);
      expect(item.guid['@isPermaLink']).toBe('false');
      expect(new Date(item.pubDate).getTime()).toBe(Math.floor(a.publishedAt.getTime() / 1000) * 1000);
      expect(item.enclosure['@url']).toBe(absoluteUrl(a.heroImage!));
      expect(item.enclosure['@type']).toBe('image/svg+xml');
      expect(Number(item.enclosure['@length'])).toBeGreaterThan(0);
    });
  });
});

describe('slug change', () => {
  it('redirects the old URL and moves feeds, sitemaps and canonical to the new slug', () => {
    const ref = translated();
    const before = detail(ref);
    const newSlug = `${ref.slug}-mise-a-jour`;
    renameArticle(ref.id, newSlug);
    expect(findArticle('fr', ref.categorySlug, ref.slug)).toEqual({ type: 'redirect', categorySlug: ref.categorySlug, slug: newSlug });
    const after = detail({ ...ref, slug: newSlug });
    expect(after.id).toBe(before.id);
    const newUrl = absoluteUrl(paths.article('fr', ref.categorySlug, newSlug));
    const oldUrl = absoluteUrl(paths.article('fr', ref.categorySlug, ref.slug));
    // Sitemap: listed under its new URL; the English version's hreflang points at the new URL too.
    const fr = allArticleUrls('fr');
    expect(fr.some((u) => u.loc === newUrl)).toBe(true);
    expect(fr.some((u) => u.loc === oldUrl)).toBe(false);
    const enEntry = allArticleUrls('en').find((u) => u['xhtml:link']?.some((l) => l['@hreflang'] === 'fr' && l['@href'] === newUrl));
    expect(enEntry).toBeDefined();
    // Feed: same GUID, new link.
    const text = renderRss({ locale: 'fr', title: 'K', description: 'd', pagePath: '/fr', feedPath: '/fr/rss.xml', items: listArticles('fr', {}, 500) });
    const item = (xml.parse(text).rss.channel.item as Record<string, Parsed>[]).find((i) => i.guid['#text'] === articleGuid(ref.id))!;
    expect(item.link).toBe(newUrl);
    expect(text).not.toContain(`<link>${oldUrl}</link>`);
    // Canonical from the renamed article.
    const m = buildMetadata({ locale: 'fr', paths: { fr: paths.article('fr', after.category.slug, after.slug) }, title: after.title });
    expect(m.alternates?.canonical).toBe(newUrl);
    // Renaming back makes the first slug current again and redirects the second one.
    renameArticle(ref.id, ref.slug);
    expect(findArticle('fr', ref.categorySlug, newSlug)).toMatchObject({ type: 'redirect', slug: ref.slug });
    expect(findArticle('fr', ref.categorySlug, ref.slug).type).toBe('found');
  });

  it('refuses a slug already taken or not shaped like a slug', () => {
    const a = translated();
    const b = untranslatedEn();
    const other = pick(`a.locale = 'fr' and a.id <> ${a.id}`);
    expect(() => renameArticle(a.id, other.slug)).toThrow(/already used/);
    expect(() => renameArticle(a.id, 'Pas Un Slug')).toThrow(/cannot be a slug/);
    expect(() => renameArticle(a.id, 'rss.xml')).toThrow(/cannot be a slug/);
    expect(findArticle(b.locale, b.categorySlug, b.slug).type).toBe('found');
  });
});
