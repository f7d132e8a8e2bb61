/**
 * The newsroom's article writes on a real SQLite file: what an editor observes (the article, its history, the
 * review queue, the audit log) and what a reader observes (db/articles findArticle, gone URLs, old slugs).
 */
import { ZodError } from 'zod';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ForbiddenError } from '@/lib/auth/policy';
import { findArticle, listArticles } from './articles';
import {
  addCorrection,
  changedBetween,
  articleInput,
  ConflictError,
  createArticle,
  deleteArticle,
  getEditableArticle,
  getRevision,
  heartbeatPresence,
  illustrations,
  isGoneUrl,
  leavePresence,
  listNewsroomArticles,
  listReviewQueue,
  listRevisions,
  markTranslationReviewed,
  nextScheduledAt,
  publishArticle,
  publishDue,
  restoreRevision,
  saveArticle,
  SlugTakenError,
  submitForReview,
  translateArticle,
  unpublishArticle,
  WorkflowError,
  type ArticleInput,
  type NewsroomActor,
} from './article-writes';
import { listAudit } from './audit';
import { articleForJsonLd, newsArticleJsonLd } from '@/lib/jsonld';
import { users, type UserRole } from './schema';
import { HOUR, newsroom, useTestDb } from '@/tests/support/db';

let env: ReturnType<typeof useTestDb>;
let section: number;
let byline: number;
let topic: number;
const t0 = new Date('2026-03-02T08:00:00Z');
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

function account(role: UserRole, name: string = role): NewsroomActor {
  const email = `${name}@kiosque.test`;
  const { id } = env.db
    .insert(users)
    .values({ email, name, role, passwordHash: 'x', createdAt: t0, updatedAt: t0 })
    .returning({ id: users.id })
    .get();
  return { id, role, label: email };
}

function input(over: Partial<ArticleInput> = {}): ArticleInput {
  return { title: 'Élection à Yaoundé', standfirst: 'Le chapeau', body: 'Le corps du texte.', categoryId: section, authorId: byline, tagIds: [topic], ...over };
}

function auditActions() {
  return listAudit(500).map((l) => `${l.actor} ${l.action} ${l.targetId ?? ''}`.trim()).reverse();
}

beforeEach(() => {
  env = useTestDb();
  const n = newsroom(env.db, t0);
  section = n.category('politique');
  byline = n.author('redaction');
  topic = n.tag('elections');
});
afterEach(() => env.close());

