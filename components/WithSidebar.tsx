import type { ReactNode } from 'react';
import type { Locale } from '@/i18n/routing';
import { Sidebar } from './widgets/Sidebar';

/** Content and widgets side by side on wide screens; the widgets follow the content on phones. */
export function WithSidebar({ locale, children }: { locale: Locale; children: ReactNode }) {
  return (
    <div className="with-sidebar">
      <div className="with-sidebar-content">{children}</div>
      <Sidebar locale={locale} />
    </div>
  );
}
