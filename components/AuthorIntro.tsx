import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import type { Author } from '@/db/taxonomy';

/** An author's or agency's short bio above their articles. */
export async function AuthorIntro({ locale, author }: { locale: Locale; author: Author }) {
  const t = await getTranslations({ locale, namespace: 'listing' });
  return (
    <div className="author-intro">
      {author.kind === 'agency' ? <p className="kind-label">{t('agency')}</p> : null}
      {author.bio ? <p className="listing-description author-bio">{author.bio}</p> : null}
    </div>
  );
}
