'use client';
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { login, type FormState } from '@/app/newsroom/actions/session';

export function LoginForm() {
  const t = useTranslations('newsroom.login');
  const [state, action, pending] = useActionState<FormState, FormData>(login, null);
  const message =
    state?.error === 'throttled' ? t('throttled', { minutes: state.retryAfterMinutes ?? 15 }) : state?.error === 'invalid' ? t('invalid') : null;
  return (
    <form action={action} className="nr-form">
      {message ? (
        <p className="nr-error" role="alert">
          {message}
        </p>
      ) : null}
      <label htmlFor="email">{t('email')}</label>
      <input id="email" name="email" type="email" autoComplete="username" required maxLength={254} defaultValue={state?.values?.email} key={state?.values?.email} />
      <label htmlFor="password">{t('password')}</label>
      <input id="password" name="password" type="password" autoComplete="current-password" required maxLength={256} />
      <button type="submit" disabled={pending}>
        {t('submit')}
      </button>
    </form>
  );
}
