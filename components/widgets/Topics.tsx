import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import { paths } from '@/i18n/paths';
import { recentTopics } from '@/db/widgets';
import { memoize } from '@/lib/memo';
import { WIDGET_TTL_MS } from './ttl';

const topicCounts = memoize(WIDGET_TTL_MS, (locale: Locale) => recentTopics(locale));

/** The topics most used in this language over the last weeks, linking to their topic pages. */
export async function Topics({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'widgets' });
  const items = topicCounts(locale);
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
