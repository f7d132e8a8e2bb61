import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { siteDay } from '@/lib/format';
import { DAY, newsroom, useTestDb } from '@/tests/support/db';
import { recordViews } from './views';
import { hotThisWeek, popularCategories, recentTopics, relatedArticles, siteDayWindow } from './widgets';

// 10:00 in Douala (09:00 UTC).
const now = new Date('2026-03-18T09:00:00Z');
const daysAgo = (n: number) => siteDay(new Date(now.getTime() - n * DAY));

let env: ReturnType<typeof useTestDb>;
let room: ReturnType<typeof newsroom>;
let politics: number;
let sport: number;
let author: number;

beforeEach(() => {
  env = useTestDb();
  room = newsroom(env.db, now);
  politics = room.category('politics', 1);
  sport = room.category('sport', 2);
  author = room.author('ada');
});
afterEach(() => env.close());

describe('siteDayWindow', () => {
  it('covers today and the six site days before, in Douala time', () => {
    expect(siteDayWindow(now, 7)).toEqual({ from: '2026-03-12', to: '2026-03-18' });
    // 23:30 UTC is already the next day in Douala (UTC+1).
    expect(siteDayWindow(new Date('2026-03-18T23:30:00Z'), 7)).toEqual({ from: '2026-03-13', to: '2026-03-19' });
  });
});

describe('hotThisWeek', () => {
  it('ranks by views of the last 7 site days; views 7 and 8 days old do not count', () => {
    const a = room.article({ categoryId: politics, authorId: author, ageHours: 300 });
    const b = room.article({ categoryId: politics, authorId: author, ageHours: 300 });
    const c = room.article({ categoryId: politics, authorId: author, ageHours: 300 });
    room.views(a, daysAgo(0), 10);
    room.views(a, daysAgo(6), 15); // oldest day of the window: counts (25)
    room.views(b, daysAgo(1), 20);
    room.views(b, daysAgo(8), 1000); // 8 days old: ignored (20)
    room.views(c, daysAgo(7), 5000); // just outside the window: c has no views this week
    const hot = hotThisWeek('fr', 5, now);
    expect(hot.map((h) => [h.id, h.views])).toEqual([
      [a, 25],
      [b, 20],
    ]);
  });

  it('never shows an article of the other language, a draft or a future article', () => {
    const fr = room.article({ categoryId: politics, authorId: author });
    const en = room.article({ locale: 'en', categoryId: politics, authorId: author });
    const draft = room.article({ categoryId: politics, authorId: author, status: 'draft' });
    const future = room.article({ categoryId: politics, authorId: author, status: 'scheduled', ageHours: -5 });
    const publishedInFuture = room.article({ categoryId: politics, authorId: author, ageHours: -5 });
    room.views(fr, daysAgo(0), 1);
    for (const id of [en, draft, future, publishedInFuture]) room.views(id, daysAgo(0), 999);
    expect(hotThisWeek('fr', 5, now).map((h) => h.id)).toEqual([fr]);
    expect(hotThisWeek('en', 5, now).map((h) => h.id)).toEqual([en]);
  });

  it('changes when new views are recorded', () => {
    const a = room.article({ categoryId: politics, authorId: author });
    const b = room.article({ categoryId: politics, authorId: author });
    room.views(a, daysAgo(1), 10);
    room.views(b, daysAgo(1), 5);
    expect(hotThisWeek('fr', 5, now).map((h) => h.id)).toEqual([a, b]);
    recordViews([{ articleId: b, day: daysAgo(0), views: 4 }]);
    recordViews([{ articleId: b, day: daysAgo(0), views: 3 }]); // upsert adds
    const hot = hotThisWeek('fr', 5, now);
    expect(hot.map((h) => [h.id, h.views])).toEqual([
      [b, 12],
      [a, 10],
    ]);
  });

  it('carries what the card needs, including the video duration', () => {
    const v = room.article({ categoryId: sport, authorId: author, kind: 'video', title: 'Le match' });
    room.views(v, daysAgo(0), 3);
    const [hot] = hotThisWeek('fr', 5, now);
    expect(hot).toMatchObject({ id: v, title: 'Le match', kind: 'video', videoDurationSeconds: 63, category: { slug: 'sport-fr' } });
  });
});

