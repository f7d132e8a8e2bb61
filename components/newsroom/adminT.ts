import { getTranslations } from 'next-intl/server';
import { newsroomLocale } from './locale';

/** next-intl translations of the `newsroomAdmin` namespace (administration pages) in the user's language. */
export async function newsroomAdminT() {
  return getTranslations({ locale: await newsroomLocale(), namespace: 'newsroomAdmin' });
}
