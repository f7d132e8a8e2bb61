import Image from 'next/image';
import type { Locale } from '@/i18n/routing';
import { paths } from '@/i18n/paths';
import type { ArticleCard as Card } from '@/db/articles';
import { GenreLabel } from './GenreLabel';
import { Time } from './Time';
import { VideoDuration } from './VideoDuration';
import { Picture } from './Picture';

/** Cards are full width on phones and about 400 px wide in the desktop grids (app/globals.css). */
const CARD_SIZES = '(max-width: 700px) 100vw, 400px';

/** One story in a listing: image, section, headline, standfirst, byline and time. */
export function ArticleCard({
  article,
  headingLevel = 3,
  priority = false,
  showImage = true,
}: {
  article: Card;
  headingLevel?: 2 | 3;
  priority?: boolean;
  showImage?: boolean;
}) {
  const locale = article.locale as Locale;
  const href = paths.article(locale, article.category.slug, article.slug);
  const Heading = `h${headingLevel}` as const;
  return (
    <article className={`card card-${article.kind}`}>
      {showImage && article.photo ? (
        <a href={href} className="card-media" tabIndex={-1} aria-hidden="true">
          <Picture photo={article.photo} alt="" sizes={CARD_SIZES} lead={priority} />
          {article.kind === 'video' && article.videoDurationSeconds !== null ? (
            <VideoDuration seconds={article.videoDurationSeconds} locale={locale} />
          ) : null}
        </a>
      ) : showImage && article.heroImage ? (
        <a href={href} className="card-media" tabIndex={-1} aria-hidden="true">
          <Image
            src={article.heroImage}
            alt=""
            width={article.heroWidth ?? 1600}
            height={article.heroHeight ?? 900}
            sizes={CARD_SIZES}
            // The lead card's image is the LCP element of listings: preloaded and fetched first.
            preload={priority}
            fetchPriority={priority ? 'high' : undefined}
            loading={priority ? 'eager' : undefined}
          />
          {article.kind === 'video' && article.videoDurationSeconds !== null ? (
            <VideoDuration seconds={article.videoDurationSeconds} locale={locale} />
          ) : null}
        </a>
      ) : null}
      <div className="card-body">
        <p className="card-section">
          <a href={paths.section(locale, article.category.slug)}>{article.category.name}</a>
          {article.genre !== 'news' ? <GenreLabel genre={article.genre} locale={locale} /> : null}
        </p>
        <Heading className="card-title">
          <a href={href}>{article.title}</a>
        </Heading>
        {article.standfirst ? <p className="card-standfirst">{article.standfirst}</p> : null}
        <p className="card-meta">
          <a href={paths.author(locale, article.author.slug)}>{article.author.name}</a>
          {' · '}
          <Time date={article.publishedAt} locale={locale} />
          {article.kind === 'video' && article.videoDurationSeconds !== null && !(showImage && (article.heroImage || article.photo)) ? (
            <>
              {' · '}
              <VideoDuration seconds={article.videoDurationSeconds} locale={locale} />
            </>
          ) : null}
        </p>
      </div>
    </article>
  );
}