describe('popularCategories', () => {
  it('counts the published articles of the reader’s language per section, most first', () => {
    const culture = room.category('culture', 3); // no article: left out
    for (let i = 0; i < 3; i++) room.article({ categoryId: sport, authorId: author });
    room.article({ categoryId: politics, authorId: author });
    for (let i = 0; i < 4; i++) room.article({ locale: 'en', categoryId: politics, authorId: author });
    room.article({ categoryId: politics, authorId: author, status: 'draft' });
    room.article({ categoryId: politics, authorId: author, status: 'scheduled', ageHours: -10 });
    room.article({ categoryId: politics, authorId: author, ageHours: -10 });
    expect(popularCategories('fr', now).map((c) => [c.slug, c.count])).toEqual([
      ['sport-fr', 3],
      ['politics-fr', 1],
    ]);
    expect(popularCategories('en', now).map((c) => [c.slug, c.name, c.count])).toEqual([['politics-en', 'politics-en', 4]]);
    expect(popularCategories('fr', now).some((c) => c.id === culture)).toBe(false);
  });
});

describe('recentTopics', () => {
  it('ranks the topics of the last four weeks in the reader’s language', () => {
    const cocoa = room.tag('cocoa');
    const football = room.tag('football');
    const old = room.tag('old');
    const englishOnly = room.tag('english');
    room.article({ categoryId: politics, authorId: author, tagIds: [cocoa, football] });
    room.article({ categoryId: politics, authorId: author, tagIds: [cocoa] });
    room.article({ categoryId: politics, authorId: author, ageHours: 24 * 40, tagIds: [old, football] });
    room.article({ categoryId: politics, authorId: author, status: 'draft', tagIds: [football, old] });
    room.article({ locale: 'en', categoryId: politics, authorId: author, tagIds: [englishOnly, football] });
    expect(recentTopics('fr', 10, now).map((t) => [t.slug, t.count])).toEqual([
      ['cocoa-fr', 2],
      ['football-fr', 1],
    ]);
    expect(recentTopics('en', 10, now).map((t) => [t.slug, t.count])).toEqual([
      ['english-en', 1],
      ['football-en', 1],
    ]);
  });
});

describe('relatedArticles', () => {
  it('scores by shared topics, then same section, then recency; same language only; never itself', () => {
    const [t1, t2, t3] = [room.tag('t1'), room.tag('t2'), room.tag('t3')];
    const source = room.article({ categoryId: politics, authorId: author, tagIds: [t1, t2, t3] });
    const twoShared = room.article({ categoryId: sport, authorId: author, ageHours: 500, tagIds: [t1, t2] });
    const oneSharedSameSection = room.article({ categoryId: politics, authorId: author, ageHours: 200, tagIds: [t3] });
    const oneSharedOtherSection = room.article({ categoryId: sport, authorId: author, ageHours: 200, tagIds: [t3] });
    const oneSharedOtherSectionNewer = room.article({ categoryId: sport, authorId: author, ageHours: 2, tagIds: [t2] });
    room.article({ locale: 'en', categoryId: politics, authorId: author, tagIds: [t1, t2, t3] });
    room.article({ categoryId: politics, authorId: author, status: 'draft', tagIds: [t1, t2, t3] });
    room.article({ categoryId: politics, authorId: author, ageHours: -3, tagIds: [t1, t2, t3] });
    const related = relatedArticles({ id: source, locale: 'fr', categoryId: politics }, 4, now);
    expect(related.map((a) => a.id)).toEqual([twoShared, oneSharedSameSection, oneSharedOtherSectionNewer, oneSharedOtherSection]);
  });

  it('is filled with the latest of the same section when few articles share a topic', () => {
    const t1 = room.tag('t1');
    const source = room.article({ categoryId: politics, authorId: author, tagIds: [t1] });
    const sharing = room.article({ categoryId: sport, authorId: author, ageHours: 100, tagIds: [t1] });
    const sectionOld = room.article({ categoryId: politics, authorId: author, ageHours: 50 });
    const sectionNew = room.article({ categoryId: politics, authorId: author, ageHours: 5 });
    room.article({ categoryId: sport, authorId: author, ageHours: 1 }); // other section, no shared topic
    room.article({ locale: 'en', categoryId: politics, authorId: author, ageHours: 1 });
    const related = relatedArticles({ id: source, locale: 'fr', categoryId: politics }, 4, now);
    expect(related.map((a) => a.id)).toEqual([sharing, sectionNew, sectionOld]);
  });
});
