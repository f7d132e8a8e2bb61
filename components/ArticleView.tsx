import Image from 'next/image';
import { getTranslations } from 'next-intl/server';
import { locales, type Locale } from '@/i18n/routing';
import { paths } from '@/i18n/paths';
import type { ArticleDetail } from '@/db/articles';
import { categorySlugs } from '@/db/taxonomy';
import { Markdown } from './Markdown';
import { formatDateTime } from '@/lib/format';
import { VideoDuration } from './VideoDuration';
import type { Alternates } from './LanguageSwitcher';
import { Picture } from './Picture';
import { VideoFacade } from './VideoFacade.client';
import { embedUrl, parseVideoEmbed, providerNames, SELF_HOSTED_VIDEO, watchUrl } from '@/lib/video/embed';
import { videoForPage } from '@/db/media';
import type { ReactNode } from 'react';

/** The article column: full width on phones, 800 px at most (app/globals.css). */
const HERO_SIZES = '(max-width: 800px) 100vw, 800px';

/** Each other language: the article's translation, or its section there with the "not translated" notice. */
export function articleAlternates(article: ArticleDetail): Alternates {
  const locale = article.locale as Locale;
  const sectionSlugs = categorySlugs(article.category.id);
  const alternates: Alternates = {};
  for (const other of locales) {
    if (other === locale) continue;
    const translation = article.translations.find((t) => t.locale === other);
    if (translation) alternates[other] = { href: paths.article(other, translation.categorySlug, translation.slug) };
    else if (sectionSlugs[other]) alternates[other] = { href: paths.section(other, sectionSlugs[other]), untranslated: true };
  }
  return alternates;
}

