import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import { SITE_TIME_ZONE } from '@/lib/config';
import { getSiteUrl } from '@/lib/site';
import { currentUser } from '@/lib/auth/current-user';
import { newsroomLocale, newsroomT } from '@/components/newsroom/locale';
import { NewsroomHeader } from '@/components/newsroom/NewsroomHeader';
import { sans, serif } from '../fonts';
import './newsroom.css';

// Private, per-user pages: rendered for each request, never cached, never indexed (headers in next.config.ts).
export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await newsroomT();
  return {
    metadataBase: new URL(getSiteUrl()),
    title: { default: t('title'), template: `%s · ${t('brand')}` },
    robots: { index: false, follow: false },
  };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function NewsroomLayout({ children }: { children: ReactNode }) {
  const locale = await newsroomLocale();
  const [t, user, messages] = await Promise.all([newsroomT(), currentUser(), getMessages({ locale })]);
  return (
    <html lang={locale} className={`${sans.variable} ${serif.variable}`}>
      <body className="newsroom">
        <a className="skip-link" href="#main">
          {t('skip')}
        </a>
        {user ? <NewsroomHeader user={user} /> : null}
        <NextIntlClientProvider locale={locale} timeZone={SITE_TIME_ZONE} messages={{ newsroom: messages.newsroom }}>
          <main id="main" className="nr-main">
            {children}
          </main>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
