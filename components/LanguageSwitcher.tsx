import { getTranslations } from 'next-intl/server';
import { locales, type Locale } from '@/i18n/routing';
import { paths } from '@/i18n/paths';
import { LanguageLink } from './LanguageLink.client';

/**
 * Where each other language leads from this page: its own version of the page, or (when the page has none,
 * e.g. an untranslated article) a fallback page plus a notice explaining why.
 */
export type Alternates = Partial<Record<Locale, { href: string; untranslated?: boolean }>>;

export const UNTRANSLATED_ANCHOR = 'untranslated';

export async function LanguageSwitcher({ locale, alternates }: { locale: Locale; alternates: Alternates }) {
  const t = await getTranslations({ locale });
  const others = locales.filter((l) => l !== locale);
  return (
    <nav className="language-switcher" aria-label={t('a11y.languageSwitcher')}>
      <ul>
        {others.map((other) => {
          const target = alternates[other] ?? { href: paths.home(other) };
          const href = target.untranslated ? `${target.href}#${UNTRANSLATED_ANCHOR}` : target.href;
          return (
            <li key={other}>
              <LanguageLink href={href} locale={other} label={t(`language.${other}`)} />
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
