import { useId, useState } from 'react';
import type { RunSlice } from '../../../../shared/protocol/index.ts';
import type { Show } from '../../../../shared/show/schema.ts';
import { useT } from '../../i18n/useT.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { useReportedCommand } from '../commands/useReportedCommand.ts';
import { useEngineUp } from './useRun.ts';

const MINUTE = 60_000;

/** Moving through the show: previous / next, hold, ±1 min on this segment, end, auto-advance. */
export function RunControls({ show, slice }: { show: Show; slice: RunSlice }) {
  const t = useT();
  const id = useId();
  const engineUp = useEngineUp();
  const { pending, run } = useReportedCommand();
  const [confirmEnd, setConfirmEnd] = useState(false);
  const { status, segmentIndex, autoAdvance } = slice.run;
  const live = status === 'running' || status === 'held';
  const can = engineUp && live;
  const isLast = segmentIndex >= show.segments.length - 1;

  return (
    <div className="run-controls">
      <div className="button-row run-controls__main">
        <button
          type="button"
          className="button button--large"
          data-testid="run-previous"
          disabled={!can || segmentIndex === 0}
          onClick={() => void run({ type: 'run.previous' }, 'run.failed.previous')}
        >
          {t('run.previous')}
        </button>
        {status === 'held' ? (
          <button
            type="button"
            className="button button--large button--warning"
            data-testid="run-resume"
            disabled={!engineUp}
            onClick={() => void run({ type: 'run.resume' }, 'run.failed.resume')}
          >
            {t('run.resume')}
          </button>
        ) : (
          <button
            type="button"
            className="button button--large"
            data-testid="run-hold"
            disabled={!can}
            onClick={() => void run({ type: 'run.hold' }, 'run.failed.hold')}
          >
            {t('run.hold')}
          </button>
        )}
        <button
          type="button"
          className="button button--large button--primary"
          data-testid="run-next"
          disabled={!can || isLast}
          title={isLast ? t('run.nextLast') : undefined}
          onClick={() => void run({ type: 'run.next' }, 'run.failed.next')}
        >
          {t('run.nextButton')}
        </button>
      </div>
      <div className="button-row run-controls__more">
        <button
          type="button"
          className="button"
          data-testid="run-extend-minus"
          disabled={!can || pending}
          aria-label={t('run.extendMinusLabel')}
          onClick={() => void run({ type: 'run.extend', deltaMs: -MINUTE }, 'run.failed.extend')}
        >
          {t('run.extendMinus')}
        </button>
        <button
          type="button"
          className="button"
          data-testid="run-extend-plus"
          disabled={!can || pending}
          aria-label={t('run.extendPlusLabel')}
          onClick={() => void run({ type: 'run.extend', deltaMs: MINUTE }, 'run.failed.extend')}
        >
          {t('run.extendPlus')}
        </button>
        <label className="checkbox run-controls__auto" htmlFor={`${id}-auto`}>
          <input
            id={`${id}-auto`}
            type="checkbox"
            role="switch"
            data-testid="run-auto-advance"
            checked={autoAdvance}
            disabled={!engineUp}
            onChange={(e) => void run({ type: 'run.setAutoAdvance', enabled: e.target.checked }, 'run.failed.autoAdvance')}
          />
          {t('run.autoAdvance')}
        </label>
        <button type="button" className="button button--danger run-controls__end" data-testid="run-end" disabled={!can} onClick={() => setConfirmEnd(true)}>
          {t('run.end')}
        </button>
      </div>
      {confirmEnd && (
        <ConfirmDialog
          title={t('run.endConfirm.title')}
          body={<p>{slice.rehearsal ? t('run.endConfirm.bodyRehearsal') : t('run.endConfirm.body')}</p>}
          confirmLabel={t('run.endConfirm.yes')}
          cancelLabel={t('run.endConfirm.no')}
          tone="danger"
          focus="cancel"
          onCancel={() => setConfirmEnd(false)}
          onConfirm={() => {
            setConfirmEnd(false);
            void run({ type: 'run.end' }, 'run.failed.end');
          }}
        />
      )}
    </div>
  );
}