export async function ArticleView({ article }: { article: ArticleDetail }) {
  const locale = article.locale as Locale;
  const t = await getTranslations({ locale });
  const updated = article.textUpdated;
  const sponsored = article.genre === 'sponsored';
  const videoUrl = article.kind === 'video' ? article.videoUrl : null;
  const embed = videoUrl ? parseVideoEmbed(videoUrl) : null;
  const selfHosted = videoUrl !== null && SELF_HOSTED_VIDEO.test(videoUrl) ? videoUrl : null;
  const videoTitle = article.videoTitle || article.title;
  /** The click-to-load facade: our own poster (never the provider's thumbnail), title, play button. */
  const facade = (poster: ReactNode) =>
    embed ? (
      <VideoFacade
        href={watchUrl(embed)}
        src={embedUrl(embed, { autoplay: true })}
        title={t('videoPlayer.playerTitle', { title: videoTitle, provider: providerNames[embed.provider] })}
      >
        {poster}
        <span className="video-facade-play" aria-hidden="true" />
        <span className="video-facade-title" aria-hidden="true">
          {videoTitle}
        </span>
        <span className="visually-hidden">{t('videoPlayer.play', { title: videoTitle, provider: providerNames[embed.provider] })}</span>
      </VideoFacade>
    ) : null;
  /**
   * Our own file: a native player (no script; Range requests let it seek). preload="none" fetches nothing before
   * play but the poster — the article's photo, a mid-size JPEG since `poster` has no srcset.
   */
  const file = selfHosted ? videoForPage(selfHosted) : null;
  const nativeVideo = (poster: string | undefined, width: number, height: number) =>
    selfHosted ? (
      <video controls preload="none" poster={poster} width={file?.width ?? width} height={file?.height ?? height} aria-label={videoTitle}>
        <source src={selfHosted} type={selfHosted.endsWith('.webm') ? 'video/webm' : 'video/mp4'} />
        <a href={selfHosted}>{t('videoPlayer.download', { title: videoTitle })}</a>
      </video>
    ) : null;
  const duration =
    article.kind === 'video' && article.videoDurationSeconds !== null ? <VideoDuration seconds={article.videoDurationSeconds} locale={locale} /> : null;
  return (
    <article className={`article article-${article.kind}`}>
      <header className="article-header">
        <p className="article-section">
          <a href={paths.section(locale, article.category.slug)}>{article.category.name}</a>
          {article.kind === 'video' ? <span className="kind-label"> · {t('article.video')}</span> : null}
          {article.genre !== 'news' ? <span className={`genre-label genre-${article.genre}`}> · {t(`article.genre.${article.genre}`)}</span> : null}
        </p>
        <h1>{article.title}</h1>
        {article.standfirst ? <p className="standfirst">{article.standfirst}</p> : null}
        <p className="byline">
          {t.rich('article.by', {
            author: article.author.name,
            link: (chunks) => <a href={paths.author(locale, article.author.slug)}>{chunks}</a>,
          })}
        </p>
        <p className="dates">
          {t.rich('article.published', {
            date: formatDateTime(article.publishedAt, locale),
            time: (chunks) => <time dateTime={article.publishedAt.toISOString()}>{chunks}</time>,
          })}
          {updated ? (
            <>
              {' · '}
              {t.rich('article.updated', {
                date: formatDateTime(article.modifiedAt, locale),
                time: (chunks) => <time dateTime={article.modifiedAt.toISOString()}>{chunks}</time>,
              })}
            </>
          ) : null}
        </p>
        {article.translations.map((tr) => (
          <p key={tr.locale} className="translation-link">
            <a href={paths.article(tr.locale, tr.categorySlug, tr.slug)} hrefLang={tr.locale}>
              {t('article.readIn', { language: t(`languageName.${tr.locale}`) })}
            </a>
            {' — '}
            <cite lang={tr.locale}>{tr.title}</cite>
          </p>
        ))}
      </header>
      {article.photo ? (
        <figure className="hero">
          <div className="hero-media">
            {embed ? (
              facade(<Picture photo={article.photo} alt="" sizes={HERO_SIZES} lead />)
            ) : selfHosted ? (
              nativeVideo((article.photo.sources.jpeg.find((j) => j.width >= 800) ?? article.photo.sources.jpeg.at(-1))?.url, 1600, 900)
            ) : (
              <Picture photo={article.photo} alt={article.photo.alt} sizes={HERO_SIZES} lead />
            )}
            {article.kind === 'video' && article.videoDurationSeconds !== null ? (
              <VideoDuration seconds={article.videoDurationSeconds} locale={locale} />
            ) : null}
          </div>
          {article.photo.caption || article.photo.credit ? (
            <figcaption>
              <span className="visually-hidden">{t('a11y.imageCaption')} </span>
              {article.photo.caption}
              {article.photo.credit ? (
                <span className="credit">
                  {' '}
                  {t('article.photoCredit', { credit: article.photo.credit })}
                </span>
              ) : null}
            </figcaption>
          ) : null}
        </figure>
      ) : article.heroImage ? (
        <figure className="hero">
          <div className="hero-media">
            {embed ? (
              facade(
                <Image
                  src={article.heroImage}
                  alt=""
                  width={article.heroWidth ?? 1600}
                  height={article.heroHeight ?? 900}
                  sizes={HERO_SIZES}
                  preload
                  fetchPriority="high"
                  loading="eager"
                />,
              )
            ) : selfHosted ? (
              nativeVideo(article.heroImage, article.heroWidth ?? 1600, article.heroHeight ?? 900)
            ) : (
              <Image
                src={article.heroImage}
                alt={article.heroAlt}
                width={article.heroWidth ?? 1600}
                height={article.heroHeight ?? 900}
                sizes={HERO_SIZES}
                // The hero is the LCP element: preloaded in <head>, fetched first, never lazy.
                preload
                fetchPriority="high"
                loading="eager"
              />
            )}
            {article.kind === 'video' && article.videoDurationSeconds !== null ? (
              <VideoDuration seconds={article.videoDurationSeconds} locale={locale} />
            ) : null}
          </div>
          {article.heroCaption || article.heroCredit ? (
            <figcaption>
              <span className="visually-hidden">{t('a11y.imageCaption')} </span>
              {article.heroCaption}
              {article.heroCredit ? (
                <span className="credit">
                  {' '}
                  <span className="visually-hidden">{t('a11y.imageCredit')} </span>© {article.heroCredit}
                </span>
              ) : null}
            </figcaption>
          ) : null}
        </figure>
      ) : embed || selfHosted ? (
        <figure className="hero">
          <div className="hero-media">
            {embed ? facade(null) : nativeVideo(undefined, 1600, 900)}
            {duration}
          </div>
        </figure>
      ) : null}
      <Markdown
        className="article-body"
        sponsored={sponsored}
        footnoteLabel={t('a11y.footnotes')}
        footnoteBackLabel={t('a11y.footnoteBack')}
        locale={locale}
        labels={{
          photoCredit: (credit) => t('article.photoCredit', { credit }),
          externalImage: (description) => t('article.externalImage', { description }),
          playVideo: (provider) => t('videoPlayer.playUntitled', { provider }),
          videoPlayer: (provider) => t('videoPlayer.playerUntitled', { provider }),
        }}
      >
        {article.body}
      </Markdown>
      {article.corrections.length ? (
        <aside className="article-corrections" aria-labelledby="corrections-heading">
          <h2 id="corrections-heading">{t('article.corrections')}</h2>
          <ul>
            {article.corrections.map((c) => (
              <li key={c.id}>
                {t.rich('article.correctionDated', {
                  date: formatDateTime(c.createdAt, locale),
                  time: (chunks) => <time dateTime={c.createdAt.toISOString()}>{chunks}</time>,
                })}{' '}
                {c.note}
              </li>
            ))}
          </ul>
        </aside>
      ) : null}
      {article.tags.length ? (
        <nav className="article-topics" aria-labelledby="topics-heading">
          <h2 id="topics-heading">{t('article.topics')}</h2>
          <ul>
            {article.tags.map((tag) => (
              <li key={tag.id}>
                <a href={paths.topic(locale, tag.slug)}>{tag.name}</a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </article>
  );
}
