import { useState } from 'react';
import { navigate } from '../../app/navigation.ts';
import { ROUTE_PATHS } from '../../app/router.ts';
import { useT } from '../../i18n/useT.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { ApiErrorMessage } from '../api/ApiErrorMessage.tsx';
import { deleteSession } from './reviewApi.ts';

/**
 * Deleting a session (typically a rehearsal nobody needs), behind a confirmation whose default is Cancel. The
 * engine refuses a broadcast already in member records and says why; that message is shown as it is.
 */
export function DeleteSession({ sessionId, title }: { sessionId: string; title: string }) {
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const remove = async () => {
    setConfirming(false);
    setPending(true);
    setError(null);
    try {
      await deleteSession(sessionId);
      navigate(ROUTE_PATHS.review);
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  };

  return (
    <div className="review-delete review__screen-only">
      <button type="button" className="button button--danger" data-testid="review-delete" disabled={pending} onClick={() => setConfirming(true)}>
        {t('review.delete.button')}
      </button>
      {error !== null && <ApiErrorMessage error={error} testId="review-delete-error" />}
      {confirming && (
        <ConfirmDialog
          title={t('review.delete.title')}
          body={<p>{t('review.delete.body', { title })}</p>}
          confirmLabel={t('review.delete.confirm')}
          cancelLabel={t('dialog.cancel')}
          tone="danger"
          focus="cancel"
          onConfirm={() => void remove()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </div>
  );
}
