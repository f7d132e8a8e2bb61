import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import { paths } from '@/i18n/paths';
import { buildMetadata } from '@/lib/seo';
import { SHARE_CARD_SIZE } from './ShareCard';
import type { Alternates } from './LanguageSwitcher';

/**
 * Metadata of a listing (topic, author, latest news, search): canonical, hreflang to the versions that exist
 * (`alternates`, the same listing in the other languages; only page 1 has them, page counts differ), the site
 * share card and feed.
 */
export async function listingMetadata(
  locale: Locale,
  input: { path: string; title: string; description?: string; alternates?: Alternates; noindex?: boolean },
): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace: 'seo' });
  const pagePaths: Partial<Record<Locale, string>> = { [locale]: input.path };
  for (const [other, target] of Object.entries(input.alternates ?? {}) as [Locale, { href: string; untranslated?: boolean }][]) {
    if (!target.untranslated) pagePaths[other] = target.href;
  }
  return buildMetadata({
    locale,
    paths: pagePaths,
    title: input.title,
    description: input.description,
    image: { url: paths.siteImage(locale), ...SHARE_CARD_SIZE, type: 'image/png', alt: t('siteImageAlt') },
    feeds: [{ title: t('feedTitle'), url: paths.feed(locale) }],
    noindex: input.noindex,
  });
}
