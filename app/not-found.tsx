import { sans, serif } from './fonts';
import fr from '@/messages/fr.json';
import en from '@/messages/en.json';

/**
 * 404 for paths outside any known locale (e.g. /de/...): the locale is unknown, so both languages are offered,
 * each marked with its own `lang`.
 */
export default function RootNotFound() {
  return (
    <html lang="fr" className={`${sans.variable} ${serif.variable}`}>
      <body>
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
      </body>
    </html>
  );
}
