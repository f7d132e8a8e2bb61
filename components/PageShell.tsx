import type { ReactNode } from 'react';
import type { Locale } from '@/i18n/routing';
import { SiteHeader } from './SiteHeader';
import type { Alternates } from './LanguageSwitcher';

/** Header (which needs the page's language alternates) and the main landmark the skip link targets. */
export function PageShell({
  locale,
  alternates,
  currentSection,
  children,
  className,
}: {
  locale: Locale;
  alternates: Alternates;
  currentSection?: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <>
      <SiteHeader locale={locale} alternates={alternates} currentSection={currentSection} />
      <main id="main" tabIndex={-1} className={`container ${className ?? ''}`.trim()}>
        {children}
      </main>
    </>
  );
}
