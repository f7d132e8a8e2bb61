import { BilingualNotFound } from '@/components/NotFound';
import { sans, serif } from './fonts';

/**
 * 404 for paths outside any known locale (with a dot, e.g. /wp-login.php: the locale proxy redirects the others): the locale is unknown, so both languages are offered.
 * Next puts it in the RSC payload of its `notFound()` shell; readers get app/%5F404/page.tsx instead
 * (lib/server/not-found-document.ts).
 */
export default function RootNotFound() {
  return (
    <html lang="fr" className={`${sans.variable} ${serif.variable}`}>
      <body>
        <BilingualNotFound />
      </body>
    </html>
  );
}
