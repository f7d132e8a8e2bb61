import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleViewBeacon, ViewBuffer, ViewGate } from '@/lib/view-beacon';
import { setLogSink } from '@/lib/log';
import { newsroom, useTestDb } from '@/tests/support/db';
import { isCountableArticle, recordViews } from './views';

const now = new Date('2026-03-18T09:00:00Z');
let env: ReturnType<typeof useTestDb>;
let room: ReturnType<typeof newsroom>;
let category: number;
let author: number;

beforeEach(() => {
  env = useTestDb();
  room = newsroom(env.db, now);
  category = room.category('politics');
  author = room.author('ada');
});
afterEach(() => env.close());

const rows = () => env.db.$client.prepare('select article_id as articleId, day, views from article_views_daily order by article_id, day').all();

describe('views in SQLite', () => {
  it('only published, past articles are countable', () => {
    const ok = room.article({ categoryId: category, authorId: author });
    const draft = room.article({ categoryId: category, authorId: author, status: 'draft' });
    const scheduled = room.article({ categoryId: category, authorId: author, status: 'scheduled', ageHours: -2 });
    expect(isCountableArticle(ok, now)).toBe(true);
    expect(isCountableArticle(draft, now)).toBe(false);
    expect(isCountableArticle(scheduled, now)).toBe(false);
    expect(isCountableArticle(999_999, now)).toBe(false);
  });

  it('a flush upserts views = views + n in one transaction', () => {
    const a = room.article({ categoryId: category, authorId: author });
    room.views(a, '2026-03-18', 10);
    recordViews([
      { articleId: a, day: '2026-03-18', views: 5 },
      { articleId: a, day: '2026-03-17', views: 2 },
      { articleId: 424242, day: '2026-03-18', views: 9 }, // deleted since: skipped, the rest is written
    ]);
    expect(rows()).toEqual([
      { articleId: a, day: '2026-03-17', views: 2 },
      { articleId: a, day: '2026-03-18', views: 15 },
    ]);
  });

  it('beacons end up as one row per article and day; unpublished articles store nothing', () => {
    const a = room.article({ categoryId: category, authorId: author });
    const draft = room.article({ categoryId: category, authorId: author, status: 'draft' });
    const buffer = new ViewBuffer({ write: (batch) => recordViews(batch).ok });
    const deps = { buffer, gate: new ViewGate(), isCountable: (id: number, at: Date) => isCountableArticle(id, at) };
    const headers = (ip: string) => new Headers({ 'user-agent': 'Mozilla/5.0 Firefox/133.0', 'x-forwarded-for': ip });
    for (let i = 0; i < 5; i++) expect(handleViewBeacon({ headers: headers(`198.51.100.${i}`), body: JSON.stringify({ articleId: a }), now }, deps)).toBe(202);
    expect(handleViewBeacon({ headers: headers('198.51.100.9'), body: JSON.stringify({ articleId: draft }), now }, deps)).toBe(404);
    expect(rows()).toEqual([]);
    buffer.flush();
    expect(rows()).toEqual([{ articleId: a, day: '2026-03-18', views: 5 }]);
  });

  it('a read-only database makes the flush fail softly, and reading goes on', () => {
    const a = room.article({ categoryId: category, authorId: author });
    const lines: string[] = [];
    const restore = setLogSink((line) => lines.push(line));
    const buffer = new ViewBuffer({ write: (batch) => recordViews(batch).ok });
    buffer.add(a, '2026-03-18', 3);
    env.db.$client.pragma('query_only = ON');
    expect(buffer.flush()).toEqual({ written: 0, ok: false });
    restore();
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual(['db_write_failed', 'views_flush_deferred']);
    expect(isCountableArticle(a, now)).toBe(true);
    env.db.$client.pragma('query_only = OFF');
    buffer.flush();
    expect(rows()).toEqual([{ articleId: a, day: '2026-03-18', views: 3 }]);
  });
});
