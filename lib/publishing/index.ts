/**
 * The newsroom's changes that readers see: one function per user-visible change. Each performs the database
 * write (db/article-writes.ts: policy check, audit line, same transaction), then refreshes every reader page the
 * article appeared on before the change and appears on after it (lib/publishing/targets.ts): article URLs old
 * and new, its section and the section's numbered pages, the front page of its language, its topics and author,
 * the latest news, the RSS feeds (language and section) and every sitemap including the news sitemap.
 *
 * Call these from Server Actions (or route handlers); reader rendering never imports this module. Errors of the
 * write (ForbiddenError, ConflictError, WorkflowError, SlugTakenError, ZodError, ArticleNotFoundError) are thrown
 * before anything is refreshed.
 */
import {
  addCorrection,
  createArticle,
  deleteArticle,
  markTranslationReviewed,
  publishArticle,
  readerPlacesOf,
  restoreRevision,
  saveArticle,
  submitForReview,
  translateArticle,
  unpublishArticle,
  type ArticleInput,
  type NewsroomActor,
  type PublishResult,
  type SaveResult,
} from '@/db/article-writes';
import type { Locale } from '@/i18n/routing';
import { refresh } from './refresh';
import { refreshTargets } from './targets';
import { rearmScheduler } from '@/lib/scheduler';

async function withRefresh<T>(articleId: number, write: () => T): Promise<T> {
  const before = readerPlacesOf(articleId);
  const result = write();
  await refresh(refreshTargets([before, readerPlacesOf(articleId)]));
  return result;
}

/** Publishes now (or schedules when `at` is in the future: the scheduler publishes and refreshes then). */
export async function publish(actor: NewsroomActor, articleId: number, opts: { at?: Date } = {}): Promise<PublishResult> {
  const result = await withRefresh(articleId, () => publishArticle(actor, articleId, opts));
  rearmScheduler();
  return result;
}

/** Takes the article off the site: its URLs answer 410; lists, feeds and sitemaps no longer show it. */
export async function unpublish(actor: NewsroomActor, articleId: number) {
  const result = await withRefresh(articleId, () => unpublishArticle(actor, articleId));
  rearmScheduler();
  return result;
}

/** Deletes the version for good; its URLs answer 410. */
export async function remove(actor: NewsroomActor, articleId: number) {
  const before = readerPlacesOf(articleId);
  const result = deleteArticle(actor, articleId);
  await refresh(refreshTargets([before]));
  rearmScheduler();
  return result;
}

/** Appends a dated correction note (shown on the article; moves dateModified). */
export async function correct(actor: NewsroomActor, articleId: number, note: string) {
  return withRefresh(articleId, () => addCorrection(actor, articleId, note));
}

/**
 * Saves the form (autosave or explicit save). A save of a live article refreshes its pages (a headline fix, a new
 * slug: the old URL then redirects); saving a draft refreshes nothing.
 */
export async function save(
  actor: NewsroomActor,
  articleId: number,
  data: { baseVersion: number; input: ArticleInput; reason: 'autosave' | 'save' },
): Promise<SaveResult> {
  const before = readerPlacesOf(articleId);
  const result = saveArticle(actor, articleId, data);
  if (result.changed && isLive(articleId)) await refresh(refreshTargets([before, readerPlacesOf(articleId)]));
  return result;
}

/** Restores a revision (a new version); refreshes when the article is live. */
export async function restore(actor: NewsroomActor, articleId: number, revisionId: number, baseVersion: number) {
  const before = readerPlacesOf(articleId);
  const result = restoreRevision(actor, articleId, revisionId, baseVersion);
  if (isLive(articleId)) await refresh(refreshTargets([before, readerPlacesOf(articleId)]));
  return result;
}

/** Creates the other language version (a draft: nothing for readers yet). */
export async function translate(actor: NewsroomActor, articleId: number, targetLocale: Locale) {
  return translateArticle(actor, articleId, targetLocale);
}

/** Creation, review and translation review change nothing readers see; re-exported so callers have one module. */
export async function create(actor: NewsroomActor, data: ArticleInput & { locale: Locale }) {
  return createArticle(actor, data);
}
export async function submit(actor: NewsroomActor, articleId: number) {
  return submitForReview(actor, articleId);
}
export async function markReviewed(actor: NewsroomActor, articleId: number) {
  return markTranslationReviewed(actor, articleId);
}

function isLive(articleId: number): boolean {
  return readerPlacesOf(articleId)?.live ?? false;
}
