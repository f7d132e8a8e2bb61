import { getTranslations } from 'next-intl/server';
import { wireLinkOf } from '@/db/wire';
import { markWireReviewedAction } from '@/app/newsroom/actions/wire';
import { AdminForm } from './AdminForm.client';
import { newsroomLocale } from './locale';

/**
 * On an article taken from a wire item: "wire updated" while the agency has sent a version newer than the one an
 * editor last checked (with a correction prompt when the agency flags it), and the agency's embargo.
 */
export async function WireNotice({ articleId, canReview }: { articleId: number; canReview: boolean }) {
  const link = wireLinkOf(articleId);
  if (!link || !link.updated) return null;
  const t = await getTranslations({ locale: await newsroomLocale(), namespace: 'newsroomWire' });
  return (
    <div className="nr-notice" role="status" data-testid="wire-updated">
      <p>
        <strong>{t('wireUpdated', { version: link.version, reviewed: link.reviewedVersion })}</strong>{' '}
        <a href="/newsroom/wire">{t('title')}</a>
      </p>
      {link.correction ? <p>{t('wireCorrection')}</p> : null}
      {canReview ? (
        <AdminForm action={markWireReviewedAction} compact label={t('markReviewed')} submitLabel={t('markReviewed')} items={[{ name: 'id', label: '', type: 'hidden', defaultValue: String(articleId) }]} />
      ) : null}
    </div>
  );
}