describe('create and save', () => {
  it('creates a draft owned by its writer, with a slug folded from the title and a first revision', () => {
    const writer = account('contributor');
    const { id, version } = createArticle(writer, { locale: 'fr', ...input() }, t0);
    const a = getEditableArticle(id)!;
    expect(a).toMatchObject({ status: 'draft', version, slug: 'election-a-yaounde', owner: { id: writer.id }, tagIds: [topic], locale: 'fr', readerPath: null });
    expect(listRevisions(id).map((r) => r.reason)).toEqual(['save']);
    expect(auditActions()).toEqual([`${writer.label} article.create ${id}`]);
    // A second article with the same title gets the next free slug in that locale.
    const second = createArticle(writer, { locale: 'fr', ...input() }, t0);
    expect(getEditableArticle(second.id)!.slug).toBe('election-a-yaounde-2');
    const english = createArticle(writer, { locale: 'en', ...input() }, t0);
    expect(getEditableArticle(english.id)!.slug).toBe('election-a-yaounde');
  });

  it('creates new topics inline, named the same in every locale until renamed', () => {
    const writer = account('author');
    const { id } = createArticle(writer, { locale: 'fr', ...input({ newTopics: ['Cacao équitable'] }) }, t0);
    const tagIds = getEditableArticle(id)!.tagIds;
    expect(tagIds).toHaveLength(2);
    const names = env.db.$client.prepare('select locale, name, slug from tag_translations where tag_id = ? order by locale').all(tagIds[1]);
    expect(names).toEqual([
      { locale: 'en', name: 'Cacao équitable', slug: 'cacao-equitable' },
      { locale: 'fr', name: 'Cacao équitable', slug: 'cacao-equitable' },
    ]);
  });

  it('validates the form with the exported schema (bounds, slugs, topics, images)', () => {
    const ok = articleInput.safeParse(input({ heroImage: illustrations[0]!.path }));
    expect(ok.success).toBe(true);
    for (const bad of [
      input({ title: 'x'.repeat(201) }),
      input({ standfirst: 'x'.repeat(601) }),
      input({ body: 'x'.repeat(200_001) }),
      input({ slug: 'Pas un slug' }),
      input({ slug: 'page' }),
      input({ seoTitle: 'x'.repeat(71) }),
      input({ seoDescription: 'x'.repeat(201) }),
      input({ tagIds: Array.from({ length: 21 }, (_, i) => i + 1) }),
      input({ tagIds: [1, 2, 3], newTopics: Array.from({ length: 18 }, (_, i) => `t${i}`) }),
      input({ heroImage: '/etc/passwd' }),
      input({ kind: 'video' }),
    ]) {
      expect(articleInput.safeParse(bad).success, JSON.stringify(bad).slice(0, 80)).toBe(false);
    }
    const writer = account('author');
    expect(() => createArticle(writer, { locale: 'fr', ...input({ body: 'x'.repeat(200_001) }) }, t0)).toThrow(ZodError);
    expect(listNewsroomArticles().total).toBe(0);
  });

  it('saves with optimistic concurrency: a save over a newer version is refused with the server’s version', () => {
    const alice = account('editor', 'alice');
    const bob = account('editor', 'bob');
    const { id, version } = createArticle(alice, { locale: 'fr', ...input() }, t0);
    const v2 = saveArticle(alice, id, { baseVersion: version, input: input({ body: 'Version d’Alice.' }), reason: 'save' }, later(1));
    expect(v2).toMatchObject({ version: 2, changed: true });
    let conflict: unknown;
    try {
      saveArticle(bob, id, { baseVersion: version, input: input({ body: 'Version de Bob.' }), reason: 'autosave' }, later(2));
    } catch (error) {
      conflict = error;
    }
    expect(conflict).toBeInstanceOf(ConflictError);
    expect((conflict as ConflictError).current).toMatchObject({ version: 2, body: 'Version d’Alice.' });
    expect(getEditableArticle(id)!.body).toBe('Version d’Alice.');
    // Sending what the server already has is no conflict and no new version (a retried save, a double click).
    expect(saveArticle(bob, id, { baseVersion: version, input: input({ body: 'Version d’Alice.' }), reason: 'autosave' }, later(3))).toEqual({ version: 2, changed: false });
    expect(saveArticle(alice, id, { baseVersion: 2, input: input({ body: 'Version d’Alice.' }), reason: 'save' }, later(3))).toEqual({ version: 2, changed: false });
    expect(listRevisions(id)).toHaveLength(2);
  });

  it('moves text_changed_at only when title, standfirst or body change', () => {
    const writer = account('author');
    const { id } = createArticle(writer, { locale: 'fr', ...input() }, t0);
    saveArticle(writer, id, { baseVersion: 1, input: input({ seoTitle: 'Titre SEO', genre: 'analysis' }), reason: 'save' }, later(5));
    expect(getEditableArticle(id)!.textChangedAt).toEqual(t0);
    saveArticle(writer, id, { baseVersion: 2, input: input({ seoTitle: 'Titre SEO', genre: 'analysis', standfirst: 'Nouveau chapeau' }), reason: 'save' }, later(6));
    expect(getEditableArticle(id)!.textChangedAt).toEqual(later(6));
  });

  it('keeps the old URL of a renamed published article as a redirect; a taken slug is refused', () => {
    const editor = account('editor');
    const { id } = createArticle(editor, { locale: 'fr', ...input() }, t0);
    const other = createArticle(editor, { locale: 'fr', ...input({ title: 'Autre' }) }, t0);
    publishArticle(editor, id, {}, later(1));
    expect(() => saveArticle(editor, id, { baseVersion: 1, input: input({ slug: 'autre' }), reason: 'save' }, later(2))).toThrow(SlugTakenError);
    const saved = saveArticle(editor, id, { baseVersion: 1, input: input({ slug: 'election-presidentielle' }), reason: 'save' }, later(2));
    expect(saved.oldSlug).toBe('election-a-yaounde');
    expect(findArticle('fr', 'politique-fr', 'election-a-yaounde', later(3))).toEqual({ type: 'redirect', categorySlug: 'politique-fr', slug: 'election-presidentielle' });
    expect(findArticle('fr', 'politique-fr', 'election-presidentielle', later(3)).type).toBe('found');
    expect(getEditableArticle(other.id)!.slug).toBe('autre');
  });

  it('coalesces a burst of autosaves by one person into one revision', () => {
    const writer = account('author');
    const { id } = createArticle(writer, { locale: 'fr', ...input() }, t0);
    let version = 1;
    for (let i = 1; i <= 5; i++) version = saveArticle(writer, id, { baseVersion: version, input: input({ body: `Brouillon ${i}` }), reason: 'autosave' }, later(i * 0.1)).version;
    const revisions = listRevisions(id);
    expect(revisions.map((r) => r.reason)).toEqual(['autosave', 'save']);
    expect(getRevision(revisions[0]!.id)!.body).toBe('Brouillon 5');
    expect(version).toBe(6);
  });
});

