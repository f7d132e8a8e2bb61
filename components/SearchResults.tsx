import type { ReactNode } from 'react';
import Image from 'next/image';
import { getTranslations } from 'next-intl/server';
import { locales, type Locale } from '@/i18n/routing';
import { paths } from '@/i18n/paths';
import type { Page } from '@/db/articles';
import type { SearchHit } from '@/db/search';
import { Highlighted } from './Highlighted';
import { PageShell } from './PageShell';
import { Pagination } from './Pagination';
import { SearchForm } from './SearchForm';
import { Time } from './Time';
import { VideoDuration } from './VideoDuration';
import { searchAlternates } from './alternates';

/** The search page: the form, the results with highlighted matches, and an offer to try the other language. */
export async function SearchResults({
  locale,
  query,
  page,
  otherCounts,
}: {
  locale: Locale;
  query: string;
  page: Page<SearchHit>;
  otherCounts: Partial<Record<Locale, number>>;
}) {
  const t = await getTranslations({ locale, namespace: 'search' });
  return (
    <PageShell locale={locale} alternates={searchAlternates(locale, query)} className="search-page">
      <h1>{query ? t('titleWithQuery', { query }) : t('title')}</h1>
      <SearchForm locale={locale} query={query} id="search-page-q" landmark="page" />
      {!query ? (
        <p className="search-status">{t('emptyQuery')}</p>
      ) : page.total === 0 ? (
        <div className="search-status" data-testid="search-empty">
          <p>{t('noResults', { query, language: t(`languages.${locale}`) })}</p>
          {locales
            .filter((other) => other !== locale)
            .map((other) => {
              const language = t(`languages.${other}`);
              const link = (chunks: ReactNode) => (
                <a href={paths.search(other, query)} hrefLang={other}>
                  {chunks}
                </a>
              );
              const count = otherCounts[other] ?? 0;
              return (
                <p key={other} className="search-other-language">
                  {count > 0 ? t.rich('otherLanguage', { count, language, link }) : t.rich('tryOtherLanguage', { query, language, link })}
                </p>
              );
            })}
        </div>
      ) : (
        <>
          <p className="search-status" role="status">
            {t('results', { count: page.total, query })}
          </p>
          <ol className="search-results">
            {page.items.map(({ article, title, snippet }) => {
              const href = paths.article(locale, article.category.slug, article.slug);
              return (
                <li key={article.id}>
                  <article className="search-hit">
                    {article.heroImage ? (
                      <a href={href} className="card-media" tabIndex={-1} aria-hidden="true">
                        <Image src={article.heroImage} alt="" width={article.heroWidth ?? 1600} height={article.heroHeight ?? 900} sizes="160px" />
                        {article.kind === 'video' && article.videoDurationSeconds !== null ? (
                          <VideoDuration seconds={article.videoDurationSeconds} locale={locale} />
                        ) : null}
                      </a>
                    ) : null}
                    <div>
                      <p className="card-section">
                        <a href={paths.section(locale, article.category.slug)}>{article.category.name}</a>
                      </p>
                      <h2 className="card-title">
                        <a href={href}>
                          <Highlighted text={title} />
                        </a>
                      </h2>
                      <p className="search-snippet">
                        <Highlighted text={snippet} />
                      </p>
                      <p className="card-meta">
                        <a href={paths.author(locale, article.author.slug)}>{article.author.name}</a>
                        {' · '}
                        <Time date={article.publishedAt} locale={locale} />
                      </p>
                    </div>
                  </article>
                </li>
              );
            })}
          </ol>
          <Pagination locale={locale} page={page.page} pageCount={page.pageCount} href={(n) => paths.search(locale, query, n)} />
        </>
      )}
    </PageShell>
  );
}
