import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import { UNTRANSLATED_ANCHOR } from './LanguageSwitcher';

/**
 * Shown when a reader switched language from an article that has no version in this language. The switcher
 * links here with `#untranslated`; CSS `:target` reveals the notice, so the page stays static and cacheable
 * and it works without JavaScript.
 */
export async function UntranslatedNotice({ locale, section }: { locale: Locale; section: string }) {
  const t = await getTranslations({ locale, namespace: 'language' });
  return (
    <p id={UNTRANSLATED_ANCHOR} className="notice untranslated-notice" role="note">
      {t('unavailable', { section })}
    </p>
  );
}
