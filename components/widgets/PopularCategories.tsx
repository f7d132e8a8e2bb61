import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import { paths } from '@/i18n/paths';
import { categoryList } from './lists';

/** Sections with their number of articles in this language, most first. */
export async function PopularCategories({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'widgets' });
  const items = categoryList(locale);
  if (!items.length) return null;
  return (
    <section className="widget widget-categories" aria-labelledby="widget-categories-heading" data-testid="widget-categories">
      <h2 id="widget-categories-heading">{t('popularCategories')}</h2>
      <ul>
        {items.map((c) => (
          <li key={c.id}>
            <a href={paths.section(locale, c.slug)}>{c.name}</a> <span className="widget-count">{t('articleCount', { count: c.count })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
