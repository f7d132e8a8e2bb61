'use server';
/**
 * The article editor's Server Actions. Each one: the session (else the login page), arguments validated with
 * zod, the role checked by the publishing layer (ForbiddenError → 403, nothing changed), and reader pages
 * refreshed by lib/publishing (the one place that knows which pages an article appears on).
 */
import type { ReactNode } from 'react';
import { forbidden, notFound, redirect } from 'next/navigation';
import { z } from 'zod';
import { defaultLocale, locales } from '@/i18n/routing';
import { getTranslations } from 'next-intl/server';
import { actorOf, requireCan, requireUser } from '@/lib/auth/current-user';
import { ForbiddenError } from '@/lib/auth/policy';
import { parseSiteLocalDateTime } from '@/lib/site-time';
import {
  ArticleNotFoundError,
  ConflictError,
  WorkflowError,
  articleInput,
  createArticle,
  heartbeatPresence,
  leavePresence,
  type EditableArticle,
} from '@/db/article-writes';
import * as publishing from '@/lib/publishing';
import { Markdown } from '@/components/Markdown';
import type { FormState } from './session';

const articleId = z.number().int().positive().max(2 ** 31);

export type SaveOutcome =
  | { ok: true; version: number; savedAt: number; changed: boolean }
  | { ok: false; conflict: EditableArticle }
  | { ok: false; fields: Record<string, string> }
  | { ok: false; error: string };

/** Known refusals → an outcome the form shows; the rest is a real error (logged by Next). */
function refusal(error: unknown): { ok: false; error: string } | { ok: false; conflict: EditableArticle } {
  if (error instanceof ForbiddenError) forbidden();
  if (error instanceof ArticleNotFoundError) notFound();
  if (error instanceof ConflictError) return { ok: false, conflict: error.current };
  if (error instanceof WorkflowError) return { ok: false, error: error.code };
  if (error instanceof Error && error.name === 'SlugTakenError') return { ok: false, error: 'slug_taken' };
  throw error;
}

function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'form');
    fields[key] ??= issue.message.startsWith('Invalid') || issue.message.startsWith('Too') ? 'invalid' : issue.message;
  }
  return fields;
}

export async function saveArticleAction(id: number, baseVersion: number, input: unknown, reason: 'autosave' | 'save'): Promise<SaveOutcome> {
  const user = await requireUser();
  const args = z.tuple([articleId, z.number().int().min(1), z.enum(['autosave', 'save'])]).safeParse([id, baseVersion, reason]);
  if (!args.success) return { ok: false, error: 'invalid' };
  const parsed = articleInput.safeParse(input);
  if (!parsed.success) return { ok: false, fields: fieldErrors(parsed.error) };
  try {
    const result = await publishing.save(actorOf(user), id, { baseVersion, input: parsed.data, reason });
    return { ok: true, version: result.version, changed: result.changed, savedAt: Date.now() };
  } catch (error) {
    return refusal(error);
  }
}

const workflowOp = z.discriminatedUnion('type', [
  z.object({ type: z.literal('submit') }),
  z.object({ type: z.literal('publish') }),
  z.object({ type: z.literal('schedule'), at: z.string().max(20) }),
  z.object({ type: z.literal('unpublish') }),
  z.object({ type: z.literal('delete') }),
  z.object({ type: z.literal('correct'), note: z.string().trim().min(1).max(2000) }),
  z.object({ type: z.literal('translate'), locale: z.enum(locales) }),
  z.object({ type: z.literal('reviewed') }),
  z.object({ type: z.literal('restore'), revisionId: articleId, baseVersion: z.number().int().min(1) }),
]);
export type WorkflowOp = z.infer<typeof workflowOp>;

export type WorkflowOutcome = { ok: true; redirectTo?: string } | { ok: false; error: string } | { ok: false; conflict: EditableArticle };