describe('revisions and restore', () => {
  it('restores an earlier revision as a new version, with an audit line', () => {
    const writer = account('author');
    const { id } = createArticle(writer, { locale: 'fr', ...input({ body: 'Premier jet.' }) }, t0);
    saveArticle(writer, id, { baseVersion: 1, input: input({ body: 'Second jet, raté.', genre: 'opinion' }), reason: 'save' }, later(10));
    const first = listRevisions(id).at(-1)!;
    expect(() => restoreRevision(writer, id, first.id, 1, later(11))).toThrow(ConflictError);
    const { version } = restoreRevision(writer, id, first.id, 2, later(11));
    const a = getEditableArticle(id)!;
    expect(a).toMatchObject({ version: 3, body: 'Premier jet.', genre: 'news' });
    expect(version).toBe(3);
    expect(listRevisions(id).map((r) => r.reason)).toEqual(['restore', 'save', 'save']);
    expect(auditActions().at(-1)).toBe(`${writer.label} article.restore ${id}`);
  });
});

describe('workflow and the role × action matrix', () => {
  it('a contributor writes and submits; cannot publish, and nothing changes; an editor publishes from the queue', () => {
    const stringer = account('contributor');
    const editor = account('editor');
    const { id } = createArticle(stringer, { locale: 'fr', ...input() }, t0);
    submitForReview(stringer, id, later(1));
    expect(listReviewQueue().map((a) => a.id)).toEqual([id]);
    const before = auditActions();
    expect(() => publishArticle(stringer, id, {}, later(2))).toThrow(ForbiddenError);
    expect(getEditableArticle(id)!.status).toBe('review');
    expect(auditActions()).toEqual(before);
    // Once submitted and published, the stringer can no longer change it.
    publishArticle(editor, id, {}, later(3));
    expect(() => saveArticle(stringer, id, { baseVersion: 1, input: input({ body: 'Changement' }), reason: 'save' }, later(4))).toThrow(ForbiddenError);
    expect(listReviewQueue()).toEqual([]);
    expect(findArticle('fr', 'politique-fr', 'election-a-yaounde', later(4)).type).toBe('found');
  });

  const matrix: { role: UserRole; own: boolean; publish: boolean; unpublish: boolean; correct: boolean; deleteLive: boolean; editOthers: boolean }[] = [
    { role: 'contributor', own: true, publish: false, unpublish: false, correct: false, deleteLive: false, editOthers: false },
    { role: 'author', own: true, publish: true, unpublish: true, correct: false, deleteLive: false, editOthers: false },
    { role: 'editor', own: false, publish: true, unpublish: true, correct: true, deleteLive: true, editOthers: true },
    { role: 'administrator', own: false, publish: true, unpublish: true, correct: true, deleteLive: true, editOthers: true },
  ];

  for (const m of matrix) {
    it(`${m.role}: publish ${m.publish}, unpublish ${m.unpublish}, correct ${m.correct}, delete live ${m.deleteLive}, edit others’ ${m.editOthers}`, () => {
      const actor = account(m.role, `the-${m.role}`);
      const chief = account('editor', 'chief');
      const someoneElse = account('author', 'someone');
      const attempt = (run: () => unknown) => {
        const audit = auditActions();
        try {
          run();
          return true;
        } catch (error) {
          expect(error).toBeInstanceOf(ForbiddenError);
          expect(auditActions()).toEqual(audit);
          return false;
        }
      };
      // Own draft: publish.
      const mine = createArticle(actor, { locale: 'fr', ...input({ title: `À moi ${m.role}` }) }, t0).id;
      expect(attempt(() => publishArticle(actor, mine, {}, later(1)))).toBe(m.publish);
      expect(getEditableArticle(mine)!.status).toBe(m.publish ? 'published' : 'draft');
      if (!m.publish) publishArticle(chief, mine, {}, later(1));
      // Own live article: correct, unpublish, delete.
      expect(attempt(() => addCorrection(actor, mine, 'Une date était fausse.', later(2)))).toBe(m.correct);
      expect(getEditableArticle(mine)!.corrections).toHaveLength(m.correct ? 1 : 0);
      expect(attempt(() => unpublishArticle(actor, mine, later(3)))).toBe(m.unpublish);
      expect(getEditableArticle(mine)!.status).toBe(m.unpublish ? 'unpublished' : 'published');
      if (!m.unpublish) unpublishArticle(chief, mine, later(3));
      expect(attempt(() => deleteArticle(actor, mine, later(4)))).toBe(m.deleteLive);
      expect(getEditableArticle(mine) === null).toBe(m.deleteLive);
      // Someone else's draft: edit.
      const theirs = createArticle(someoneElse, { locale: 'fr', ...input({ title: `À quelqu’un ${m.role}` }) }, t0).id;
      expect(attempt(() => saveArticle(actor, theirs, { baseVersion: 1, input: input({ title: `À quelqu’un ${m.role}`, body: 'Réécrit' }), reason: 'save' }, later(5)))).toBe(m.editOthers);
      expect(getEditableArticle(theirs)!.body).toBe(m.editOthers ? 'Réécrit' : 'Le corps du texte.');
    });
  }

  it('refuses to publish an article without title or body', () => {
    const editor = account('editor');
    const { id } = createArticle(editor, { locale: 'fr', ...input({ body: '   ' }) }, t0);
    expect(() => publishArticle(editor, id, {}, later(1))).toThrow(WorkflowError);
    const empty = createArticle(editor, { locale: 'fr', ...input({ title: '' }) }, t0);
    expect(() => publishArticle(editor, empty.id, {}, later(1))).toThrow(expect.objectContaining({ code: 'empty_title' }));
    expect(getEditableArticle(id)!.status).toBe('draft');
  });

  it('a republication keeps its first publication date', () => {
    const editor = account('editor');
    const { id } = createArticle(editor, { locale: 'fr', ...input() }, t0);
    publishArticle(editor, id, {}, later(10));
    unpublishArticle(editor, id, later(20));
    publishArticle(editor, id, {}, later(30));
    expect(getEditableArticle(id)!.publishedAt).toEqual(later(10));
  });
});

