import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newsroom, useTestDb } from '@/tests/support/db';
import { authorIndex, indexLetter, topicIndex } from './taxonomy';
import { tagTranslations, authorTranslations } from './schema';
import { and, eq } from 'drizzle-orm';

const now = new Date('2026-11-27T10:00:00Z');
let env: ReturnType<typeof useTestDb>;
let room: ReturnType<typeof newsroom>;

beforeEach(() => {
  env = useTestDb();
  room = newsroom(env.db, now);
});
afterEach(() => env.close());

function renameTag(id: number, locale: 'fr' | 'en', name: string) {
  env.db.update(tagTranslations).set({ name }).where(and(eq(tagTranslations.tagId, id), eq(tagTranslations.locale, locale))).run();
}

describe('topics A–Z', () => {
  it('lists topics with visible articles in the reader’s language, A–Z with accents filed by their letter, with counts', () => {
    const section = room.category('news');
    const author = room.author('ada');
    const [eau, economie, zebu, agriculture, vide, brouillon] = ['eau', 'economie', 'zebu', 'agriculture', 'vide', 'brouillon'].map((k) => room.tag(k));
    renameTag(eau!, 'fr', 'Eau');
    renameTag(economie!, 'fr', 'Économie');
    renameTag(zebu!, 'fr', 'zébu');
    renameTag(agriculture!, 'fr', 'Agriculture');
    renameTag(brouillon!, 'fr', 'Brouillon');
    room.article({ categoryId: section, authorId: author, tagIds: [eau!, economie!, zebu!, agriculture!] });
    room.article({ categoryId: section, authorId: author, tagIds: [economie!] });
    room.article({ categoryId: section, authorId: author, tagIds: [brouillon!], status: 'draft' });
    room.article({ categoryId: section, authorId: author, tagIds: [vide!], locale: 'en' });
    const page = topicIndex('fr', 1, now)!;
    expect(page.items.map((t) => [t.name, t.count])).toEqual([
      ['Agriculture', 1],
      ['Eau', 1],
      ['Économie', 2],
      ['zébu', 1],
    ]);
    expect(page.items.map((t) => indexLetter(t.name, 'fr'))).toEqual(['A', 'E', 'E', 'Z']);
    expect(topicIndex('en', 1, now)!.items.map((t) => t.name)).toEqual(['vide-en']);
  });

  it('is paginated; a page past the end is null (a 404)', () => {
    const section = room.category('news');
    const author = room.author('ada');
    const tags = Array.from({ length: 25 }, (_, i) => room.tag(`t${String(i).padStart(2, '0')}`));
    room.article({ categoryId: section, authorId: author, tagIds: tags });
    const first = topicIndex('fr', 1, now, 10)!;
    expect([first.total, first.pageCount, first.items.length]).toEqual([25, 3, 10]);
    expect(topicIndex('fr', 3, now, 10)!.items.map((t) => t.name)).toEqual(['t20-fr', 't21-fr', 't22-fr', 't23-fr', 't24-fr']);
    expect(topicIndex('fr', 4, now, 10)).toBeNull();
    expect(topicIndex('fr', 0, now, 10)).toBeNull();
  });
});

describe('authors and agencies', () => {
  it('lists people and agencies who have visible articles in the language, A–Z, with counts and kinds', () => {
    const section = room.category('news');
    const afp = room.author('afp', 'agency');
    const zoe = room.author('zoe');
    const emile = room.author('emile');
    const silent = room.author('silent');
    env.db.update(authorTranslations).set({ name: 'Émile Mbarga' }).where(eq(authorTranslations.authorId, emile)).run();
    env.db.update(authorTranslations).set({ name: 'AFP' }).where(eq(authorTranslations.authorId, afp)).run();
    room.article({ categoryId: section, authorId: afp });
    room.article({ categoryId: section, authorId: afp });
    room.article({ categoryId: section, authorId: zoe });
    room.article({ categoryId: section, authorId: emile });
    room.article({ categoryId: section, authorId: silent, status: 'scheduled', ageHours: -3 });
    expect(authorIndex('fr', 1, now)!.items.map((a) => [a.name, a.count, a.kind])).toEqual([
      ['AFP', 2, 'agency'],
      ['Émile Mbarga', 1, 'person'],
      ['zoe-fr', 1, 'person'],
    ]);
  });
});
