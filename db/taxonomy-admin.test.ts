import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newsroom, useTestDb } from '@/tests/support/db';
import { listAudit } from './audit';
import { findCategory, findTag, listCategories } from './taxonomy';
import { asc, eq } from 'drizzle-orm';
import { articleTags } from './schema';
import {
  createAuthor,
  createSection,
  listAuthorsForAdmin,
  listSectionsForAdmin,
  listTopicsForAdmin,
  topicIdBySlug,
  mergeTopics,
  moveSection,
  TaxonomyValidationError,
  updateAuthor,
  updateSection,
  updateTopic,
} from './taxonomy-admin';
import { findAuthor } from './taxonomy';

const now = new Date('2026-03-18T09:00:00Z');
const EDITOR = { id: null, label: 'editor@example.org' };
let env: ReturnType<typeof useTestDb>;
let room: ReturnType<typeof newsroom>;

beforeEach(() => {
  env = useTestDb();
  room = newsroom(env.db, now);
});
afterEach(() => env.close());

const articlesByTag = (tagId: number) =>
  env.db.select({ id: articleTags.articleId }).from(articleTags).where(eq(articleTags.tagId, tagId)).orderBy(asc(articleTags.articleId)).all().map((r) => r.id);

const section = (fr: string, en: string, extra: Partial<{ slugFr: string; slugEn: string }> = {}) => ({
  fr: { name: fr, slug: extra.slugFr ?? fr.toLowerCase(), description: '' },
  en: { name: en, slug: extra.slugEn ?? en.toLowerCase(), description: '' },
});

function fieldsOf(fn: () => unknown): Record<string, string> {
  try {
    fn();
  } catch (e) {
    if (e instanceof TaxonomyValidationError) return e.fields;
    throw e;
  }
  throw new Error('expected a validation error');
}

describe('sections', () => {
  it('a created section appears last in the navigation of each language, with an audit line', () => {
    room.category('politics', 0);
    const id = createSection(section('Santé', 'Health', { slugFr: 'sante' }), EDITOR, now);
    expect(listCategories('fr').map((c) => c.name)).toEqual(['politics-fr', 'Santé']);
    expect(listCategories('en').at(-1)).toMatchObject({ id, name: 'Health', slug: 'health' });
    expect(listAudit()[0]).toMatchObject({ action: 'section.create', actor: 'editor@example.org', targetId: String(id) });
  });

  it('refuses malformed, reserved and taken slugs per locale, and changes nothing', () => {
    room.category('politics');
    expect(fieldsOf(() => createSection(section('Santé', 'Health', { slugFr: 'Santé', slugEn: 'health' }), EDITOR))).toEqual({ 'fr.slug': 'slug_invalid' });
    expect(fieldsOf(() => createSection(section('Recherche', 'Search', { slugFr: 'recherche', slugEn: 'search' }), EDITOR))).toEqual({
      'fr.slug': 'slug_reserved',
      'en.slug': 'slug_reserved',
    });
    expect(fieldsOf(() => createSection(section('P', 'P', { slugFr: 'politics-fr', slugEn: 'politics-fr' }), EDITOR))).toEqual({ 'fr.slug': 'slug_taken' });
    expect(fieldsOf(() => createSection(section('', 'x'.repeat(121)), EDITOR))).toMatchObject({ 'fr.name': 'name_required', 'en.name': 'name_too_long' });
    expect(listSectionsForAdmin()).toHaveLength(1);
    expect(listAudit()).toHaveLength(0);
  });

  it('the same slug in two locales is fine; a section keeps its own slug on rename', () => {
    const id = createSection(section('Sport', 'Sport'), EDITOR);
    const old = updateSection(id, { fr: { name: 'Sports', slug: 'sport', description: 'Tous les sports' }, en: { name: 'Sports', slug: 'sports', description: '' } }, EDITOR);
    expect(old).toEqual({ en: 'sport' });
    expect(findCategory('fr', 'sport')).toMatchObject({ name: 'Sports', description: 'Tous les sports' });
    expect(findCategory('en', 'sport')).toBeNull();
    expect(findCategory('en', 'sports')).toMatchObject({ name: 'Sports' });
    const line = listAudit()[0]!;
    expect(line.action).toBe('section.update');
    expect(JSON.parse(line.detail)).toEqual({
      'fr.name': { from: 'Sport', to: 'Sports' },
      'fr.description': { from: '', to: 'Tous les sports' },
      'en.name': { from: 'Sport', to: 'Sports' },
      'en.slug': { from: 'sport', to: 'sports' },
    });
  });

  it('moves up and down the navigation, and stops at the ends', () => {
    const a = room.category('a', 0);
    const b = room.category('b', 1);
    const c = room.category('c', 2);
    expect(moveSection(c, 'up', EDITOR)).toBe(true);
    expect(listCategories('fr').map((s) => s.id)).toEqual([a, c, b]);
    expect(moveSection(a, 'up', EDITOR)).toBe(false);
    expect(moveSection(b, 'down', EDITOR)).toBe(false);
    expect(moveSection(a, 'down', EDITOR)).toBe(true);
    expect(listCategories('en').map((s) => s.id)).toEqual([c, a, b]);
    expect(listAudit().filter((l) => l.action === 'section.move')).toHaveLength(2);
  });
});

