import Link from 'next/link';
import { newsroomT } from '@/components/newsroom/locale';

export default async function NewsroomNotFound() {
  const t = await newsroomT();
  return (
    <div className="nr-narrow">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <p>
        <Link href="/newsroom">{t('notFound.back')}</Link>
      </p>
    </div>
  );
}
