import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import { HotThisWeek } from './HotThisWeek';
import { PopularCategories } from './PopularCategories';
import { Topics } from './Topics';

/** The sidebar of front, section and article pages; after the content in the page order, so below it on phones. */
export async function Sidebar({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'widgets' });
  return (
    <aside className="sidebar" aria-label={t('sidebar')}>
      <HotThisWeek locale={locale} />
      <PopularCategories locale={locale} />
      <Topics locale={locale} />
    </aside>
  );
}
