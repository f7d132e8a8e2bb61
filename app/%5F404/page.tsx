import type { Metadata } from 'next';
import { BilingualNotFound, bilingualNotFoundTitle } from '@/components/NotFound';
import { sans, serif } from '../fonts';

/**
 * `/_404`: the bilingual 404 (paths outside any known locale, e.g. /wp-login.php) as a real server-rendered page, sent by
 * the response hook in place of Next's `notFound()` shell (lib/server/not-found-document.ts), like
 * app/[locale]/%5F404/page.tsx for a known locale.
 */
export const dynamic = 'force-static';

export const metadata: Metadata = { title: bilingualNotFoundTitle, robots: { index: false } };

export default function BilingualNotFoundDocument() {
  return (
    <html lang="fr" className={`${sans.variable} ${serif.variable}`}>
      <body>
        <BilingualNotFound />
      </body>
    </html>
  );
}
