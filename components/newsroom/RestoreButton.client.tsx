'use client';
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { workflowAction } from '@/app/newsroom/actions/articles';
import { localCopyKey } from './editor-fields';

/** Restores a revision as a new save (nothing is lost: the current text stays in the history). */
export function RestoreButton({ articleId, revisionId, baseVersion }: { articleId: number; revisionId: number; baseVersion: number }) {
  const t = useTranslations('newsroom');
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <div className="nr-actions">
      <button
        type="button"
        data-primary=""
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          try {
            const outcome = await workflowAction(articleId, { type: 'restore', revisionId, baseVersion });
            if (!outcome.ok) {
              setError('conflict' in outcome ? t('history.restoreConflict') : t('editor.errors.generic'));
              return;
            }
            try {
              localStorage.removeItem(localCopyKey(articleId));
            } catch {}
            router.push(outcome.redirectTo ?? `/newsroom/articles/${articleId}`);
          } catch {
            setError(t('editor.errors.forbidden'));
          } finally {
            setBusy(false);
          }
        }}
      >
        {t('history.restore')}
      </button>
      {error ? (
        <p role="alert" className="nr-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
