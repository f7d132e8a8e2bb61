import { getTranslations } from 'next-intl/server';
import { locales, type Locale } from '@/i18n/routing';
import { paths } from '@/i18n/paths';
import fr from '@/messages/fr.json';
import en from '@/messages/en.json';
import { PageShell } from './PageShell';
import type { Alternates } from './LanguageSwitcher';

/** The 404's message in one language: what it says and the way home. */
async function NotFoundMessage({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'notFound' });
  return (
    <>
      <h1>{t('title')}</h1>
      <p>{t('body')}</p>
      <p>
        <a href={paths.home(locale)}>{t('home')}</a>
      </p>
    </>
  );
}

/**
 * The reader's 404 in one language, with the site's header: app/[locale]/%5F404/page.tsx renders it, and
 * lib/server/not-found-document.ts sends that page in place of Next's `notFound()` shell.
 */
export function LocalizedNotFound({ locale }: { locale: Locale }) {
  const alternates: Alternates = Object.fromEntries(locales.filter((l) => l !== locale).map((l) => [l, { href: paths.home(l) }]));
  return (
    <PageShell locale={locale} alternates={alternates} className="not-found">
      <NotFoundMessage locale={locale} />
    </PageShell>
  );
}

/**
 * The message alone, for app/[locale]/not-found.tsx: Next renders that boundary into the RSC payload of every
 * page below it, on every render, and readers never see it there (the lite transform removes the payload; a
 * `notFound()` answer is replaced by the page above). With the header it cost every cache miss a second header.
 * It is what a reader would see only if fetching the page above failed.
 */
export function NotFoundFallback({ locale }: { locale: Locale }) {
  return (
    <main id="main" className="container not-found">
      <NotFoundMessage locale={locale} />
    </main>
  );
}

/**
 * The 404 of a path outside any known locale (those the locale proxy does not redirect into a language: with a
 * dot, such as /wp-login.php or /de/page.html): the locale is unknown, so both languages are offered,
 * each marked with its own `lang`. The caller renders the <html> around it (there is no layout that knows a
 * language above app/[locale]).
 */
export function BilingualNotFound() {
  return (
    <main id="main" className="container not-found">
      <h1>{fr.notFound.title}</h1>
      <p>{fr.notFound.body}</p>
      <p>
        <a href="/fr">{fr.notFound.home}</a>
      </p>
      <div lang="en">
        <h2>{en.notFound.title}</h2>
        <p>{en.notFound.body}</p>
        <p>
          <a href="/en" hrefLang="en">
            {en.notFound.home}
          </a>
        </p>
      </div>
    </main>
  );
}

/** The bilingual 404's title: "Page introuvable / Page not found". */
export const bilingualNotFoundTitle = `${fr.notFound.title} / ${en.notFound.title}`;
