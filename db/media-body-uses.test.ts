/**
 * Photos placed in article bodies are uses (issue 12), on a real SQLite file and media directory: what an editor
 * observes in the library (where used, delete refused or allowed), what an upgraded site gets (the backfill of
 * migration 0010), which reader pages a text edit refreshes, and what `/media/photo/N` answers.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createArticle, getEditableArticle, publishArticle, saveArticle, translateArticle, type NewsroomActor } from './article-writes';
import { openDatabase } from './client';
import { bodyPhoto, getMedia, listMedia } from './media';
import { deleteMedia, MediaAltRequiredError, MediaInUseError, setFocalPoint, updateMediaTexts, uploadMedia } from './media-writes';
import { MIGRATIONS_FOLDER, migrateDatabase } from './migrate';
import { users, type UserRole } from './schema';
import { newsroom, useTestDb } from '@/tests/support/db';
import { photoRefreshTargets } from '@/lib/publishing/photos';
import { GET as photoRoute } from '@/app/media/photo/[id]/route';
import { GET as fileRoute } from '@/app/media/p/[file]/route';

let env: ReturnType<typeof useTestDb>;
let section: number;
let byline: number;
let editor: NewsroomActor;
const t0 = new Date('2026-03-02T08:00:00Z');

function account(role: UserRole, name: string = role): NewsroomActor {
  const email = `${name}@kiosque.test`;
  const { id } = env.db.insert(users).values({ email, name, role, passwordHash: 'x', createdAt: t0, updatedAt: t0 }).returning({ id: users.id }).get();
  return { id, role, label: email };
}

const jpeg = (seed = 0) => sharp({ create: { width: 1000, height: 700, channels: 3, background: { r: 40 + seed, g: 90, b: 140 } } }).jpeg().toBuffer();

async function photo(seed = 0): Promise<number> {
  const { id } = await uploadMedia(editor, `p${seed}.jpg`, await jpeg(seed), t0);
  updateMediaTexts(editor, id, { fr: { alt: `Photo ${seed}`, caption: '', credit: '' }, en: { alt: `Photo ${seed}`, caption: '', credit: '' } }, t0);
  return id;
}

const input = (body: string, heroMediaId: number | null = null) => ({ title: 'Titre', body, categoryId: section, authorId: byline, heroMediaId });

beforeEach(() => {
  env = useTestDb();
  vi.stubEnv('MEDIA_DIR', join(env.dir, 'media'));
  const n = newsroom(env.db, t0);
  section = n.category('politique');
  byline = n.author('redaction');
  editor = account('editor');
});
afterEach(() => env.close());

describe('a photo placed in a body is a use', () => {
  it('where used lists the article, delete is refused; removed from the body, delete goes through', async () => {
    const id = await photo(1);
    const other = await photo(2);
    const article = createArticle(editor, { locale: 'fr', ...input('Avant.') }, t0);
    expect(getMedia(id)!.usage).toEqual([]);

    const saved = saveArticle(editor, article.id, { baseVersion: article.version, reason: 'save', input: input(`Au marché :\n\n![](/media/photo/${id})\n\nFin.`) }, t0);
    expect(getMedia(id)!.usage).toEqual([{ articleId: article.id, locale: 'fr', title: 'Titre', status: 'draft', asHero: false, inBody: true }]);
    expect(getMedia(other)!.usage).toEqual([]);
    expect(listMedia().items.find((i) => i.id === id)!.usageCount).toBe(1);
    await expect(deleteMedia(editor, id, t0)).rejects.toBeInstanceOf(MediaInUseError);
    expect(getMedia(id)).not.toBeNull();

    // Hero and body at once: one article, listed once, with both places.
    const both = saveArticle(editor, article.id, { baseVersion: saved.version, reason: 'save', input: input(`![](/media/photo/${id})`, id) }, t0);
    expect(getMedia(id)!.usage).toEqual([expect.objectContaining({ articleId: article.id, asHero: true, inBody: true })]);
    expect(listMedia().items.find((i) => i.id === id)!.usageCount).toBe(1);

    // The body no longer shows it (the address only in a code span or a plain link is not a photo on the page).
    saveArticle(editor, article.id, { baseVersion: both.version, reason: 'save', input: input(`Le code : \`![](/media/photo/${id})\`, [le lien](/media/photo/${id}).`) }, t0);
    expect(getMedia(id)!.usage).toEqual([]);
    await deleteMedia(editor, id, t0);
    expect(getMedia(id)).toBeNull();
  });

  it('a body photo needs alt text in the article’s language, its own or the library’s, to be published and to stay so', async () => {
    const { id } = await uploadMedia(editor, 'sans-alt.jpg', await jpeg(9), t0);
    const article = createArticle(editor, { locale: 'fr', ...input(`Au marché :\n\n![](/media/photo/${id})`) }, t0);
    // Neither the text nor the library describes it in French: publishing is refused, nothing changes.
    expect(() => publishArticle(editor, article.id, {}, t0)).toThrow(expect.objectContaining({ code: 'body_photo_alt_missing' }));
    // English alt text does not describe it to a French reader.
    updateMediaTexts(editor, id, { en: { alt: 'The market', caption: '', credit: '' } }, t0);
    expect(() => publishArticle(editor, article.id, {}, t0)).toThrow(expect.objectContaining({ code: 'body_photo_alt_missing' }));
    updateMediaTexts(editor, id, { fr: { alt: 'Le marché', caption: '', credit: '' } }, t0);
    publishArticle(editor, article.id, {}, t0);
    // Live, the article keeps the rule: the library's French alt text can no longer be cleared…
    expect(() => updateMediaTexts(editor, id, { fr: { alt: ' ', caption: '', credit: '' } }, t0)).toThrow(MediaAltRequiredError);
    // …until the text describes the photo itself.
    const live = getEditableArticle(article.id)!;
    saveArticle(editor, article.id, { baseVersion: live.version, reason: 'save', input: input(`Au marché :\n\n![Les étals du marché](/media/photo/${id})`) }, t0);
    updateMediaTexts(editor, id, { fr: { alt: '', caption: '', credit: '' } }, t0);
    // And a live article cannot be saved with a body photo that nothing describes.
    const again = getEditableArticle(article.id)!;
    expect(() => saveArticle(editor, article.id, { baseVersion: again.version, reason: 'save', input: input(`![](/media/photo/${id})`) }, t0)).toThrow(
      expect.objectContaining({ code: 'body_photo_alt_missing' }),
    );
  });

  it('counts a rendition address, a reference-style image and a translation, whoever writes the body', async () => {
    const a = await photo(1);
    const b = await photo(2);
    const c = await photo(3);
    const file = getMedia(b)!.renditions.find((r) => r.format === 'webp')!.file;
    const fr = createArticle(editor, { locale: 'fr', ...input(`Texte ![x](/media/p/${file}) suite.\n\n![y][port]\n\n[port]: /media/photo/${c}`) }, t0);
    expect(getMedia(b)!.usage.map((u) => u.articleId)).toEqual([fr.id]);
    expect(getMedia(c)!.usage.map((u) => u.articleId)).toEqual([fr.id]);
    // The other language version starts from the same body: it uses the same photos.
    const en = translateArticle(editor, fr.id, 'en', t0);
    expect(getMedia(c)!.usage.map((u) => u.articleId)).toEqual([fr.id, en.id]);
    // A write outside the newsroom's module (the WordPress import's, the seed's): the database keeps the uses.
    const raw = newsroom(env.db, t0).article({ categoryId: section, authorId: byline, body: `![](/media/photo/${a})\n\n![](/media/photo/99999)` });
    expect(getMedia(a)!.usage.map((u) => u.articleId)).toEqual([raw]);
    await expect(deleteMedia(editor, a, t0)).rejects.toBeInstanceOf(MediaInUseError);
    // Deleting the article removes its uses.
    env.db.$client.prepare('delete from articles where id = ?').run(raw);
    await deleteMedia(editor, a, t0);
  });
});

describe('a rendition address after a new focal point', () => {
  it('still names its photo (shown in its current crops) and still counts as a use when the body is saved again', async () => {
    const marked = await sharp({ create: { width: 2400, height: 600, channels: 3, background: '#246' } })
      .composite([{ input: { create: { width: 100, height: 100, channels: 3, background: '#f00' } }, left: 2250, top: 250 }])
      .jpeg()
      .toBuffer();
    const { id } = await uploadMedia(editor, 'mark.jpg', marked, t0);
    const oldFile = getMedia(id)!.renditions.find((r) => r.crop === '16x9' && r.format === 'jpeg')!.file;
    const article = createArticle(editor, { locale: 'fr', ...input(`![Le port](/media/p/${oldFile})`) }, t0);
    await setFocalPoint(editor, id, { x: 0.95, y: 0.5 }, t0);
    const now = getMedia(id)!.renditions.map((r) => r.file);
    expect(now).not.toContain(oldFile);
    // The page shows the photo in its new crops.
    const shown = bodyPhoto({ file: oldFile }, 'fr')!;
    expect(shown.id).toBe(id);
    expect(now).toContain(shown.sources.jpeg.at(-1)!.url.slice('/media/p/'.length));
    // A later save of the body (a typo fixed) keeps the use.
    saveArticle(editor, article.id, { baseVersion: article.version, reason: 'save', input: input(`![Le port.](/media/p/${oldFile})`) }, t0);
    expect(getMedia(id)!.usage.map((u) => u.articleId)).toEqual([article.id]);
    await expect(deleteMedia(editor, id, t0)).rejects.toBeInstanceOf(MediaInUseError);
  });
});

describe('editing a photo’s texts refreshes the pages of the live articles using it', () => {
  it('targets the article pages of body and hero uses, not drafts, not other articles', async () => {
    const id = await photo(1);
    const unrelated = await photo(2);
    const inBody = createArticle(editor, { locale: 'fr', ...input(`![](/media/photo/${id})`), slug: 'marche-de-mokolo' }, t0);
    publishArticle(editor, inBody.id, {}, t0);
    const asHero = createArticle(editor, { locale: 'en', ...input('Text.', id), slug: 'port-of-kribi' }, t0);
    publishArticle(editor, asHero.id, {}, t0);
    createArticle(editor, { locale: 'fr', ...input(`![](/media/photo/${id})`), slug: 'brouillon' }, t0);
    const elsewhere = createArticle(editor, { locale: 'fr', ...input(`![](/media/photo/${unrelated})`), slug: 'ailleurs' }, t0);
    publishArticle(editor, elsewhere.id, {}, t0);

    updateMediaTexts(editor, id, { fr: { alt: 'Le marché', caption: 'Mokolo', credit: 'AFP' } }, t0);
    const paths = photoRefreshTargets(id, new Date(t0.getTime() + 60_000)).map((t) => t.path);
    const urls = (slug: string) => paths.filter((p) => p.endsWith(`/${slug}`));
    expect(urls('marche-de-mokolo')).toHaveLength(1);
    expect(urls('port-of-kribi')).toHaveLength(1);
    expect(paths.some((p) => p.includes('brouillon'))).toBe(false);
    expect(paths.some((p) => p.includes('ailleurs'))).toBe(false);
    // An unused photo, or one only drafts use, refreshes nothing.
    expect(photoRefreshTargets(unrelated, new Date(t0.getTime() + 60_000)).some((t) => t.path.includes('ailleurs'))).toBe(true);
    const idle = await photo(3);
    createArticle(editor, { locale: 'fr', ...input(`![](/media/photo/${idle})`) }, t0);
    expect(photoRefreshTargets(idle)).toEqual([]);
  });
});

describe('/media/photo/N', () => {
  const get = (id: string) => photoRoute(new Request(`http://x/media/photo/${id}`), { params: Promise.resolve({ id }) });

  it('redirects to the photo’s widest 16:9 JPEG, follows a new crop, and is a 404 once deleted', async () => {
    // A wide photo with a mark near its right edge: a focal point there changes what the 16:9 crop holds.
    const marked = await sharp({ create: { width: 2400, height: 600, channels: 3, background: '#246' } })
      .composite([{ input: { create: { width: 100, height: 100, channels: 3, background: '#f00' } }, left: 2250, top: 250 }])
      .jpeg()
      .toBuffer();
    const { id } = await uploadMedia(editor, 'mark.jpg', marked, t0);
    const res = await get(String(id));
    expect(res.status).toBe(302);
    expect(res.headers.get('cache-control')).toBe('public, max-age=60');
    const location = res.headers.get('location')!;
    const widest = getMedia(id)!.renditions.filter((r) => r.crop === '16x9' && r.format === 'jpeg').sort((a, b) => b.width - a.width)[0]!;
    expect(location).toBe(`/media/p/${widest.file}`);
    // The target is served.
    const file = location.slice('/media/p/'.length);
    const served = await fileRoute(new Request(`http://x${location}`), { params: Promise.resolve({ file }) });
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/jpeg');

    await setFocalPoint(editor, id, { x: 0.95, y: 0.5 }, t0);
    const moved = (await get(String(id))).headers.get('location')!;
    expect(moved).not.toBe(location);
    expect(existsSync(join(env.dir, 'media/public', moved.slice('/media/p/'.length)))).toBe(true);

    await deleteMedia(editor, id, t0);
    expect((await get(String(id))).status).toBe(404);
  });

  it('answers a plain 404, never a 500, for unknown and malformed numbers', async () => {
    await photo(1);
    for (const bad of ['999', 'abc', '0', '012', '1.5', '-1', '1e3', '99999999999999999999', '12345678901', ' 1', '']) {
      const res = await get(bad);
      expect(res.status, bad).toBe(404);
      expect(res.headers.get('location'), bad).toBeNull();
      expect(await res.text()).toBe('Not found');
    }
  });
});

describe('migration 0010 backfills the bodies an upgraded site already has', () => {
  it('records the photos existing bodies place, by number and by rendition address', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosque-0010-'));
    try {
      const folder = join(dir, 'migrations');
      cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
      const journalPath = join(folder, 'meta', '_journal.json');
      const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
      journal.entries = journal.entries.filter((e: { idx: number }) => e.idx <= 9);
      writeFileSync(journalPath, JSON.stringify(journal));
      const db = openDatabase(join(dir, 'old.db'));
      migrateDatabase(db, folder);
      const file = `${'a'.repeat(64)}.jpg`;
      db.$client.exec(`insert into categories(key) values ('c'); insert into authors(key, kind) values ('a', 'person');
        insert into stories(key, created_at) values ('s', 1);
        insert into media(hash, format, bytes, width, height, uploaded_at, updated_at) values ('h1', 'jpeg', 1, 10, 10, 1, 1), ('h2', 'jpeg', 1, 10, 10, 1, 1), ('h3', 'jpeg', 1, 10, 10, 1, 1);
        insert into media_renditions(media_id, crop, format, width, height, file, bytes) values (2, '16x9', 'jpeg', 480, 270, '${file}', 1);`);
      const insert = db.$client.prepare(`insert into articles(story_id, locale, slug, title, body, category_id, author_id, status, created_at, updated_at)
        values (1, ?, ?, 'T', ?, 1, 1, 'draft', 1, 1)`);
      const one = Number(insert.run('fr', 'un', '![](/media/photo/1)\n\nTexte ![b](/media/p/' + file + ').').lastInsertRowid);
      const two = Number(insert.run('en', 'two', '`![](/media/photo/3)` and ![](/media/photo/404)').lastInsertRowid);
      migrateDatabase(db);
      const rows = db.$client.prepare('select article_id as a, media_id as m from article_body_photos order by a, m').all();
      expect(rows).toEqual([
        { a: one, m: 1 },
        { a: one, m: 2 },
      ]);
      expect(two).toBeGreaterThan(one);
      db.$client.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