describe('topics', () => {
  it('lists topics with their article counts and renames them', () => {
    const cat = room.category('politics');
    const author = room.author('ada');
    const t1 = room.tag('budget');
    const t2 = room.tag('elections');
    room.article({ categoryId: cat, authorId: author, tagIds: [t1, t2] });
    room.article({ categoryId: cat, authorId: author, tagIds: [t1] });
    expect(listTopicsForAdmin('fr').topics.map((t) => [t.key, t.articles])).toEqual([
      ['budget', 2],
      ['elections', 1],
    ]);
    updateTopic(t2, { fr: { name: 'Élections', slug: 'elections' }, en: { name: 'Elections', slug: 'elections' } }, EDITOR);
    expect(findTag('fr', 'elections')).toMatchObject({ id: t2, name: 'Élections' });
    expect(findTag('fr', 'elections-fr')).toBeNull();
    expect(fieldsOf(() => updateTopic(t2, { fr: { name: 'x', slug: 'budget-fr' }, en: { name: 'x', slug: 'ok' } }, EDITOR))).toEqual({ 'fr.slug': 'slug_taken' });
  });

  it('merging A into B re-tags A’s articles once, removes A (its URL finds nothing) and audits', () => {
    const cat = room.category('politics');
    const author = room.author('ada');
    const a = room.tag('vote');
    const b = room.tag('elections');
    const both = room.article({ categoryId: cat, authorId: author, tagIds: [a, b] });
    const onlyA = room.article({ categoryId: cat, authorId: author, tagIds: [a] });
    const onlyB = room.article({ categoryId: cat, authorId: author, tagIds: [b] });
    const result = mergeTopics(a, b, EDITOR);
    expect(result).toEqual({ moved: 2, slugs: { fr: 'vote-fr', en: 'vote-en' } });
    expect(articlesByTag(b)).toEqual([both, onlyA, onlyB].sort((x, y) => x - y));
    expect(findTag('fr', 'vote-fr')).toBeNull();
    expect(listTopicsForAdmin('en').topics.map((t) => [t.key, t.articles])).toEqual([['elections', 3]]);
    expect(listAudit()[0]).toMatchObject({ action: 'topic.merge', targetId: String(b) });
    expect(fieldsOf(() => mergeTopics(b, b, EDITOR))).toEqual({ into: 'merge_same' });
  });
});