describe('scheduling', () => {
  it('a scheduled article is invisible until the scheduler flips it, once, by system', () => {
    const editor = account('editor');
    const { id } = createArticle(editor, { locale: 'fr', ...input() }, t0);
    expect(publishArticle(editor, id, { at: later(60) }, t0)).toEqual({ status: 'scheduled', publishedAt: later(60) });
    expect(nextScheduledAt()).toEqual(later(60));
    // Even past its time, a scheduled row is not shown by being read: the scheduler publishes it.
    expect(findArticle('fr', 'politique-fr', 'election-a-yaounde', later(61)).type).toBe('missing');
    expect(publishDue(later(59))).toEqual([]);
    expect(publishDue(later(61))).toEqual([id]);
    expect(publishDue(later(62))).toEqual([]);
    expect(nextScheduledAt()).toBeNull();
    expect(findArticle('fr', 'politique-fr', 'election-a-yaounde', later(62)).type).toBe('found');
    expect(getEditableArticle(id)!.publishedAt).toEqual(later(60));
    expect(auditActions().slice(-2)).toEqual([`${editor.label} article.schedule ${id}`, `system article.publish ${id}`]);
  });

  it('every process learns what changed for readers since its last tick, including deletions and their pages', () => {
    const editor = account('editor');
    const a = createArticle(editor, { locale: 'fr', ...input() }, t0).id;
    const b = createArticle(editor, { locale: 'fr', ...input({ title: 'Deuxième' }) }, t0).id;
    publishArticle(editor, a, { at: later(30) }, t0);
    publishArticle(editor, b, {}, later(1));
    expect(changedBetween(later(0), later(2)).ids).toEqual([b]);
    // The other process flipped `a` late (catch-up at start): the audit line tells this one.
    publishDue(later(45));
    expect(changedBetween(later(40), later(50)).ids).toEqual([a]);
    deleteArticle(editor, b, later(60));
    const { deleted } = changedBetween(later(55), later(65));
    expect(deleted.map((p) => p.articleUrls)).toEqual([['/fr/politique-fr/deuxieme']]);
    expect(deleted[0]).toMatchObject({ locale: 'fr', sectionSlug: 'politique-fr', topicSlugs: ['elections-fr'] });
  });

  it('unpublishing a scheduled article cancels it (back to draft)', () => {
    const editor = account('editor');
    const { id } = createArticle(editor, { locale: 'fr', ...input() }, t0);
    publishArticle(editor, id, { at: later(60) }, t0);
    unpublishArticle(editor, id, later(1));
    expect(getEditableArticle(id)).toMatchObject({ status: 'draft', publishedAt: null });
    expect(publishDue(later(61))).toEqual([]);
    expect(isGoneUrl('/fr/politique-fr/election-a-yaounde')).toBe(false);
  });
});

