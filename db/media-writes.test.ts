/**
 * The media library on a real SQLite file and a real media directory: what an editor observes (the library, the
 * files on disk, the audit log) and what publishing refuses (a hero photo without alt text in that language).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ForbiddenError } from '@/lib/auth/policy';
import { createArticle, publishArticle, saveArticle, WorkflowError, type NewsroomActor } from './article-writes';
import { listAudit } from './audit';
import { articleSitemapChunk } from './sitemaps';
import { getMedia, listMedia, photoForPage } from './media';
import { deleteMedia, MediaAltRequiredError, MediaError, MediaInUseError, setFocalPoint, updateMediaTexts, uploadMedia } from './media-writes';
import { users, type UserRole } from './schema';
import { newsroom, useTestDb } from '@/tests/support/db';
import { GET as serveMedia } from '@/app/media/p/[file]/route';

let env: ReturnType<typeof useTestDb>;
let section: number;
let byline: number;
const t0 = new Date('2026-03-02T08:00:00Z');

function account(role: UserRole, name: string = role): NewsroomActor {
  const email = `${name}@kiosque.test`;
  const { id } = env.db.insert(users).values({ email, name, role, passwordHash: 'x', createdAt: t0, updatedAt: t0 }).returning({ id: users.id }).get();
  return { id, role, label: email };
}

async function jpeg(seed = 0, width = 1000, height = 700) {
  return sharp({ create: { width, height, channels: 3, background: { r: 40 + seed, g: 90, b: 140 } } })
    .jpeg()
    .withExif({ IFD0: { Make: 'SecretCam' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '3/1 50/1 0/1' } })
    .toBuffer();
}

const publicFiles = () => (existsSync(join(env.dir, 'media/public')) ? readdirSync(join(env.dir, 'media/public')).filter((f) => !f.startsWith('.')) : []);
const privateFiles = () => (existsSync(join(env.dir, 'media/originals')) ? readdirSync(join(env.dir, 'media/originals')) : []);

beforeEach(() => {
  env = useTestDb();
  vi.stubEnv('MEDIA_DIR', join(env.dir, 'media'));
  const n = newsroom(env.db, t0);
  section = n.category('politique');
  byline = n.author('redaction');
});
afterEach(() => env.close());

describe('upload', () => {
  it('stores a photo once: renditions in the public directory, a private master, a row, an audit line', async () => {
    const editor = account('editor');
    const { id, duplicate } = await uploadMedia(editor, 'IMG_0001.jpg', await jpeg(), t0);
    expect(duplicate).toBe(false);
    const m = getMedia(id)!;
    expect(m).toMatchObject({ width: 1000, height: 700, format: 'jpeg', uploadedBy: editor.id, originalName: 'IMG_0001.jpg' });
    expect(m.renditions.length).toBeGreaterThan(6);
    expect(publicFiles().sort()).toEqual([...new Set(m.renditions.map((r) => r.file))].sort());
    expect(privateFiles()).toEqual([`${m.hash}.jpg`]);
    expect(listAudit().map((a) => a.action)).toEqual(['media.upload']);
    // The same bytes again: the same photo, nothing new.
    const again = await uploadMedia(editor, 'copy.jpg', await jpeg(), t0);
    expect(again).toEqual({ id, duplicate: true });
  });

  it('refuses a hostile file with nothing stored and no audit line', async () => {
    const editor = account('editor');
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    await expect(uploadMedia(editor, 'photo.jpg', svg, t0)).rejects.toBeInstanceOf(MediaError);
    const half = await jpeg();
    await expect(uploadMedia(editor, 'cut.jpg', half.subarray(0, half.length / 2), t0)).rejects.toMatchObject({ code: 'corrupt' });
    expect(publicFiles()).toEqual([]);
    expect(privateFiles()).toEqual([]);
    expect(listMedia().items).toEqual([]);
    expect(listAudit()).toEqual([]);
  });

  it('serves a rendition with immutable caching and without any EXIF; unknown names are 404', async () => {
    const { id } = await uploadMedia(account('author'), 'a.jpg', await jpeg(), t0);
    const file = getMedia(id)!.renditions.find((r) => r.format === 'jpeg' && r.crop === '16x9')!.file;
    const res = await serveMedia(new Request(`http://x/media/p/${file}`), { params: Promise.resolve({ file }) });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    const body = Buffer.from(await res.arrayBuffer());
    expect((await sharp(body).metadata()).exif).toBeUndefined();
    expect(body.includes(Buffer.from('SecretCam'))).toBe(false);
    for (const bad of ['../test.db', `${'0'.repeat(64)}.jpg`, 'x.svg']) {
      const r = await serveMedia(new Request('http://x/'), { params: Promise.resolve({ file: bad }) });
      expect(r.status).toBe(404);
    }
  });
});

describe('library', () => {
  it('edits texts per language and finds photos by caption, credit and date', async () => {
    const editor = account('editor');
    const a = await uploadMedia(editor, 'a.jpg', await jpeg(1), t0);
    const b = await uploadMedia(editor, 'b.jpg', await jpeg(2), new Date('2026-03-05T08:00:00Z'));
    updateMediaTexts(editor, a.id, { fr: { alt: 'Des électeurs font la queue', caption: 'Bureau de vote à Mvog-Ada', credit: 'Awa Ndiaye / Kiosque' }, en: { alt: 'Voters queue', caption: 'Polling station', credit: 'Awa Ndiaye / Kiosque' } }, t0);
    updateMediaTexts(editor, b.id, { fr: { alt: 'Port', caption: 'Le port de Douala', credit: 'AFP' } }, t0);
    expect(listMedia({ q: 'mvog' }).items.map((i) => i.id)).toEqual([a.id]);
    expect(listMedia({ q: 'afp' }).items.map((i) => i.id)).toEqual([b.id]);
    expect(listMedia({ q: 'polling' }).items.map((i) => i.id)).toEqual([a.id]);
    expect(listMedia({ q: '%' }).items).toEqual([]);
    expect(listMedia({ from: new Date('2026-03-04T00:00:00Z') }).items.map((i) => i.id)).toEqual([b.id]);
    expect(listMedia({ to: new Date('2026-03-04T00:00:00Z') }).items.map((i) => i.id)).toEqual([a.id]);
    expect(getMedia(a.id)!.texts.en).toEqual({ alt: 'Voters queue', caption: 'Polling station', credit: 'Awa Ndiaye / Kiosque' });
    expect(photoForPage(a.id, 'fr')).toMatchObject({ alt: 'Des électeurs font la queue', credit: 'Awa Ndiaye / Kiosque' });
  });

  it('moving the focal point redoes the crops and removes the files no longer used', async () => {
    const editor = account('editor');
    const { id } = await uploadMedia(editor, 'a.jpg', await (sharp({ create: { width: 1600, height: 600, channels: 3, background: '#246' } }).composite([{ input: { create: { width: 100, height: 100, channels: 3, background: '#f00' } }, left: 1400, top: 250 }]).jpeg().toBuffer()), t0);
    const before = getMedia(id)!.renditions.find((r) => r.crop === '1x1')!.file;
    await setFocalPoint(editor, id, { x: 0.9, y: 0.5 }, t0);
    const after = getMedia(id)!;
    expect([after.focalX, after.focalY]).toEqual([0.9, 0.5]);
    const square = after.renditions.find((r) => r.crop === '1x1')!.file;
    expect(square).not.toBe(before);
    expect(publicFiles()).not.toContain(before);
    expect(publicFiles()).toContain(square);
    expect(listAudit().map((a) => a.action)).toContain('media.focal');
  });

  it('moving the focal point moves what the crops show: the red mark, cut off around the centre, is in every crop after', async () => {
    const editor = account('editor');
    const bytes = await sharp({ create: { width: 1600, height: 600, channels: 3, background: '#246' } })
      .composite([{ input: { create: { width: 100, height: 100, channels: 3, background: '#f00' } }, left: 1400, top: 250 }])
      .jpeg()
      .toBuffer();
    const { id } = await uploadMedia(editor, 'mark.jpg', bytes, t0);
    /** Red pixels in the served file of a crop (the widest JPEG of it). */
    const red = async (crop: '1x1' | '4x3' | '16x9') => {
      const r = getMedia(id)!.renditions.filter((x) => x.crop === crop && x.format === 'jpeg').sort((a, b) => b.width - a.width)[0]!;
      const { data, info } = await sharp(join(env.dir, 'media/public', r.file)).raw().toBuffer({ resolveWithObject: true });
      let n = 0;
      for (let i = 0; i < data.length; i += info.channels) if (data[i]! > 200 && data[i + 1]! < 80 && data[i + 2]! < 80) n++;
      return n;
    };
    for (const crop of ['1x1', '4x3', '16x9'] as const) expect(await red(crop), `${crop} around the centre`).toBe(0);
    await setFocalPoint(editor, id, { x: 0.9, y: 0.5 }, t0);
    for (const crop of ['1x1', '4x3', '16x9'] as const) expect(await red(crop), `${crop} around the mark`).toBeGreaterThan(1000);
  });

  it('shows where a photo is used and refuses to delete it while in use', async () => {
    const editor = account('editor');
    const { id } = await uploadMedia(editor, 'a.jpg', await jpeg(), t0);
    const article = createArticle(editor, { locale: 'fr', title: 'Titre', body: 'Texte', categoryId: section, authorId: byline, heroMediaId: id }, t0);
    expect(getMedia(id)!.usage).toEqual([{ articleId: article.id, locale: 'fr', title: 'Titre', status: 'draft', asHero: true, inBody: false }]);
    expect(listMedia().items[0]!.usageCount).toBe(1);
    await expect(deleteMedia(editor, id, t0)).rejects.toBeInstanceOf(MediaInUseError);
    expect(getMedia(id)).not.toBeNull();
    saveArticle(editor, article.id, { baseVersion: article.version, reason: 'save', input: { title: 'Titre', body: 'Texte', categoryId: section, authorId: byline, heroMediaId: null } }, t0);
    await deleteMedia(editor, id, t0);
    expect(getMedia(id)).toBeNull();
    expect(publicFiles()).toEqual([]);
    expect(privateFiles()).toEqual([]);
  });

  it('follows the role rules: a contributor edits only their own photos and deletes none', async () => {
    const contributor = account('contributor');
    const other = account('author');
    const mine = await uploadMedia(contributor, 'a.jpg', await jpeg(1), t0);
    const theirs = await uploadMedia(other, 'b.jpg', await jpeg(2), t0);
    updateMediaTexts(contributor, mine.id, { fr: { alt: 'a', caption: '', credit: '' } }, t0);
    expect(() => updateMediaTexts(contributor, theirs.id, { fr: { alt: 'x', caption: '', credit: '' } }, t0)).toThrow(ForbiddenError);
    await expect(deleteMedia(contributor, mine.id, t0)).rejects.toBeInstanceOf(ForbiddenError);
    await deleteMedia(other, theirs.id, t0);
  });
});

