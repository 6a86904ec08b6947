import { useId, useState } from 'react';
import type { CommandError } from '../../../../shared/protocol/index.ts';
import { MemberId } from '../../../../shared/members/member.ts';
import { useT } from '../../i18n/useT.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { CommandErrorMessage } from '../commands/CommandErrorMessage.tsx';
import { useCommand } from '../commands/useCommand.ts';

const REASON_MAX = 500;

/** Two records of one person: the other member's accounts, orders and history move into this one, which stays. */
export function MemberMerge({ targetId, onChanged }: { targetId: string; onChanged: () => void }) {
  const t = useT();
  const id = useId();
  const [sourceId, setSourceId] = useState('');
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<CommandError | null>(null);
  const [merged, setMerged] = useState<string | null>(null);
  const { pending, run } = useCommand();

  const source = sourceId.trim();
  const sourceValid = MemberId.safeParse(source).success && source !== targetId;
  const ready = sourceValid && reason.trim() !== '' && !pending;

  const merge = async () => {
    setConfirming(false);
    setError(null);
    const result = await run({ type: 'members.merge', targetId, sourceId: source, reason: reason.trim() });
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setMerged(source);
    setSourceId('');
    setReason('');
    onChanged();
  };

  return (
    <section className="panel" aria-labelledby={`${id}-heading`} data-testid="member-merge">
      <h2 id={`${id}-heading`} className="panel__heading">
        {t('members.merge.heading')}
      </h2>
      <p className="form-help">{t('members.merge.help')}</p>
      <form
        className="member-action-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (ready) setConfirming(true);
        }}
      >
        <label className="field">
          <span className="field-label">{t('members.merge.source')}</span>
          <input
            type="text"
            data-testid="member-merge-source"
            spellCheck={false}
            maxLength={100}
            aria-invalid={source !== '' && !sourceValid}
            value={sourceId}
            onChange={(e) => {
              setSourceId(e.target.value);
              setMerged(null);
            }}
          />
        </label>
        {source !== '' && !sourceValid && (
          <p className="field-error" data-testid="member-merge-invalid">
            {source === targetId ? t('members.merge.self') : t('members.merge.badId')}
          </p>
        )}
        <label className="field">
          <span className="field-label">{t('members.reason')}</span>
          <input
            type="text"
            data-testid="member-merge-reason"
            required
            maxLength={REASON_MAX}
            placeholder={t('members.reasonPlaceholder')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </label>
        <div className="button-row">
          <button type="submit" className="button button--danger" data-testid="member-merge-submit" disabled={!ready}>
            {t('members.merge.submit')}
          </button>
        </div>
      </form>
      {error !== null && <CommandErrorMessage action="members.merge.failed" error={error} testId="member-merge-error" />}
      {merged !== null && (
        <p className="form-success" role="status" data-testid="member-merge-done">
          {t('members.merge.done', { source: merged })}
        </p>
      )}
      {confirming && (
        <ConfirmDialog
          title={t('members.merge.confirmTitle')}
          body={<p>{t('members.merge.confirmBody', { source, target: targetId })}</p>}
          confirmLabel={t('members.merge.submit')}
          cancelLabel={t('members.cancel')}
          tone="danger"
          focus="cancel"
          onConfirm={() => void merge()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </section>
  );
}