describe('gone URLs', () => {
  it('unpublish and delete record the current and old URLs; republishing removes them', () => {
    const editor = account('editor');
    const { id } = createArticle(editor, { locale: 'fr', ...input() }, t0);
    publishArticle(editor, id, {}, later(1));
    saveArticle(editor, id, { baseVersion: 1, input: input({ slug: 'nouveau-titre' }), reason: 'save' }, later(2));
    unpublishArticle(editor, id, later(3));
    expect(isGoneUrl('/fr/politique-fr/nouveau-titre')).toBe(true);
    expect(isGoneUrl('/fr/politique-fr/election-a-yaounde')).toBe(true);
    expect(findArticle('fr', 'politique-fr', 'nouveau-titre', later(4)).type).toBe('missing');
    expect(listArticles('fr', {}, 10, 0, later(4))).toEqual([]);
    publishArticle(editor, id, {}, later(5));
    expect(isGoneUrl('/fr/politique-fr/nouveau-titre')).toBe(false);
    expect(isGoneUrl('/fr/politique-fr/election-a-yaounde')).toBe(false);
    const gone = deleteArticle(editor, id, later(6));
    expect(gone.urls.sort()).toEqual(['/fr/politique-fr/election-a-yaounde', '/fr/politique-fr/nouveau-titre']);
    expect(isGoneUrl('/fr/politique-fr/nouveau-titre')).toBe(true);
    expect(getEditableArticle(id)).toBeNull();
    expect(auditActions().at(-1)).toBe(`${editor.label} article.delete ${id}`);
  });

  it('a deleted draft that readers never saw leaves no gone URL', () => {
    const writer = account('contributor');
    const { id } = createArticle(writer, { locale: 'fr', ...input() }, t0);
    deleteArticle(writer, id, later(1));
    expect(isGoneUrl('/fr/politique-fr/election-a-yaounde')).toBe(false);
  });
});

describe('corrections', () => {
  it('a dated note that moves text_changed_at', () => {
    const editor = account('editor');
    const { id } = createArticle(editor, { locale: 'fr', ...input() }, t0);
    publishArticle(editor, id, {}, later(1));
    addCorrection(editor, id, 'Le scrutin a lieu le 12 octobre, non le 2.', later(90));
    const a = getEditableArticle(id)!;
    expect(a.corrections).toEqual([{ id: expect.any(Number), note: 'Le scrutin a lieu le 12 octobre, non le 2.', createdAt: later(90), by: 'editor' }]);
    expect(a.textChangedAt).toEqual(later(90));
    expect(() => addCorrection(editor, id, '   ', later(91))).toThrow(ZodError);
  });
});

