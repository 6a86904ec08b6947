import { useId, useRef, useState } from 'react';
import { useT } from '../../i18n/useT.ts';
import { Modal } from '../../ui/Modal.tsx';
import { useCommand } from '../commands/useCommand.ts';
import { reportFailure } from '../commands/reportFailure.ts';
import { useEngineUp, useRunShow } from './useRun.ts';

/**
 * Starts the show (or a rehearsal, which writes no member records). With banned words in the script the engine
 * refuses; the producer sees the words and decides to go anyway or to fix the script first.
 */
export function StartRun({ again }: { again: boolean }) {
  const t = useT();
  const id = useId();
  const engineUp = useEngineUp();
  const show = useRunShow();
  const { pending, run } = useCommand();
  const [rehearsal, setRehearsal] = useState(false);
  /** The banned words the engine named, while the producer decides. */
  const [flagged, setFlagged] = useState<string[] | null>(null);
  const noRef = useRef<HTMLButtonElement>(null);

  const start = async (acknowledgeFlags: boolean) => {
    setFlagged(null);
    const result = await run({ type: 'run.start', rehearsal, acknowledgeFlags });
    if (result.ok) return;
    if (result.error.code === 'compliance_flags' && !acknowledgeFlags) setFlagged(result.error.issues ?? []);
    else reportFailure('run.failed.start', result.error);
  };

  const empty = show !== undefined && show.segments.length === 0;
  return (
    <div className="run-start">
      <button
        type="button"
        className="button button--primary button--large"
        data-testid="run-start"
        disabled={!engineUp || pending || empty}
        onClick={() => void start(false)}
      >
        {rehearsal ? t('run.startRehearsal') : again ? t('run.startAgain') : t('run.start')}
      </button>
      <label className="checkbox" htmlFor={`${id}-rehearsal`}>
        <input
          id={`${id}-rehearsal`}
          type="checkbox"
          data-testid="run-rehearsal"
          checked={rehearsal}
          onChange={(e) => setRehearsal(e.target.checked)}
        />
        {t('run.rehearsal')}
      </label>
      <p className="field-hint">{empty ? t('run.noSegments') : t('run.rehearsalHint')}</p>

      {flagged !== null && (
        <Modal title={t('run.compliance.title')} onCancel={() => setFlagged(null)} testId="compliance-confirm" initialFocus={noRef}>
          <div className="modal__body">
            <p>{rehearsal ? t('run.compliance.bodyRehearsal') : t('run.compliance.body')}</p>
            <ul className="flagged-words" data-testid="compliance-confirm-words">
              {flagged.map((word) => (
                <li key={word}>
                  <mark className="banned">{word}</mark>
                </li>
              ))}
            </ul>
          </div>
          <div className="modal__actions">
            <button ref={noRef} type="button" className="button" data-testid="compliance-confirm-no" onClick={() => setFlagged(null)}>
              {t('run.compliance.no')}
            </button>
            <button type="button" className="button button--danger" data-testid="compliance-confirm-yes" onClick={() => void start(true)}>
              {rehearsal ? t('run.compliance.yesRehearsal') : t('run.compliance.yes')}
            </button>
          </div>
        </Modal>
      )}
    </div>
  );
}
