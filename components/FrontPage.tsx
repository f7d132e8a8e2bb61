import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import { paths } from '@/i18n/paths';
import type { FrontPage as Front } from '@/db/front';
import { ArticleCard } from './ArticleCard';
import { ArticleList } from './ArticleList';
import { WithSidebar } from './WithSidebar';

/** Lead story, top stories, one block per section, the video strip; widgets beside (below on phones). */
export async function FrontPage({ locale, front }: { locale: Locale; front: Front }) {
  const t = await getTranslations({ locale });
  const videoSection = front.videos[0]?.category;
  return (
    <WithSidebar locale={locale}>
      <h1 className="visually-hidden">{t('home.title')}</h1>
      {front.lead ? (
        <section className="lead" aria-labelledby="lead-heading">
          <h2 id="lead-heading" className="visually-hidden">
            {t('front.lead')}
          </h2>
          <ArticleCard article={front.lead} headingLevel={3} priority />
        </section>
      ) : (
        <p>{t('home.empty')}</p>
      )}
      {front.top.length ? (
        <section className="front-block top-stories" aria-labelledby="top-heading">
          <h2 id="top-heading">{t('front.topStories')}</h2>
          <ArticleList articles={front.top} headingLevel={3} />
          <p className="front-more">
            <a href={paths.latest(locale)}>{t('nav.latest')}</a>
          </p>
        </section>
      ) : null}
      {front.videos.length ? (
        <section className="front-block video-strip" aria-labelledby="videos-heading" data-testid="video-strip">
          <h2 id="videos-heading">{t('front.videos')}</h2>
          <ul className="strip">
            {front.videos.map((v) => (
              <li key={v.id}>
                <ArticleCard article={v} headingLevel={3} />
              </li>
            ))}
          </ul>
          {videoSection ? (
            <p className="front-more">
              <a href={paths.section(locale, videoSection.slug)}>{t('front.allVideos')}</a>
            </p>
          ) : null}
        </section>
      ) : null}
      {front.sections.map(({ category, articles }) => (
        <section key={category.id} className="front-block section-block" aria-labelledby={`section-${category.key}`} data-testid="section-block">
          <h2 id={`section-${category.key}`}>
            <a href={paths.section(locale, category.slug)}>{category.name}</a>
          </h2>
          <ArticleList articles={articles} headingLevel={3} />
          <p className="front-more">
            <a href={paths.section(locale, category.slug)}>{t('front.more', { section: category.name })}</a>
          </p>
        </section>
      ))}
    </WithSidebar>
  );
}
