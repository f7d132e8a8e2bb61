import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import { paths } from '@/i18n/paths';
import { listCategories } from '@/db/taxonomy';
import { getSiteSettings } from '@/db/settings';
import { HeaderStrip } from './HeaderStrip';
import { LanguageSwitcher, type Alternates } from './LanguageSwitcher';
import { SearchForm } from './SearchForm';

/** Header strip, masthead, section navigation and language switcher: the top of every page. */
export async function SiteHeader({ locale, alternates, currentSection }: { locale: Locale; alternates: Alternates; currentSection?: string }) {
  const t = await getTranslations({ locale });
  const sections = listCategories(locale);
  const site = getSiteSettings();
  return (
    <header className="site-header">
      <div className="container header-top">
        <HeaderStrip locale={locale} />
        <LanguageSwitcher locale={locale} alternates={alternates} />
      </div>
      <div className="container masthead">
        <a className="brand" href={paths.home(locale)}>
          {site.siteName}
        </a>
        {site.tagline[locale] ? <p className="tagline">{site.tagline[locale]}</p> : null}
        <SearchForm locale={locale} />
      </div>
      <nav className="site-nav" aria-label={t('a11y.mainNavigation')}>
        <ul className="container">
          <li>
            <a href={paths.home(locale)}>{t('nav.home')}</a>
          </li>
          {sections.map((s) => (
            <li key={s.id}>
              <a href={paths.section(locale, s.slug)} aria-current={s.slug === currentSection ? 'page' : undefined}>
                {s.name}
              </a>
            </li>
          ))}
          <li>
            <a href={paths.latest(locale)}>{t('nav.latest')}</a>
          </li>
        </ul>
      </nav>
    </header>
  );
}
