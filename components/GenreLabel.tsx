import { getTranslations } from 'next-intl/server';
import type { ArticleGenre } from '@/db/schema';
import type { Locale } from '@/i18n/routing';

/** The visible genre of a card ("Analyse", "Chronique", "Contenu sponsorisé"…); news carries none. */
export async function GenreLabel({ genre, locale }: { genre: ArticleGenre; locale: Locale }) {
  if (genre === 'news') return null;
  const t = await getTranslations({ locale, namespace: 'article.genre' });
  return <span className={`genre-label genre-${genre}`}> · {t(genre)}</span>;
}
