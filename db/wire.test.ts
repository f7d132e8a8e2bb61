/**
 * The wire desk against a real SQLite file: what an editor sees in the queue and what a reader sees on the site
 * (db/articles findArticle, gone URLs) when the agency sends versions, withholds, kills, embargoes and expires.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ForbiddenError } from '@/lib/auth/policy';
import type { WireItemInput } from '@/lib/wire/types';
import { findArticle } from './articles';
import {
  getEditableArticle,
  isGoneUrl,
  listNewsroomArticles,
  markTranslationReviewed,
  nextScheduledAt,
  publishArticle,
  publishDue,
  translateArticle,
  type NewsroomActor,
} from './article-writes';
import { listAudit } from './audit';
import { articles, users, type UserRole } from './schema';
import {
  applyWireEffects,
  backoffMs,
  claimDueFeeds,
  createFeed,
  expireWireDue,
  getWireItem,
  ingestItems,
  listWireQueue,
  markWireReviewed,
  recordPollError,
  takeItem,
  wireLinkOf,
  WireError,
} from './wire';
import { eq } from 'drizzle-orm';
import { newsroom, useTestDb } from '@/tests/support/db';

let env: ReturnType<typeof useTestDb>;
let section: number;
let agency: number;
const t0 = new Date('2026-03-02T08:00:00Z');
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

function account(role: UserRole, name: string = role): NewsroomActor {
  const email = `${name}@kiosque.test`;
  const { id } = env.db.insert(users).values({ email, name, role, passwordHash: 'x', createdAt: t0, updatedAt: t0 }).returning({ id: users.id }).get();
  return { id, role, label: email };
}

function item(over: Partial<WireItemInput> = {}): WireItemInput {
  return {
    guid: 'urn:x:1',
    version: null,
    versionAt: t0,
    firstCreatedAt: t0,
    status: 'usable',
    embargoUntil: null,
    expiresAt: null,
    edNote: '',
    language: 'en',
    headline: 'Port traffic doubles',
    standfirst: 'Kribi grows.',
    body: 'The port **doubled** its traffic.',
    link: null,
    byline: '',
    correction: false,
    ...over,
  };
}

function feed(over: { autoPublish?: boolean } = {}) {
  return createFeed(null, {
    name: `feed-${Math.random()}`,
    agencyId: agency,
    url: 'http://127.0.0.1:9/feed',
    format: 'ninjs',
    pollIntervalSeconds: 60,
    language: 'en',
    defaultCategoryId: section,
    autoPublishCategoryId: over.autoPublish ? section : null,
    autoPublishGenre: over.autoPublish ? 'press_release' : null,
    enabled: true,
  }, t0);
}

/** What a reader gets at the article's URL. */
function readerSees(articleId: number, at: Date) {
  const row = env.db.select().from(articles).where(eq(articles.id, articleId)).get();
  if (!row) return 'deleted';
  return findArticle(row.locale as 'fr' | 'en', `news-${row.locale}`, row.slug, at).type;
}

function urlOf(articleId: number) {
  return getEditableArticle(articleId)!.readerPath;
}

beforeEach(() => {
  env = useTestDb();
  const n = newsroom(env.db, t0);
  section = n.category('news');
  agency = n.author('xinhua', 'agency');
});
afterEach(() => env.close());

describe('versions and duplicates', () => {
  it('keeps every version, applies only newer ones, ignores repeats and older ones', () => {
    const f = feed();
    expect(ingestItems(f, [item(), item({ guid: 'urn:x:2' })], t0)).toMatchObject({ created: 2, updated: 0, ignored: 0 });
    // The same document again: nothing changes.
    expect(ingestItems(f, [item(), item({ guid: 'urn:x:2' })], later(1))).toMatchObject({ created: 0, updated: 0, ignored: 2 });
    // A newer version (later version time) applies; an older one arriving late does not.
    expect(ingestItems(f, [item({ versionAt: later(10), headline: 'Port traffic triples' })], later(10))).toMatchObject({ updated: 1 });
    expect(ingestItems(f, [item({ versionAt: later(5), headline: 'Stale' })], later(11))).toMatchObject({ ignored: 1 });
    const queue = listWireQueue({}, 'en');
    expect(queue.items.map((i) => [i.headline, i.version])).toEqual([
      ['Port traffic triples', 2],
      ['Port traffic doubles', 1],
    ]);
    expect(getWireItem(queue.items[0]!.id)!.versions.map((v) => v.headline)).toEqual(['Port traffic triples', 'Port traffic doubles']);
  });

  it('compares agency version numbers when given; a kill is final', () => {
    const f = feed();
    ingestItems(f, [item({ version: 3, headline: 'v3' })], t0);
    expect(ingestItems(f, [item({ version: 2, headline: 'v2', versionAt: later(60) })], later(1)).ignored).toBe(1);
    expect(ingestItems(f, [item({ version: 4, status: 'canceled' })], later(2)).updated).toBe(1);
    expect(ingestItems(f, [item({ version: 5, headline: 'back' })], later(3)).ignored).toBe(1);
  });

  it('one item per agency and guid, whichever of its feeds brings it', () => {
    const a = feed();
    const b = feed();
    ingestItems(a, [item()], t0);
    expect(ingestItems(b, [item()], later(1)).ignored).toBe(1);
    expect(listWireQueue({}, 'en').total).toBe(1);
  });

  it('filters the queue by agency, language and text', () => {
    const f = feed();
    ingestItems(f, [item(), item({ guid: 'urn:x:fr', language: 'fr-FR', headline: 'Le port', body: 'Le trafic.' })], t0);
    expect(listWireQueue({ language: 'fr' }, 'en').items.map((i) => i.headline)).toEqual(['Le port']);
    expect(listWireQueue({ q: 'doubled' }, 'en').items.map((i) => i.headline)).toEqual(['Port traffic doubles']);
    expect(listWireQueue({ agencyId: agency + 99 }, 'en').total).toBe(0);
    expect(listWireQueue({ categoryId: section }, 'en').total).toBe(2);
  });
});

