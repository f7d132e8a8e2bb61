import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import { paths } from '@/i18n/paths';
import { indexLetter, type IndexPage } from '@/db/taxonomy';
import { breadcrumbJsonLd, graph } from '@/lib/jsonld';
import { JsonLd } from './JsonLd';
import type { Alternates } from './LanguageSwitcher';
import { PageShell } from './PageShell';
import { Pagination } from './Pagination';

/**
 * An A–Z index (topics, authors and agencies): names grouped under their letter, each with its article count, real
 * links to the other pages. Letters are headings (h2), so screen-reader users can jump from letter to letter.
 */
export async function IndexListing({
  locale,
  alternates,
  title,
  intro,
  page,
  href,
  entryHref,
}: {
  locale: Locale;
  alternates: Alternates;
  title: string;
  intro: string;
  page: IndexPage;
  href: (page: number) => string;
  entryHref: (slug: string) => string;
}) {
  const t = await getTranslations({ locale, namespace: 'indexes' });
  const tSeo = await getTranslations({ locale, namespace: 'seo' });
  const groups: { letter: string; entries: IndexPage['items'] }[] = [];
  for (const entry of page.items) {
    const letter = indexLetter(entry.name, locale);
    const last = groups.at(-1);
    if (last?.letter === letter) last.entries.push(entry);
    else groups.push({ letter, entries: [entry] });
  }
  const structured = graph(
    breadcrumbJsonLd([
      { name: tSeo('home'), path: paths.home(locale) },
      { name: title, path: href(page.page) },
    ]),
  );
  return (
    <PageShell locale={locale} alternates={alternates} className="index-page">
      <JsonLd data={structured} />
      <header className="listing-header">
        <h1>{page.page > 1 ? t('pageTitle', { title, page: page.page }) : title}</h1>
        <p className="listing-description">{intro}</p>
      </header>
      {groups.map((group) => (
        <section key={group.letter} className="index-letter" aria-labelledby={`letter-${group.letter}`}>
          <h2 id={`letter-${group.letter}`}>
            <span aria-hidden="true">{group.letter === '#' ? t('other') : group.letter}</span>
            <span className="visually-hidden">{group.letter === '#' ? t('other') : t('letterHeading', { letter: group.letter })}</span>
          </h2>
          <ul className="index-entries">
            {group.entries.map((entry) => (
              <li key={entry.id}>
                <a href={entryHref(entry.slug)}>{entry.name}</a>{' '}
                <span className="index-count">
                  {entry.kind === 'agency' ? `${t('agency')} · ` : ''}
                  {t('articles', { count: entry.count })}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <Pagination locale={locale} page={page.page} pageCount={page.pageCount} href={href} />
    </PageShell>
  );
}
