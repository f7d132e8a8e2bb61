import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import { paths } from '@/i18n/paths';
import { hotList } from './lists';
import { VideoDuration } from '../VideoDuration';

/** The most-read articles of this language over the last 7 days (views counted by the article page beacon). */
export async function HotThisWeek({ locale, limit = 5 }: { locale: Locale; limit?: number }) {
  const t = await getTranslations({ locale, namespace: 'widgets' });
  const items = hotList(locale, limit);
  return (
    <section className="widget widget-hot" aria-labelledby="widget-hot-heading" data-testid="widget-hot">
      <h2 id="widget-hot-heading">{t('hotThisWeek')}</h2>
      {items.length ? (
        <ol className="widget-ranked">
          {items.map((a) => (
            <li key={a.id}>
              <a href={paths.article(locale, a.category.slug, a.slug)}>{a.title}</a>
              {a.kind === 'video' && a.videoDurationSeconds !== null ? (
                <>
                  {' '}
                  <VideoDuration seconds={a.videoDurationSeconds} locale={locale} />
                </>
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <p>{t('hotEmpty')}</p>
      )}
    </section>
  );
}
