import { useState } from 'react';
import type { CommandError } from '../../../../shared/protocol/index.ts';
import { useT } from '../../i18n/useT.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { CommandErrorMessage } from '../commands/CommandErrorMessage.tsx';
import { useCommand } from '../commands/useCommand.ts';

/** Ends a promotion early, for one member or the whole grant, after a confirmation; the revocation is in the history. */
export function RevokePromotionButton({ grantId, memberId, label, onRevoked }: { grantId: number; memberId?: string; label: string; onRevoked: () => void }) {
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<CommandError | null>(null);
  const { pending, run } = useCommand();

  const revoke = async () => {
    setConfirming(false);
    setError(null);
    const result = await run({ type: 'members.revokePromotion', grantId, ...(memberId === undefined ? {} : { memberId }) });
    if (!result.ok) {
      setError(result.error);
      return;
    }
    onRevoked();
  };

  return (
    <>
      <button type="button" className="button button--danger promotion__revoke" data-testid="promotion-revoke" disabled={pending} onClick={() => setConfirming(true)}>
        {t('members.promotion.revoke')}
      </button>
      {error !== null && <CommandErrorMessage action="members.promotion.revokeFailed" error={error} testId="promotion-revoke-error" />}
      {confirming && (
        <ConfirmDialog
          title={t('members.promotion.revokeTitle')}
          body={<p>{memberId === undefined ? t('members.promotion.revokeAllBody', { what: label }) : t('members.promotion.revokeOneBody', { what: label })}</p>}
          confirmLabel={t('members.promotion.revoke')}
          cancelLabel={t('members.cancel')}
          tone="danger"
          focus="cancel"
          onConfirm={() => void revoke()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </>
  );
}
