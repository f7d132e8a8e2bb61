'use client';
import { useTranslations } from 'next-intl';

/** A field's error, translated from the code the server returned (zod message codes, or a known key). */
export function FieldError({ id, code }: { id: string; code?: string }) {
  const t = useTranslations('newsroom');
  if (!code) return <span id={id} hidden />;
  const key = t.has(`errors.${code}`) ? `errors.${code}` : t.has(`account.${code}`) ? `account.${code}` : 'errors.generic';
  return (
    <span id={id} className="nr-field-error">
      {t(key)}
    </span>
  );
}

/** The outcome of a form: a success line (status) or an error (alert). */
export function StatusMessage({ state, namespace = 'account' }: { state: { ok?: string; error?: string } | null; namespace?: string }) {
  const t = useTranslations('newsroom');
  if (state?.ok) {
    const key = `${namespace}.${state.ok}`;
    return <p role="status">{t.has(key) ? t(key) : state.ok}</p>;
  }
  if (state?.error) {
    const key = t.has(`errors.${state.error}`) ? `errors.${state.error}` : 'errors.generic';
    return (
      <p role="alert" className="nr-error">
        {t(key)}
      </p>
    );
  }
  return null;
}
