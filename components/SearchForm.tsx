import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import { paths } from '@/i18n/paths';

/** A plain GET form to the search page of the language (works without JavaScript). */
export async function SearchForm({ locale, query = '', id = 'search-q' }: { locale: Locale; query?: string; id?: string }) {
  const t = await getTranslations({ locale, namespace: 'search' });
  return (
    <form className="search-form" role="search" action={paths.search(locale)} method="get">
      <label htmlFor={id} className="visually-hidden">
        {t('label')}
      </label>
      <input id={id} type="search" name="q" defaultValue={query} placeholder={t('placeholder')} maxLength={200} autoComplete="off" enterKeyHint="search" />
      <button type="submit">{t('submit')}</button>
    </form>
  );
}
