import { notFound } from 'next/navigation';

// Any path under a locale that no route claims gets the localized 404 of app/[locale]/not-found.tsx.
export default function CatchAll() {
  notFound();
}
