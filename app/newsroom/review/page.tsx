import type { Metadata } from 'next';
import { listReviewQueue } from '@/db/article-writes';
import { requireCan } from '@/lib/auth/current-user';
import { newsroomT } from '@/components/newsroom/locale';
import { ArticleTable } from '@/components/newsroom/ArticleTable';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await newsroomT())('review.title') };
}

/** Submitted articles waiting for an editor, oldest first. */
export default async function ReviewQueuePage() {
  await requireCan('review.queue');
  const t = await newsroomT();
  const items = listReviewQueue();
  return (
    <>
      <h1>{t('review.title')}</h1>
      {items.length ? <ArticleTable items={items} caption={t('review.caption', { count: items.length })} /> : <p>{t('review.empty')}</p>}
    </>
  );
}
