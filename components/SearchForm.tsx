import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import { paths } from '@/i18n/paths';

/**
 * A plain GET form to the search page of the language (works without JavaScript). The header's form and the
 * search page's own form are two search landmarks on one page, so each has its own name.
 */
export async function SearchForm({
  locale,
  query = '',
  id = 'search-q',
  landmark = 'site',
}: {
  locale: Locale;
  query?: string;
  id?: string;
  landmark?: 'site' | 'page';
}) {
  const t = await getTranslations({ locale, namespace: 'search' });
  return (
    <form
      className="search-form"
      role="search"
      aria-label={landmark === 'site' ? t('siteLandmark') : t('pageLandmark')}
      action={paths.search(locale)}
      method="get"
    >
      <label htmlFor={id} className="visually-hidden">
        {t('label')}
      </label>
      <input id={id} type="search" name="q" defaultValue={query} placeholder={t('placeholder')} maxLength={200} autoComplete="off" enterKeyHint="search" />
      <button type="submit">{t('submit')}</button>
    </form>
  );
}
