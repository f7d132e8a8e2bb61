'use client';
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { changePassword, logoutEverywhere, setLanguage, type FormState } from '@/app/newsroom/actions/session';
import { FieldError, StatusMessage } from './FormMessages.client';
import { LanguageOptions } from './languages';

export function AccountForms({ locale, otherSessions }: { locale: string; otherSessions: number }) {
  const t = useTranslations('newsroom.account');
  const tl = useTranslations('newsroom');
  const [langState, langAction] = useActionState<FormState, FormData>(setLanguage, null);
  const [pwState, pwAction, pwPending] = useActionState<FormState, FormData>(changePassword, null);
  const [outState, outAction] = useActionState<FormState, FormData>(logoutEverywhere, null);
  return (
    <>
      <section aria-labelledby="lang-title">
        <h2 id="lang-title">{t('language')}</h2>
        <form action={langAction} className="nr-form">
          <StatusMessage state={langState} />
          <label htmlFor="locale">{t('language')}</label>
          <select id="locale" name="locale" defaultValue={locale}>
            <LanguageOptions />
          </select>
          <button type="submit">{t('saveLanguage')}</button>
        </form>
      </section>
      <section aria-labelledby="pw-title">
        <h2 id="pw-title">{t('passwordTitle')}</h2>
        <form action={pwAction} className="nr-form">
          <StatusMessage state={pwState} />
          <label htmlFor="currentPassword">{t('currentPassword')}</label>
          <input id="currentPassword" name="currentPassword" type="password" autoComplete="current-password" required maxLength={256} aria-describedby="currentPassword-error" />
          <FieldError id="currentPassword-error" code={pwState?.fields?.currentPassword} />
          <label htmlFor="newPassword">{t('newPassword')}</label>
          <input id="newPassword" name="newPassword" type="password" autoComplete="new-password" required minLength={12} maxLength={256} aria-describedby="newPassword-error" />
          <FieldError id="newPassword-error" code={pwState?.fields?.newPassword} />
          <button type="submit" disabled={pwPending}>
            {t('changePassword')}
          </button>
        </form>
      </section>
      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title">{t('sessionsTitle')}</h2>
        <p>{outState?.ok ? tl('account.loggedOutEverywhere') : t('sessionsCount', { count: otherSessions })}</p>
        <form action={outAction}>
          <button type="submit">{t('logoutEverywhere')}</button>
        </form>
      </section>
    </>
  );
}