describe('translations', () => {
  it('creates the other version of the story, pre-filled and linked; flags source changes until reviewed', () => {
    const reporter = account('author', 'reporter');
    const translator = account('contributor', 'translator');
    const { id } = createArticle(reporter, { locale: 'fr', ...input({ genre: 'interview' }) }, t0);
    const { id: en } = translateArticle(translator, id, 'en', later(1));
    expect(getEditableArticle(en)).toMatchObject({
      locale: 'en',
      title: 'Élection à Yaoundé',
      body: 'Le corps du texte.',
      categoryId: section,
      authorId: byline,
      tagIds: [topic],
      genre: 'interview',
      status: 'draft',
      owner: { id: translator.id },
      translatedFromId: id,
      sourceUpdated: false,
      versions: [{ id, locale: 'fr', status: 'draft', title: 'Élection à Yaoundé' }],
    });
    expect(() => translateArticle(translator, id, 'en', later(2))).toThrow(expect.objectContaining({ code: 'translation_exists' }));
    expect(() => translateArticle(translator, id, 'fr', later(2))).toThrow(expect.objectContaining({ code: 'same_locale' }));
    // The list shows each story's versions.
    const row = listNewsroomArticles({ locale: 'fr' }).items[0]!;
    expect(row.versions.map((v) => `${v.locale}:${v.status}`)).toEqual(['en:draft', 'fr:draft']);
    // A change to the source's text flags the translation; a change of SEO fields does not.
    saveArticle(reporter, id, { baseVersion: 1, input: input({ genre: 'interview', seoTitle: 'SEO' }), reason: 'save' }, later(3));
    expect(getEditableArticle(en)!.sourceUpdated).toBe(false);
    saveArticle(reporter, id, { baseVersion: 2, input: input({ genre: 'interview', seoTitle: 'SEO', body: 'Texte complété.' }), reason: 'save' }, later(4));
    expect(getEditableArticle(en)!.sourceUpdated).toBe(true);
    expect(listNewsroomArticles({ locale: 'en' }).items[0]!.sourceUpdated).toBe(true);
    markTranslationReviewed(translator, en, later(5));
    expect(getEditableArticle(en)!.sourceUpdated).toBe(false);
  });
});

describe('presence', () => {
  it('shows the others seen in the last 30 seconds, never oneself', () => {
    const alice = account('editor', 'alice');
    const bob = account('editor', 'bob');
    const { id } = createArticle(alice, { locale: 'fr', ...input() }, t0);
    expect(heartbeatPresence(alice, id, t0)).toEqual([]);
    expect(heartbeatPresence(bob, id, later(0.1))).toEqual([{ userId: alice.id, name: 'alice', seenAt: t0 }]);
    expect(heartbeatPresence(alice, id, later(0.2)).map((p) => p.name)).toEqual(['bob']);
    // Alice closes the tab: Bob is alone at once; a silent Bob disappears for Alice after 30 s.
    leavePresence(alice, id);
    expect(heartbeatPresence(bob, id, later(0.3))).toEqual([]);
    expect(heartbeatPresence(alice, id, new Date(later(0.3).getTime() + 31_000))).toEqual([]);
  });
});

describe('newsroom list', () => {
  it('filters by status, owner, locale and title words, paginated', () => {
    const a = account('author', 'a');
    const b = account('author', 'b');
    for (let i = 0; i < 4; i++) createArticle(a, { locale: 'fr', ...input({ title: `Cacao ${i}` }) }, later(i));
    const bId = createArticle(b, { locale: 'en', ...input({ title: 'Coffee 100%' }) }, later(9)).id;
    publishArticle(b, bId, {}, later(10));
    expect(listNewsroomArticles({ ownerId: a.id }).total).toBe(4);
    expect(listNewsroomArticles({ status: 'published' }).items.map((x) => x.id)).toEqual([bId]);
    expect(listNewsroomArticles({ q: 'cacao' }).total).toBe(4);
    expect(listNewsroomArticles({ q: '100%' }).items.map((x) => x.title)).toEqual(['Coffee 100%']);
    expect(listNewsroomArticles({ q: '%' }).total).toBe(1);
    const page2 = listNewsroomArticles({ page: 2 }, 3);
    expect(page2).toMatchObject({ total: 5, page: 2, pageCount: 2 });
    expect(page2.items).toHaveLength(2);
  });
});

