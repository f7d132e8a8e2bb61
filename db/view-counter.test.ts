import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newsroom, useTestDb } from '@/tests/support/db';
import { getViewCounter } from './view-counter';

let env: ReturnType<typeof useTestDb>;
beforeEach(() => {
  env = useTestDb();
});
afterEach(() => env.close());

describe('the process-wide view counter', () => {
  it('writes pending views when the process is asked to stop', () => {
    const room = newsroom(env.db, new Date());
    const id = room.article({ categoryId: room.category('politics'), authorId: room.author('ada') });
    const counter = getViewCounter();
    expect(getViewCounter()).toBe(counter); // one per process
    counter.buffer.add(id, '2026-03-18', 4);
    const rows = () => env.db.$client.prepare('select views from article_views_daily where article_id = ?').all(id);
    expect(rows()).toEqual([]);
    process.emit('SIGTERM');
    expect(rows()).toEqual([{ views: 4 }]);
    expect(counter.buffer.pendingViews).toBe(0);
  });
});
