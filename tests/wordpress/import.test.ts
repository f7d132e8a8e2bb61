import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addRedirect, dropShadowingRedirects, legacyRedirect, normalizeLegacyPath } from '@/db/wordpress';
import { importWordpress } from '@/lib/wordpress/import';
import { listArticles } from '@/db/articles';
import { renderSitemap } from '@/lib/sitemaps';
import { repairMojibake } from '@/lib/wordpress/mojibake';
import { useTestDb } from '../support/db';

const FIXTURE = join(__dirname, '../fixtures/wordpress/site.xml');
const NOW = new Date('2026-01-01T00:00:00Z');
let env: ReturnType<typeof useTestDb>;
let uploads: string;

beforeEach(async () => {
  env = useTestDb();
  vi.stubEnv('MEDIA_DIR', join(env.dir, 'media'));
  uploads = join(env.dir, 'uploads');
  mkdirSync(join(uploads, '2024/11'), { recursive: true });
  await sharp({ create: { width: 1600, height: 1000, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .jpeg()
    .toFile(join(uploads, '2024/11/marche.jpg'));
});
afterEach(() => {
  vi.unstubAllEnvs();
  env.close();
});

type Row = Record<string, unknown>;
const all = (sql: string, ...p: unknown[]) => env.db.$client.prepare(sql).all(...p) as Row[];
/** Every table the import writes, as it is (to compare before and after). */
const snapshot = () =>
  ['articles', 'stories', 'categories', 'category_translations', 'tags', 'tag_translations', 'authors', 'author_translations', 'article_tags', 'wordpress_posts', 'legacy_redirects', 'media'].map((t) =>
    all(`select * from ${t} order by rowid`),
  );

describe('WordPress import', () => {
  it('imports the bilingual export: stories, sections, topics, statuses, dates, bodies, report', async () => {
    const report = await importWordpress(FIXTURE, { uploads, now: NOW, db: env.db });
    expect(report).toMatchObject({ siteUrl: 'https://journal.example', imported: 4, updated: 0, unchanged: 0, mediaImported: 1 });
    expect(report.skipped).toEqual({ 'status private': 1, 'post type page': 1 });
    expect(report.mediaMissing).toEqual(['https://journal.example/wp-content/uploads/2024/11/absent.jpg']);
    expect(report.dropped).toMatchObject({ script: 1, iframe: 1, 'shortcode:gallery': 1, 'block-comment': 4 });
    // Ã© ×4 (été, réélu), â€™, â– .
    expect(report.mojibakeRepaired).toBe(6);

    const rows = all(
      `select a.locale, a.slug, a.title, a.standfirst, a.body, a.status, a.published_at, a.story_id, a.hero_media_id, a.hero_alt, c.key as section
       from articles a join categories c on c.id = a.category_id order by a.id`,
    );
    expect(rows.map((r) => [r.locale, r.slug, r.status, r.section])).toEqual([
      ['fr', 'maire-reelu', 'published', 'wp:politique'],
      ['en', 'mayor-re-elected', 'published', 'wp:politique'],
      ['fr', 'brouillon', 'draft', 'wp:politique'],
      ['fr', 'budget-2027', 'scheduled', 'wp:politique'],
    ]);
    const [fr, en, draft, scheduled] = rows as Row[];
    // Polylang pair → one story; the others stand alone.
    expect(fr!.story_id).toBe(en!.story_id);
    expect(draft!.story_id).not.toBe(fr!.story_id);
    // Dates from post_date_gmt, in UTC.
    expect(new Date(fr!.published_at as number).toISOString()).toBe('2024-11-15T08:30:00.000Z');
    expect(new Date(scheduled!.published_at as number).toISOString()).toBe('2027-01-10T07:00:00.000Z');
    expect(draft!.published_at).toBeNull();
    expect(fr!.standfirst).toBe('Le maire sortant conserve la mairie.');
    expect(fr!.hero_media_id).not.toBeNull();
    expect(fr!.hero_alt).toBe('Le marché central');
    // The library describes the hero photo in the post's language with WordPress's alt text (the publish rule holds).
    expect(all(`select locale, alt from media_translations where media_id = ? order by locale`, fr!.hero_media_id)).toEqual([
      { locale: 'en', alt: '' },
      { locale: 'fr', alt: 'Le marché central' },
    ]);
    expect(report.heroAltMissing).toEqual([]);

    const body = fr!.body as string;
    expect(body).toContain('Le maire sortant a été réélu, selon l’annonce officielle.');
    expect(body).toContain('## Les résultats');
    expect(body).toContain('- Liste A : 54 %');
    expect(body).toContain('> Une victoire nette.');
    expect(body).toContain('_Le bureau de vote_');
    // The block editor's resized copy (marche-1024x640.jpg, not in the uploads folder) is the featured image's
    // original: one library photo, written as its stable library address.
    expect(body).toContain(`![Les étals du marché](/media/photo/${fr!.hero_media_id})`);
    // …which the library counts as a use of that photo (it cannot be deleted while the article shows it).
    expect(all(`select media_id from article_body_photos where article_id = (select id from articles where slug = 'maire-reelu')`)).toEqual([
      { media_id: fr!.hero_media_id },
    ]);
    // A link to the old site is now a site path, answered by its old-URL redirect.
    expect(body).toContain('■ Lire aussi [la campagne](/2024/11/14/campagne/)');
    expect(body).not.toMatch(/script|pub|ads\.example|gallery|wp:|absent\.jpg|â|Ã/);
    expect(en!.body).toContain('<https://www.youtube.com/watch?v=abc123>');
    // A video post (post format "video") is a video article: the player URL and duration from the theme's meta.
    expect(all(`select kind, video_url, video_duration_seconds from articles order by id`)).toEqual([
      { kind: 'article', video_url: null, video_duration_seconds: null },
      { kind: 'video', video_url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', video_duration_seconds: 63 },
      { kind: 'article', video_url: null, video_duration_seconds: null },
      { kind: 'article', video_url: null, video_duration_seconds: null },
    ]);
    expect(en!.body).toContain('<https://www.dailymotion.com/video/x8abc>');

    // Nested categories flattened to the top-level section, and Polylang's term_translations make the French and
    // English categories one section named in each language (likewise the tags: one topic).
    expect(all(`select locale, name, slug from category_translations ct join categories c on c.id = ct.category_id where c.key like 'wp:%' order by locale`)).toEqual([
      { locale: 'en', name: 'Politics', slug: 'politics' },
      { locale: 'fr', name: 'Politique', slug: 'politique' },
    ]);
    expect(all(`select t.key, tt.locale, tt.slug from tags t join tag_translations tt on tt.tag_id = t.id order by tt.locale`)).toEqual([
      { key: 'wp:tag:yaounde', locale: 'en', slug: 'yaounde-en' },
      { key: 'wp:tag:yaounde', locale: 'fr', slug: 'yaounde' },
    ]);
    expect(all(`select count(distinct tag_id) as n from article_tags`)).toEqual([{ n: 1 }]);
    // The scheduled post's permalink (/fr/%category%/%postname%/) is its new URL: no redirect to itself is kept.
    expect(report.redirectsShadowed).toEqual(['/fr/politique/budget-2027']);
    // Nested categories are merged into their top-level section, and the report says which.
    expect(report.sectionsFlattened).toEqual({ 'politique/elections': 'politique', 'politique/elections/municipales': 'politique', 'politics/elections-en': 'politics' });
    expect(all(`select at.name from authors a join author_translations at on at.author_id = a.id where a.key = 'wp:amina' and at.locale = 'fr'`)).toEqual([{ name: 'Amina Bello' }]);
  });

  it('puts the published posts in the sitemaps, with hreflang for Polylang pairs, and in the feeds', async () => {
    await importWordpress(FIXTURE, { uploads, now: NOW, db: env.db });
    const later = new Date('2026-06-01T00:00:00Z');
    const fr = renderSitemap('fr-articles-1', { now: later })!;
    const entry = fr.split('<url>').find((u) => u.includes('/fr/politique/maire-reelu</loc>'));
    expect(entry).toBeDefined();
    expect(entry).toMatch(/hreflang="en" href="[^"]*\/en\/politics\/mayor-re-elected"/);
    // Drafts and the post scheduled for 2027 are not listed.
    expect(fr).not.toContain('budget-2027');
    expect(fr.match(/<url>/g)).toHaveLength(1);
    const feed = listArticles('fr', {}, 50, 0, later);
    expect(feed.map((a) => a.slug)).toEqual(['maire-reelu']);
    expect(new Date(feed[0]!.publishedAt!).toISOString()).toBe('2024-11-15T08:30:00.000Z');
  });

  it('a second run changes nothing; a changed post is updated in place', async () => {
    await importWordpress(FIXTURE, { uploads, now: NOW, db: env.db });
    const before = snapshot();
    const again = await importWordpress(FIXTURE, { uploads, now: new Date('2026-02-01T00:00:00Z'), db: env.db });
    expect(again).toMatchObject({ imported: 0, updated: 0, unchanged: 4 });
    expect(snapshot()).toEqual(before);

    const edited = join(env.dir, 'edited.xml');
    writeFileSync(
      edited,
      readFileSync(FIXTURE, 'utf8').replace('Budget 2027]]>', 'Budget 2027 : le projet]]>').replace('Une victoire nette.', 'Une victoire très nette.'),
    );
    const third = await importWordpress(edited, { uploads, now: NOW, db: env.db });
    expect(third).toMatchObject({ imported: 0, updated: 2, unchanged: 2, mediaImported: 0 });
    expect(all(`select count(*) as n from articles`)).toEqual([{ n: 4 }]);
    // The updated post's photo is the one already in the library, not a copy.
    expect(all(`select count(*) as n from media`)).toEqual([{ n: 1 }]);
    expect(all(`select title from articles where slug = 'budget-2027'`)).toEqual([{ title: 'Budget 2027 : le projet' }]);
  });

  it('reports the live posts whose featured image WordPress left without alt text', async () => {
    const bare = join(env.dir, 'bare.xml');
    writeFileSync(bare, readFileSync(FIXTURE, 'utf8').replace(/<wp:postmeta><wp:meta_key><!\[CDATA\[_wp_attachment_image_alt[\s\S]*?<\/wp:postmeta>/, ''));
    const report = await importWordpress(bare, { uploads, now: NOW, db: env.db });
    expect(report.heroAltMissing).toEqual(['https://journal.example/2024/11/15/maire-reelu/']);
  });

  it('a dry run writes nothing', async () => {
    const before = snapshot();
    const report = await importWordpress(FIXTURE, { uploads, dryRun: true, now: NOW, db: env.db });
    expect(report.imported).toBe(4);
    expect(report.mojibakeRepaired).toBe(6);
    expect(report.dropped).toMatchObject({ script: 1, iframe: 1, 'shortcode:gallery': 1 });
    expect(snapshot()).toEqual(before);
  });

  it('refuses a truncated export and an entity bomb with a clear message, database unchanged', async () => {
    await importWordpress(FIXTURE, { uploads, now: NOW, db: env.db });
    const before = snapshot();
    const text = readFileSync(FIXTURE, 'utf8');
    const truncated = join(env.dir, 'truncated.xml');
    // Cut inside the Budget item: earlier posts in the file are complete, and still nothing may be written.
    writeFileSync(truncated, text.replace('Budget 2027]]>', 'Budget 2027 changed]]>').slice(0, text.indexOf('<wp:post_id>104')));
    await expect(importWordpress(truncated, { now: NOW, db: env.db })).rejects.toThrow(/malformed export.*truncated/);
    const bomb = join(env.dir, 'bomb.xml');
    writeFileSync(
      bomb,
      `<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>\n<rss><channel><wp:base_site_url>https://x.example</wp:base_site_url><item><title>&c;</title></item></channel></rss>`,
    );
    await expect(importWordpress(bomb, { now: NOW, db: env.db })).rejects.toThrow(/DOCTYPE.*refused/);
    const external = join(env.dir, 'external.xml');
    writeFileSync(external, `<?xml version="1.0"?>\n<!DOCTYPE rss SYSTEM "file:///etc/passwd">\n<rss><channel/></rss>`);
    await expect(importWordpress(external, { now: NOW, db: env.db })).rejects.toThrow(/DOCTYPE/);
    expect(snapshot()).toEqual(before);
  });

  it('refuses an oversized field, however big the file, before writing anything', async () => {
    await importWordpress(FIXTURE, { uploads, now: NOW, db: env.db });
    const before = snapshot();
    // A hostile multi-gigabyte export is one enormous element somewhere: the reader refuses it at 16 MB instead of
    // buffering it, and pass 1 has read the whole file before any write, so the posts before it stay as they were.
    const huge = join(env.dir, 'huge.xml');
    const text = readFileSync(FIXTURE, 'utf8').replace('Une victoire nette.', 'Une victoire très nette.');
    const at = text.lastIndexOf('</channel>');
    writeFileSync(huge, `${text.slice(0, at)}<item><title>${'x'.repeat(17 * 1024 * 1024)}</title></item>${text.slice(at)}`);
    await expect(importWordpress(huge, { now: NOW, db: env.db })).rejects.toThrow(/larger than 16777216 bytes/);
    expect(snapshot()).toEqual(before);
  });

  it('answers old URLs with the new ones (one lookup by exact path)', async () => {
    await importWordpress(FIXTURE, { uploads, now: NOW, db: env.db });
    const at = NOW.getTime();
    const go = (p: string) => legacyRedirect(p, env.db, at);
    expect(go('/2024/11/15/maire-reelu/')).toBe('/fr/politique/maire-reelu');
    expect(go('/2024/11/15/maire-reelu')).toBe('/fr/politique/maire-reelu');
    expect(go('/maire-reelu/')).toBe('/fr/politique/maire-reelu');
    expect(go('/?p=101')).toBe('/fr/politique/maire-reelu');
    expect(go('/?utm_source=x&p=102')).toBe('/en/politics/mayor-re-elected');
    expect(go('/en/2024/11/15/mayor-re-elected/')).toBe('/en/politics/mayor-re-elected');
    expect(go('/en/mayor-re-elected/')).toBe('/en/politics/mayor-re-elected');
    expect(go('/category/politique/elections/municipales/')).toBe('/fr/politique');
    expect(go('/category/politique/elections/municipales/feed/')).toBe('/fr/politique/rss.xml');
    // The English categories' archives lead to the same section, in English; a French category has no /en/ archive.
    expect(go('/en/category/politics/elections-en/')).toBe('/en/politics');
    expect(go('/en/category/politique/')).toBeNull();
    expect(go('/en/tag/yaounde-en/')).toMatch(/^\/en\/topics\/yaounde-en$/);
    expect(go('/tag/yaounde/')).toMatch(/^\/fr\/[a-z-]+\/yaounde$/);
    expect(go('/author/amina/')).toMatch(/^\/fr\/[a-z-]+\/amina$/);
    expect(go('/feed/')).toBe('/fr/rss.xml');
    expect(go('/en/feed/')).toBe('/en/rss.xml');
    // Not published (draft, scheduled in the future), unknown paths and other query strings: no redirect.
    expect(go('/?p=103')).toBeNull();
    expect(go('/budget-2027/')).toBeNull();
    // Once the scheduler has published it, the old URL leads to it.
    env.db.$client.prepare(`update articles set status = 'published' where slug = 'budget-2027'`).run();
    expect(legacyRedirect('/?p=104', env.db, Date.parse('2027-02-01T00:00:00Z'))).toBe('/fr/politique/budget-2027');
    // Its permalink is the new URL itself: never recorded, so the article is served, not redirected to itself.
    expect(legacyRedirect('/fr/politique/budget-2027/', env.db, Date.parse('2027-02-01T00:00:00Z'))).toBeNull();
    expect(go('/?p=999')).toBeNull();
    expect(go('/nothing-here/')).toBeNull();
    expect(go('/?s=maire')).toBeNull();
    expect(normalizeLegacyPath('/?p=101&replytocom=3')).toBe('/?p=101');
    const plan = all(`explain query plan select 1 from legacy_redirects where path = ?`, '/x');
    expect(JSON.stringify(plan)).toMatch(/USING (INDEX|PRIMARY KEY)|sqlite_autoindex_legacy_redirects/);
  });
});

describe('mojibake repair', () => {
  it('re-decodes Windows-1252-read UTF-8 only when the bytes are valid UTF-8', () => {
    expect(repairMojibake('lâ€™Ã‰tat â€“ Ã©tÃ©')).toEqual({ text: 'l’État – été', repaired: 5 });
    expect(repairMojibake('â–\u00a0Titre').text).toBe('■Titre');
    expect(repairMojibake('château, â la carte, Ã la')).toEqual({ text: 'château, â la carte, Ã la', repaired: 0 });
    expect(repairMojibake('5 â‚¬').text).toBe('5 €');
  });
});

describe('sections and topics the site already has', () => {
  it('are reused when one of their slugs is the category’s or the tag’s: no “politique-2”', async () => {
    const db = env.db.$client;
    const section = Number(db.prepare(`insert into categories (key, position) values ('seed:politics', 1)`).run().lastInsertRowid);
    db.prepare(`insert into category_translations (category_id, locale, name, slug) values (?, 'fr', 'Politique', 'politique'), (?, 'en', 'Politics', 'politics')`).run(section, section);
    const topic = Number(db.prepare(`insert into tags (key) values ('seed:yaounde')`).run().lastInsertRowid);
    db.prepare(`insert into tag_translations (tag_id, locale, name, slug) values (?, 'fr', 'Yaoundé', 'yaounde'), (?, 'en', 'Yaoundé', 'yaounde')`).run(topic, topic);
    await importWordpress(FIXTURE, { uploads, now: NOW, db: env.db });
    expect(all(`select distinct category_id as id from articles`)).toEqual([{ id: section }]);
    expect(all(`select count(*) as n from categories`)).toEqual([{ n: 1 }]);
    expect(all(`select distinct tag_id as id from article_tags`)).toEqual([{ id: topic }]);
    expect(legacyRedirect('/en/category/politics/', env.db)).toBe('/en/politics');
    // A second run finds the same ones again.
    expect(await importWordpress(FIXTURE, { uploads, now: NOW, db: env.db })).toMatchObject({ unchanged: 4 });
    expect(all(`select count(*) as n from categories`)).toEqual([{ n: 1 }]);
  });
});

describe('old paths that are Kiosque URLs', () => {
  it('are dropped at import: the application, a bare locale, its fixed pages and every section path stay Kiosque’s', async () => {
    await importWordpress(FIXTURE, { uploads, now: NOW, db: env.db });
    const kept = ['/en/2024/11/15/stay', '/fr/maire-reelu-2', '/newsroomish', '/?p=77'];
    const shadowing = ['/newsroom', '/newsroom/login', '/api/views', '/_next/static/x.js', '/sitemap.xml', '/en', '/fr/recherche', '/en/search', '/en/rss.xml', '/en/politics', '/en/politics/anything', '/fr/politique/page/2'];
    const dropped = env.db.transaction((tx) => {
      for (const path of [...kept, ...shadowing]) addRedirect(tx, 'https://journal.example', path, 'feed', null, 'fr');
      return dropShadowingRedirects(tx, 'https://journal.example');
    });
    expect(dropped.sort()).toEqual([...shadowing].sort());
    for (const path of kept) expect(legacyRedirect(path, env.db)).toBe('/fr/rss.xml');
    for (const path of shadowing) expect(legacyRedirect(path, env.db)).toBeNull();
    // Even a recorded path that is the article's own URL never answers with a redirect to itself.
    const { id } = all(`select id from articles where slug = 'maire-reelu'`)[0] as { id: number };
    env.db.transaction((tx) => addRedirect(tx, 'https://journal.example', '/fr/politique/maire-reelu', 'article', id, 'fr'));
    expect(legacyRedirect('/fr/politique/maire-reelu/', env.db)).toBeNull();
  });
});
