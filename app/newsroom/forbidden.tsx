import Link from 'next/link';
import { newsroomT } from '@/components/newsroom/locale';

/** 403: the role may not do this (the server checked; nothing was changed). */
export default async function Forbidden() {
  const t = await newsroomT();
  return (
    <div className="nr-narrow">
      <h1>{t('forbidden.title')}</h1>
      <p>{t('forbidden.body')}</p>
      <p>
        <Link href="/newsroom">{t('forbidden.back')}</Link>
      </p>
    </div>
  );
}
