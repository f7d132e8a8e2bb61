import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import { paths } from '@/i18n/paths';
import { topicList } from './lists';

/** The topics most used in this language over the last weeks, linking to their topic pages. */
export async function Topics({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'widgets' });
  const items = topicList(locale);
  if (!items.length) return null;
  return (
    <nav className="widget widget-topics" aria-labelledby="widget-topics-heading" data-testid="widget-topics">
      <h2 id="widget-topics-heading">{t('topics')}</h2>
      <ul>
        {items.map((tag) => (
          <li key={tag.id}>
            <a href={paths.topic(locale, tag.slug)}>{tag.name}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