export async function workflowAction(id: number, op: WorkflowOp): Promise<WorkflowOutcome> {
  const user = await requireUser();
  const parsed = z.tuple([articleId, workflowOp]).safeParse([id, op]);
  if (!parsed.success) return { ok: false, error: 'invalid' };
  const [, action] = parsed.data;
  const actor = actorOf(user);
  try {
    switch (action.type) {
      case 'submit':
        await publishing.submit(actor, id);
        return { ok: true };
      case 'publish':
        await publishing.publish(actor, id);
        return { ok: true };
      case 'schedule': {
        const at = parseSiteLocalDateTime(action.at);
        if (!at || at.getTime() <= Date.now()) return { ok: false, error: 'schedule_in_past' };
        await publishing.publish(actor, id, { at });
        return { ok: true };
      }
      case 'unpublish':
        await publishing.unpublish(actor, id);
        return { ok: true };
      case 'delete':
        await publishing.remove(actor, id);
        return { ok: true, redirectTo: '/newsroom' };
      case 'correct':
        await publishing.correct(actor, id, action.note);
        return { ok: true };
      case 'translate': {
        const created = await publishing.translate(actor, id, action.locale);
        return { ok: true, redirectTo: `/newsroom/articles/${created.id}` };
      }
      case 'reviewed':
        await publishing.markReviewed(actor, id);
        return { ok: true };
      case 'restore':
        await publishing.restore(actor, id, action.revisionId, action.baseVersion);
        return { ok: true, redirectTo: `/newsroom/articles/${id}` };
    }
  } catch (error) {
    return refusal(error);
  }
}

/** The body as readers will see it: the same server Markdown component, never raw HTML. */
export async function previewAction(body: string, locale?: string): Promise<ReactNode> {
  await requireUser();
  const text = z.string().max(200_000).safeParse(body);
  if (!text.success) return null;
  // The article's language: library photos show their texts in it, the media labels are the reader's.
  const lang = z.enum(locales).catch(defaultLocale).parse(locale);
  const t = await getTranslations({ locale: lang });
  return (
    <Markdown
      className="article-body"
      locale={lang}
      labels={{
        photoCredit: (credit) => t('article.photoCredit', { credit }),
        externalImage: (description) => t('article.externalImage', { description }),
        playVideo: (provider) => t('videoPlayer.playUntitled', { provider }),
        videoPlayer: (provider) => t('videoPlayer.playerUntitled', { provider }),
      }}
    >
      {text.data}
    </Markdown>
  );
}

export async function heartbeatAction(id: number) {
  const user = await requireUser();
  if (!articleId.safeParse(id).success) return [];
  return heartbeatPresence(actorOf(user), id).map((o) => ({ name: o.name, since: o.seenAt.getTime() }));
}

export async function leaveAction(id: number): Promise<void> {
  const user = await requireUser();
  if (articleId.safeParse(id).success) leavePresence(actorOf(user), id);
}

const newArticle = z.object({
  locale: z.enum(locales),
  title: z.string().trim().min(1, 'title_required').max(200),
  categoryId: z.coerce.number().int().positive(),
  authorId: z.coerce.number().int().positive(),
});

export async function createArticleAction(_: FormState, form: FormData): Promise<FormState> {
  const user = await requireCan('article.create');
  const values = Object.fromEntries(['locale', 'title', 'categoryId', 'authorId'].map((k) => [k, String(form.get(k) ?? '').slice(0, 400)]));
  const parsed = newArticle.safeParse(values);
  if (!parsed.success) return { fields: fieldErrors(parsed.error), values };
  let id: number;
  try {
    id = createArticle(actorOf(user), { ...parsed.data, body: '', standfirst: '' }).id;
  } catch (error) {
    if (error instanceof ForbiddenError) forbidden();
    if (error instanceof WorkflowError) return { error: error.code, values };
    throw error;
  }
  redirect(`/newsroom/articles/${id}`);
}
