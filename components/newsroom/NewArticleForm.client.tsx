'use client';
import { useActionState } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { createArticleAction } from '@/app/newsroom/actions/articles';
import type { FormState } from '@/app/newsroom/actions/session';
import { FieldError, StatusMessage } from './FormMessages.client';
import { LanguageOptions } from './languages';

export function NewArticleForm({
  locale,
  categories,
  authors,
  defaultAuthorId,
}: {
  locale: 'fr' | 'en';
  categories: { id: number; name: string }[];
  authors: { id: number; name: string; kind: string }[];
  defaultAuthorId?: number;
}) {
  const t = useTranslations('newsroom');
  const router = useRouter();
  const [state, action, pending] = useActionState<FormState, FormData>(createArticleAction, null);
  return (
    <form action={action} className="nr-form">
      <StatusMessage state={state} />
      <label htmlFor="locale">{t('newArticle.language')}</label>
      <select id="locale" name="locale" defaultValue={locale} onChange={(e) => router.replace(`/newsroom/articles/new?locale=${e.target.value}`)}>
        <LanguageOptions />
      </select>
      <label htmlFor="title">{t('editor.fields.title')}</label>
      <input id="title" name="title" required maxLength={200} defaultValue={state?.values?.title} aria-describedby="title-error" />
      <FieldError id="title-error" code={state?.fields?.title} />
      <label htmlFor="categoryId">{t('editor.fields.section')}</label>
      <select id="categoryId" name="categoryId" defaultValue={state?.values?.categoryId}>
        {categories.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
      <label htmlFor="authorId">{t('editor.fields.byline')}</label>
      <select id="authorId" name="authorId" defaultValue={state?.values?.authorId ?? defaultAuthorId}>
        {authors.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </select>
      <button type="submit" data-primary="" disabled={pending}>
        {t('newArticle.create')}
      </button>
    </form>
  );
}
