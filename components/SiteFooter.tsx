import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import { paths } from '@/i18n/paths';
import { listCategories } from '@/db/taxonomy';

export async function SiteFooter({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'footer' });
  const sections = listCategories(locale);
  return (
    <footer className="site-footer">
      <div className="container">
        <p>{t('about')}</p>
        <nav aria-label={t('sections')}>
          <ul>
            {sections.map((s) => (
              <li key={s.id}>
                <a href={paths.section(locale, s.slug)}>{s.name}</a>
              </li>
            ))}
          </ul>
        </nav>
        <p>{t('copyright', { year: new Date().getUTCFullYear() })}</p>
      </div>
    </footer>
  );
}