describe('topics at archive scale', () => {
  it('pages topics by name in the newsroom language, filters by name, address or key, accents folded', () => {
    const cat = room.category('politics');
    const author = room.author('ada');
    const ids = Array.from({ length: 7 }, (_, i) => room.tag(`topic-${i + 1}`));
    room.article({ categoryId: cat, authorId: author, tagIds: [ids[6]!] });
    updateTopic(ids[2]!, { fr: { name: 'Élections', slug: 'elections' }, en: { name: 'Elections', slug: 'vote' } }, EDITOR);
    const first = listTopicsForAdmin('fr', { pageSize: 3 });
    expect(first).toMatchObject({ total: 7, page: 1, pageCount: 3 });
    // 'Élections' sorts among the E's (numeric collation keeps topic-10 after topic-9 in a real list).
    expect(first.topics.map((t) => t.key)).toEqual(['topic-3', 'topic-1', 'topic-2']);
    const last = listTopicsForAdmin('fr', { pageSize: 3, page: 99 });
    expect(last.page).toBe(3);
    expect(last.topics).toEqual([{ id: ids[6], key: 'topic-7', articles: 1, translations: expect.objectContaining({ fr: expect.anything(), en: expect.anything() }) }]);
    expect(listTopicsForAdmin('fr', { q: 'ELEC' }).topics.map((t) => t.key)).toEqual(['topic-3']);
    expect(listTopicsForAdmin('fr', { q: 'topic-7' }).total).toBe(1);
    expect(listTopicsForAdmin('fr', { q: 'nothing like it' })).toMatchObject({ topics: [], total: 0, page: 1, pageCount: 1 });
  });

  it('finds a merge target by its address in either language, the newsroom language first', () => {
    const a = room.tag('a');
    const b = room.tag('b');
    updateTopic(a, { fr: { name: 'Vote', slug: 'vote' }, en: { name: 'Ballot', slug: 'ballot' } }, EDITOR);
    updateTopic(b, { fr: { name: 'Scrutin', slug: 'scrutin' }, en: { name: 'Vote', slug: 'vote' } }, EDITOR);
    expect(topicIdBySlug('vote', 'fr')).toBe(a);
    expect(topicIdBySlug(' VOTE ', 'en')).toBe(b);
    expect(topicIdBySlug('scrutin', 'en')).toBe(b);
    expect(topicIdBySlug('none', 'fr')).toBeNull();
  });
});

describe('authors and agencies', () => {
  it('creates an agency and edits a person’s bio per language; https links only', () => {
    const person = room.author('ada');
    const id = createAuthor(
      {
        kind: 'agency',
        url: 'https://agence.example.org',
        translations: { fr: { name: 'Agence Centrale', slug: 'agence-centrale', bio: 'Agence de presse.' }, en: { name: 'Central Agency', slug: 'central-agency', bio: 'News agency.' } },
      },
      EDITOR,
    );
    expect(findAuthor('en', 'central-agency')).toMatchObject({ id, kind: 'agency', bio: 'News agency.', url: 'https://agence.example.org' });
    updateAuthor(person, { kind: 'person', url: '', translations: { fr: { name: 'Ada', slug: 'ada', bio: 'Reporter à Douala.' }, en: { name: 'Ada', slug: 'ada', bio: 'Reporter in Douala.' } } }, EDITOR);
    expect(findAuthor('fr', 'ada')).toMatchObject({ id: person, bio: 'Reporter à Douala.' });
    expect(listAuthorsForAdmin('fr').map((a) => a.kind)).toEqual(['person', 'agency']);
    expect(
      fieldsOf(() =>
        createAuthor({ kind: 'agency', url: 'http://insecure.example.org', translations: { fr: { name: 'X', slug: 'ada', bio: '' }, en: { name: 'X', slug: 'x', bio: '' } } }, EDITOR),
      ),
    ).toEqual({ url: 'url_https' });
    expect(fieldsOf(() => createAuthor({ kind: 'agency', url: '', translations: { fr: { name: 'X', slug: 'ada', bio: '' }, en: { name: 'X', slug: 'x', bio: '' } } }, EDITOR))).toEqual({
      'translations.fr.slug': 'slug_taken',
    });
    expect(listAudit().map((l) => l.action)).toEqual(['author.update', 'author.create']);
  });
});
