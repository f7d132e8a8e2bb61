/**
 * Who may do what in the newsroom: one table, checked on the server by every action (never by hiding buttons).
 * Roles follow Ghost's: a contributor writes drafts and submits them; an author writes and publishes their own
 * articles; an editor handles everyone's articles, corrections and the taxonomy; an administrator also manages
 * accounts, site settings and reads the audit log.
 */
import type { ArticleStatus, UserRole } from '@/db/schema';

export type Action =
  | 'article.create'
  | 'article.edit'
  | 'article.submit'
  | 'article.publish'
  | 'article.unpublish'
  | 'article.delete'
  | 'article.correct'
  | 'article.translate'
  | 'article.restore'
  | 'article.preview'
  | 'review.queue'
  | 'topic.create'
  | 'taxonomy.manage'
  | 'users.manage'
  | 'settings.manage'
  | 'audit.view'
  | 'wire.queue'
  | 'wire.take'
  | 'wire.review'
  | 'wire.feeds'
  | 'media.upload'
  | 'media.edit'
  | 'media.delete';

export interface Actor {
  id: number;
  role: UserRole;
}

/** The article an action is about: whose it is and where it stands. */
export interface ArticleScope {
  ownerId: number | null;
  status: ArticleStatus;
}

type Rule = 'any' | 'own' | 'own-unpublished' | false;

/** States in which a contributor's own article is still theirs to change (before an editor publishes it). */
const CONTRIBUTOR_EDITABLE: ReadonlySet<ArticleStatus> = new Set(['draft', 'review']);

const matrix: Record<Action, Record<UserRole, Rule>> = {
  'article.create': { contributor: 'any', author: 'any', editor: 'any', administrator: 'any' },
  'article.edit': { contributor: 'own-unpublished', author: 'own', editor: 'any', administrator: 'any' },
  'article.submit': { contributor: 'own-unpublished', author: 'own', editor: 'any', administrator: 'any' },
  'article.publish': { contributor: false, author: 'own', editor: 'any', administrator: 'any' },
  'article.unpublish': { contributor: false, author: 'own', editor: 'any', administrator: 'any' },
  'article.delete': { contributor: 'own-unpublished', author: 'own-unpublished', editor: 'any', administrator: 'any' },
  'article.correct': { contributor: false, author: false, editor: 'any', administrator: 'any' },
  'article.translate': { contributor: 'any', author: 'any', editor: 'any', administrator: 'any' },
  'article.restore': { contributor: 'own-unpublished', author: 'own', editor: 'any', administrator: 'any' },
  'article.preview': { contributor: 'own', author: 'any', editor: 'any', administrator: 'any' },
  'review.queue': { contributor: false, author: false, editor: 'any', administrator: 'any' },
  'topic.create': { contributor: 'any', author: 'any', editor: 'any', administrator: 'any' },
  'taxonomy.manage': { contributor: false, author: false, editor: 'any', administrator: 'any' },
  'users.manage': { contributor: false, author: false, editor: false, administrator: 'any' },
  'settings.manage': { contributor: false, author: false, editor: false, administrator: 'any' },
  'audit.view': { contributor: false, author: false, editor: false, administrator: 'any' },
  // The wire desk (issue #16): authors and editors read the queue and take copy (an author then publishes their
  // own take); editors clear "wire updated" flags on anyone's article; administrators configure feeds.
  'wire.queue': { contributor: false, author: 'any', editor: 'any', administrator: 'any' },
  'wire.take': { contributor: false, author: 'any', editor: 'any', administrator: 'any' },
  'wire.review': { contributor: false, author: false, editor: 'any', administrator: 'any' },
  'wire.feeds': { contributor: false, author: false, editor: false, administrator: 'any' },
  // The media library: everyone uploads and reuses photos; their texts and focal point are the uploader's to
  // change (editors change anyone's); deleting is for the uploader who is an author, and editors.
  'media.upload': { contributor: 'any', author: 'any', editor: 'any', administrator: 'any' },
  'media.edit': { contributor: 'own', author: 'own', editor: 'any', administrator: 'any' },
  'media.delete': { contributor: false, author: 'own', editor: 'any', administrator: 'any' },
};

export const actions = Object.keys(matrix) as Action[];

/** May `actor` do `action` (on `article`, for the article actions)? */
export function can(actor: Actor, action: Action, article?: ArticleScope): boolean {
  const rule = matrix[action][actor.role];
  if (rule === false) return false;
  if (rule === 'any') return true;
  if (!article) return false;
  const own = article.ownerId === actor.id;
  if (rule === 'own') return own;
  // 'own-unpublished': a draft or a submitted article that is not live nor scheduled.
  return own && CONTRIBUTOR_EDITABLE.has(article.status);
}

export class ForbiddenError extends Error {
  constructor(public readonly action: Action) {
    super(`forbidden: ${action}`);
    this.name = 'ForbiddenError';
  }
}

/** Throws ForbiddenError unless allowed: the first line of every newsroom write. */
export function assertCan(actor: Actor, action: Action, article?: ArticleScope): void {
  if (!can(actor, action, article)) throw new ForbiddenError(action);
}