describe('taking copy and the agency status', () => {
  it('Take: a draft with the agency byline, language and the feed section; refused to contributors and for withheld items', () => {
    const f = feed();
    const editor = account('editor');
    ingestItems(f, [item(), item({ guid: 'urn:x:w', status: 'withheld' })], t0);
    const [withheld, usable] = listWireQueue({}, 'en').items.sort((a, b) => (a.status < b.status ? 1 : -1));
    expect(() => takeItem(account('contributor'), usable!.id, {}, t0)).toThrow(ForbiddenError);
    expect(() => takeItem(editor, withheld!.id, {}, t0)).toThrow(WireError);
    const { articleId } = takeItem(editor, usable!.id, {}, later(1));
    const a = getEditableArticle(articleId)!;
    expect(a).toMatchObject({ locale: 'en', title: 'Port traffic doubles', standfirst: 'Kribi grows.', authorId: agency, categoryId: section, status: 'draft' });
    expect(a.body).toBe('The port **doubled** its traffic.');
    expect(() => takeItem(editor, usable!.id, {}, later(2))).toThrow(/already_taken/);
    expect(listAudit().some((l) => l.action === 'wire.take')).toBe(true);
  });

  it('withheld unpublishes the live article; canceled deletes it in both languages, its URLs answer 410, audit-logged', () => {
    const f = feed();
    const editor = account('editor');
    ingestItems(f, [item({ version: 1 })], t0);
    const id = listWireQueue({}, 'en').items[0]!.id;
    const { articleId } = takeItem(editor, id, {}, later(1));
    publishArticle(editor, articleId, {}, later(2));
    const fr = translateArticle(editor, articleId, 'fr', later(3)).id;
    publishArticle(editor, fr, {}, later(4));
    expect(readerSees(articleId, later(5))).toBe('found');
    const enUrl = urlOf(articleId);
    const frUrl = urlOf(fr);
    expect(enUrl).toBe('/en/news-en/port-traffic-doubles');

    ingestItems(f, [item({ version: 2, status: 'withheld' })], later(6));
    const w = applyWireEffects([id], later(6));
    expect(w.unpublished.sort()).toEqual([articleId, fr].sort());
    expect(readerSees(articleId, later(7))).toBe('missing');
    expect(isGoneUrl(enUrl!)).toBe(true);

    ingestItems(f, [item({ version: 3, status: 'usable' })], later(8));
    publishArticle(editor, articleId, {}, later(9));
    publishArticle(editor, fr, {}, later(9));
    ingestItems(f, [item({ version: 4, status: 'canceled' })], later(10));
    const k = applyWireEffects([id], later(10));
    expect(k.deleted.sort()).toEqual([articleId, fr].sort());
    expect(k.places.filter(Boolean).length).toBeGreaterThan(0);
    expect(readerSees(articleId, later(11))).toBe('deleted');
    expect(readerSees(fr, later(11))).toBe('deleted');
    expect(isGoneUrl(enUrl!)).toBe(true);
    expect(isGoneUrl(frUrl!)).toBe(true);
    const lines = listAudit().filter((l) => l.actor === 'system' && l.action === 'article.delete');
    expect(lines).toHaveLength(2);
    expect(listWireQueue({}, 'en').items[0]!.status).toBe('canceled');
  });

  it('an embargo is never beaten: publishing schedules at the embargo, the scheduler publishes then', () => {
    const f = feed();
    const editor = account('editor');
    ingestItems(f, [item({ embargoUntil: later(60) })], t0);
    const { articleId } = takeItem(editor, listWireQueue({}, 'en').items[0]!.id, {}, later(1));
    expect(publishArticle(editor, articleId, {}, later(2))).toMatchObject({ status: 'scheduled', publishedAt: later(60) });
    expect(nextScheduledAt()).toEqual(later(60));
    expect(publishDue(later(59))).toEqual([]);
    expect(readerSees(articleId, later(59))).toBe('missing');
    expect(publishDue(later(60))).toEqual([articleId]);
    expect(readerSees(articleId, later(61))).toBe('found');
  });

  it('a later version that adds an embargo takes a live article off until then', () => {
    const f = feed();
    const editor = account('editor');
    ingestItems(f, [item({ version: 1 })], t0);
    const id = listWireQueue({}, 'en').items[0]!.id;
    const { articleId } = takeItem(editor, id, {}, later(1));
    publishArticle(editor, articleId, {}, later(2));
    ingestItems(f, [item({ version: 2, embargoUntil: later(120) })], later(3));
    expect(applyWireEffects([id], later(3)).unpublished).toEqual([articleId]);
    expect(readerSees(articleId, later(4))).toBe('missing');
  });

  it('expires unpublishes (scheduler path)', () => {
    const f = feed();
    const editor = account('editor');
    ingestItems(f, [item({ expiresAt: later(30) })], t0);
    const { articleId } = takeItem(editor, listWireQueue({}, 'en').items[0]!.id, {}, later(1));
    publishArticle(editor, articleId, {}, later(2));
    expect(expireWireDue(later(29)).unpublished).toEqual([]);
    expect(expireWireDue(later(30)).unpublished).toEqual([articleId]);
    expect(readerSees(articleId, later(31))).toBe('missing');
    expect(expireWireDue(later(32)).unpublished).toEqual([]);
  });

  it('auto-publish feeds publish usable items at once with the agency byline and genre', () => {
    const f = feed({ autoPublish: true });
    const r = ingestItems(f, [item(), item({ guid: 'urn:x:held', status: 'withheld' })], t0);
    const e = applyWireEffects(r.changed, t0);
    expect(e.published).toHaveLength(1);
    const a = getEditableArticle(e.published[0]!)!;
    expect(a).toMatchObject({ status: 'published', authorId: agency, genre: 'press_release', locale: 'en' });
    expect(readerSees(a.id, later(1))).toBe('found');
    // A repeat does not publish twice.
    const again = ingestItems(f, [item()], later(2));
    expect(applyWireEffects(again.changed, later(2)).published).toEqual([]);
  });

  it('a new version of a taken item flags the story "wire updated" until an editor reviews it', () => {
    const f = feed();
    const editor = account('editor');
    ingestItems(f, [item({ version: 1 })], t0);
    const id = listWireQueue({}, 'en').items[0]!.id;
    const { articleId } = takeItem(editor, id, {}, later(1));
    expect(wireLinkOf(articleId)).toMatchObject({ updated: false, version: 1 });
    ingestItems(f, [item({ version: 2, headline: 'Corrected', correction: true })], later(2));
    applyWireEffects([id], later(2));
    expect(wireLinkOf(articleId)).toMatchObject({ updated: true, correction: true, version: 2 });
    expect(() => markWireReviewed(account('author'), articleId, later(3))).toThrow(ForbiddenError);
    markWireReviewed(editor, articleId, later(3));
    expect(wireLinkOf(articleId)).toMatchObject({ updated: false, correction: false });
  });
  it('Translate from a taken item: the French draft of the same story says "original changed" once the agency sends a newer version, until reviewed', () => {
    const f = feed();
    const editor = account('editor');
    ingestItems(f, [item({ version: 1 })], t0);
    const id = listWireQueue({}, 'en').items[0]!.id;
    const { articleId } = takeItem(editor, id, {}, later(1));
    const fr = translateArticle(editor, articleId, 'fr', later(2)).id;
    const translation = getEditableArticle(fr)!;
    expect(translation.storyId).toBe(getEditableArticle(articleId)!.storyId);
    expect(translation.sourceUpdated).toBe(false);
    // A repeat of the same version is not an update.
    ingestItems(f, [item({ version: 1 })], later(3));
    expect(getEditableArticle(fr)!.sourceUpdated).toBe(false);
    // The agency's version 2: nobody edited the English take, but the French translation's source moved.
    ingestItems(f, [item({ version: 2, body: 'The port **tripled** its traffic.' })], later(4));
    applyWireEffects([id], later(4));
    expect(getEditableArticle(fr)!.sourceUpdated).toBe(true);
    expect(listNewsroomArticles({}).items.find((a) => a.id === fr)?.sourceUpdated).toBe(true);
    // The take itself is not a translation: it says "wire updated" instead.
    expect(getEditableArticle(articleId)!.sourceUpdated).toBe(false);
    markTranslationReviewed(editor, fr, later(5));
    expect(getEditableArticle(fr)!.sourceUpdated).toBe(false);
  });
});

describe('feed poll state', () => {
  it('a lease lets one process poll a feed at a time; errors back off exponentially', () => {
    const f = feed();
    expect(claimDueFeeds('a', t0, 30_000).map((r) => r.id)).toEqual([f.id]);
    expect(claimDueFeeds('b', later(0.1), 30_000)).toEqual([]);
    recordPollError(f.id, 'a', 'HTTP 500', later(0.2));
    expect(claimDueFeeds('b', later(1.1), 30_000)).toEqual([]);
    expect(claimDueFeeds('b', later(2.3), 30_000).map((r) => r.id)).toEqual([f.id]);
    expect(backoffMs(60, 1)).toBe(120_000);
    expect(backoffMs(60, 30)).toBe(6 * 3_600_000);
  });
});