describe('audit log', () => {
  it('lines are written in the transaction of the change and can never be changed', () => {
    const editor = account('editor');
    const { id } = createArticle(editor, { locale: 'fr', ...input() }, t0);
    publishArticle(editor, id, {}, later(1));
    expect(auditActions()).toEqual([`${editor.label} article.create ${id}`, `${editor.label} article.publish ${id}`]);
    expect(() => env.db.$client.prepare(`update audit_log set actor = 'someone'`).run()).toThrow(/append-only/);
    expect(() => env.db.$client.prepare('delete from audit_log').run()).toThrow(/append-only/);
    expect(listAudit(10)).toHaveLength(2);
  });

  it('a failed write leaves neither the change nor its audit line', () => {
    const editor = account('editor');
    const { id } = createArticle(editor, { locale: 'fr', ...input() }, t0);
    expect(() => saveArticle(editor, id, { baseVersion: 1, input: input({ categoryId: 9999 }), reason: 'save' }, later(1))).toThrow(WorkflowError);
    expect(getEditableArticle(id)!.version).toBe(1);
    void HOUR;
  });
});

describe('what readers see of a publication', () => {
  function found(slug = 'election-a-yaounde', at = later(600)) {
    const r = findArticle('fr', 'politique-fr', slug, at);
    if (r.type !== 'found') throw new Error(`not found: ${r.type}`);
    return r.article;
  }

  it('genre, SEO fields, corrections; "Updated" and dateModified only when the text changed', () => {
    const editor = account('editor');
    const { id } = createArticle(editor, { locale: 'fr', ...input({ genre: 'opinion', seoTitle: 'Titre pour moteurs', seoDescription: 'Résumé' }) }, t0);
    publishArticle(editor, id, {}, later(10));
    let a = found();
    expect(a).toMatchObject({ genre: 'opinion', seoTitle: 'Titre pour moteurs', seoDescription: 'Résumé', textUpdated: false, corrections: [] });
    // Written before publication: dateModified is the publication, never earlier.
    expect(a.modifiedAt).toEqual(later(10));
    expect(newsArticleJsonLd(articleForJsonLd(a))).toMatchObject({ '@type': 'OpinionNewsArticle', dateModified: expect.stringContaining('T09:10:00') });
    // A change of genre only is not an update of the text.
    saveArticle(editor, id, { baseVersion: 1, input: input({ genre: 'analysis' }), reason: 'save' }, later(120));
    a = found();
    expect(a.textUpdated).toBe(false);
    expect(newsArticleJsonLd(articleForJsonLd(a))['@type']).toBe('AnalysisNewsArticle');
    addCorrection(editor, id, 'Le chiffre exact est 12 %.', later(180));
    a = found();
    expect(a.textUpdated).toBe(true);
    expect(a.modifiedAt).toEqual(later(180));
    expect(a.corrections).toEqual([{ id: expect.any(Number), note: 'Le chiffre exact est 12 %.', createdAt: later(180) }]);
  });

  it('sponsored content is an AdvertiserContentArticle; news is a NewsArticle', () => {
    const editor = account('editor');
    const { id } = createArticle(editor, { locale: 'fr', ...input({ genre: 'sponsored' }) }, t0);
    publishArticle(editor, id, {}, later(1));
    expect(newsArticleJsonLd(articleForJsonLd(found()))['@type']).toBe('AdvertiserContentArticle');
    expect(listArticles('fr', {}, 10, 0, later(2))[0]!.genre).toBe('sponsored');
    const news = createArticle(editor, { locale: 'fr', ...input({ title: 'Dépêche' }) }, t0);
    publishArticle(editor, news.id, {}, later(1));
    expect(newsArticleJsonLd(articleForJsonLd(found('depeche')))['@type']).toBe('NewsArticle');
  });
});