describe('publishing with a hero photo', () => {
  it('is refused in a language whose alt text is missing, allowed once it is written', async () => {
    const editor = account('editor');
    const { id } = await uploadMedia(editor, 'a.jpg', await jpeg(), t0);
    updateMediaTexts(editor, id, { fr: { alt: 'Des électeurs', caption: '', credit: '' } }, t0);
    const fr = createArticle(editor, { locale: 'fr', title: 'Titre', body: 'Texte', categoryId: section, authorId: byline, heroMediaId: id }, t0);
    const en = createArticle(editor, { locale: 'en', title: 'Title', body: 'Text', categoryId: section, authorId: byline, heroMediaId: id }, t0);
    expect(publishArticle(editor, fr.id, {}, t0).status).toBe('published');
    expect(() => publishArticle(editor, en.id, {}, t0)).toThrow(WorkflowError);
    try {
      publishArticle(editor, en.id, {}, t0);
    } catch (error) {
      expect((error as WorkflowError).code).toBe('hero_alt_missing');
    }
    expect(env.db.$client.prepare('select status from articles where id = ?').get(en.id)).toEqual({ status: 'draft' });
    updateMediaTexts(editor, id, { en: { alt: 'Voters', caption: '', credit: '' } }, t0);
    expect(publishArticle(editor, en.id, {}, t0).status).toBe('published');
    // The image sitemap lists the photo's widest 16:9 JPEG with the alt text of that language.
    const [entry] = articleSitemapChunk('en', 1, 50_000, t0);
    expect(entry!.heroImage).toMatch(/^\/media\/p\/[0-9a-f]{64}\.jpg$/);
    expect(entry!.heroImage).toBe(`/media/p/${getMedia(id)!.renditions.filter((r) => r.crop === '16x9' && r.format === 'jpeg').sort((a, b) => b.width - a.width)[0]!.file}`);
    expect(entry!.heroAlt).toBe('Voters');
  });

  it('keeps the rule after publication: alt text cannot be emptied, nor a photo without it swapped in', async () => {
    const editor = account('editor');
    const { id } = await uploadMedia(editor, 'a.jpg', await jpeg(1), t0);
    const bare = await uploadMedia(editor, 'b.jpg', await jpeg(2), t0);
    updateMediaTexts(editor, id, { fr: { alt: 'Des électeurs', caption: '', credit: '' } }, t0);
    const fr = createArticle(editor, { locale: 'fr', title: 'Titre', body: 'Texte', categoryId: section, authorId: byline, heroMediaId: id }, t0);
    publishArticle(editor, fr.id, {}, t0);
    expect(() => updateMediaTexts(editor, id, { fr: { alt: '  ', caption: '', credit: '' } }, t0)).toThrow(MediaAltRequiredError);
    expect(getMedia(id)!.texts.fr!.alt).toBe('Des électeurs');
    // The English alt text may stay empty: no English article uses it.
    updateMediaTexts(editor, id, { en: { alt: '', caption: 'c', credit: '' } }, t0);
    const version = Number(env.db.$client.prepare('select version from articles where id = ?').pluck().get(fr.id));
    const swap = () => saveArticle(editor, fr.id, { baseVersion: version, reason: 'save', input: { title: 'Titre', body: 'Texte', categoryId: section, authorId: byline, heroMediaId: bare.id } }, t0);
    expect(swap).toThrow(WorkflowError);
    updateMediaTexts(editor, bare.id, { fr: { alt: 'Un port', caption: '', credit: '' } }, t0);
    expect(swap().changed).toBe(true);
  });

  it('refuses an unknown photo id in the form', () => {
    const editor = account('editor');
    expect(() => createArticle(editor, { locale: 'fr', title: 'Titre', body: 'Texte', categoryId: section, authorId: byline, heroMediaId: 999 }, t0)).toThrow(WorkflowError);
  });
});
