import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import { paths } from '@/i18n/paths';
import { listCategories } from '@/db/taxonomy';
import { getSiteSettings, socialNetworks } from '@/db/settings';

/** Social network names as their owners write them (the same in every language). */
const NETWORK_NAMES = { facebook: 'Facebook', x: 'X', instagram: 'Instagram', youtube: 'YouTube', linkedin: 'LinkedIn', tiktok: 'TikTok', whatsapp: 'WhatsApp' } as const;
import { siteYear } from '@/lib/format';

export async function SiteFooter({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'footer' });
  const tIndex = await getTranslations({ locale, namespace: 'indexes' });
  const sections = listCategories(locale);
  const site = getSiteSettings();
  const social = socialNetworks.filter((n) => site.social[n]);
  return (
    <footer className="site-footer">
      <div className="container">
        <p>{t('about', { name: site.siteName })}</p>
        <nav aria-label={t('sections')}>
          <ul>
            {sections.map((s) => (
              <li key={s.id}>
                <a href={paths.section(locale, s.slug)}>{s.name}</a>
              </li>
            ))}
          </ul>
        </nav>
        {social.length ? (
          <nav aria-label={t('social')}>
            <ul>
              {social.map((n) => (
                <li key={n}>
                  <a href={site.social[n]} rel="me noopener">
                    {NETWORK_NAMES[n]}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
                <nav aria-label={tIndex('footerLinks')}>
          <ul>
            <li>
              <a href={paths.fixed(locale, 'topics')}>{tIndex('topicsTitle')}</a>
            </li>
            <li>
              <a href={paths.fixed(locale, 'authors')}>{tIndex('authorsTitle')}</a>
            </li>
          </ul>
        </nav>
        <p>{t('copyright', { year: siteYear(new Date()), name: site.siteName })}</p>
      </div>
    </footer>
  );
}
