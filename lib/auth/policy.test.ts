import { describe, expect, it } from 'vitest';
import { can, type Action, type ArticleScope } from './policy';
import type { UserRole } from '@/db/schema';

/**
 * The role × action matrix, written out as the product's promise (Ghost's roles): each row is what a person in
 * that role can do to their own article, to someone else's, in each state. Not derived from the implementation.
 */
const me = 1;
const other = 2;
const own = (status: ArticleScope['status']): ArticleScope => ({ ownerId: me, status });
const theirs = (status: ArticleScope['status']): ArticleScope => ({ ownerId: other, status });

type Case = [Action, ArticleScope | undefined, Record<UserRole, boolean>];
const all = (v: boolean) => ({ contributor: v, author: v, editor: v, administrator: v });
const staff = { contributor: false, author: false, editor: true, administrator: true };

const cases: Case[] = [
  ['article.create', undefined, all(true)],
  ['article.edit', own('draft'), all(true)],
  ['article.edit', own('review'), all(true)],
  ['article.edit', own('published'), { contributor: false, author: true, editor: true, administrator: true }],
  ['article.edit', theirs('draft'), staff],
  ['article.submit', own('draft'), all(true)],
  ['article.publish', own('draft'), { contributor: false, author: true, editor: true, administrator: true }],
  ['article.publish', own('review'), { contributor: false, author: true, editor: true, administrator: true }],
  ['article.publish', theirs('review'), staff],
  ['article.unpublish', own('published'), { contributor: false, author: true, editor: true, administrator: true }],
  ['article.unpublish', theirs('published'), staff],
  ['article.delete', own('draft'), all(true)],
  ['article.delete', own('published'), staff],
  ['article.delete', theirs('draft'), staff],
  ['article.correct', own('published'), staff],
  ['article.translate', theirs('published'), all(true)],
  ['article.restore', own('published'), { contributor: false, author: true, editor: true, administrator: true }],
  ['article.preview', theirs('draft'), { contributor: false, author: true, editor: true, administrator: true }],
  ['article.preview', own('draft'), all(true)],
  ['review.queue', undefined, staff],
  ['topic.create', undefined, all(true)],
  ['taxonomy.manage', undefined, staff],
  ['users.manage', undefined, { contributor: false, author: false, editor: false, administrator: true }],
  ['settings.manage', undefined, { contributor: false, author: false, editor: false, administrator: true }],
  ['audit.view', undefined, { contributor: false, author: false, editor: false, administrator: true }],
  ['wire.queue', undefined, { contributor: false, author: true, editor: true, administrator: true }],
  ['wire.take', undefined, { contributor: false, author: true, editor: true, administrator: true }],
  ['wire.review', undefined, staff],
  ['wire.feeds', undefined, { contributor: false, author: false, editor: false, administrator: true }],
  // Media library (issue 12): the scope's owner is the uploader.
  ['media.upload', undefined, all(true)],
  ['media.edit', own('draft'), all(true)],
  ['media.edit', theirs('draft'), staff],
  ['media.delete', own('draft'), { contributor: false, author: true, editor: true, administrator: true }],
  ['media.delete', theirs('draft'), staff],
];

describe('role × action matrix', () => {
  for (const [action, scope, expected] of cases) {
    const label = scope ? `${action} on ${scope.ownerId === me ? 'own' : 'another’s'} ${scope.status} article` : action;
    it(label, () => {
      for (const role of Object.keys(expected) as UserRole[]) {
        expect(can({ id: me, role }, action, scope), `${role}`).toBe(expected[role]);
      }
    });
  }

  it('an article action without an article is refused to roles limited to their own', () => {
    expect(can({ id: me, role: 'author' }, 'article.publish')).toBe(false);
    expect(can({ id: me, role: 'editor' }, 'article.publish')).toBe(true);
  });
});
