import { useState } from 'react';
import type { ObsOutput } from '../../../../shared/protocol/index.ts';
import { useT } from '../../i18n/useT.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { useReportedCommand } from '../commands/useReportedCommand.ts';
import { useObsLinked } from '../obs/useObsLinked.ts';
import { outputAction, outputDisplayState } from './outputState.ts';
import { Timecode } from './Timecode.tsx';

type Kind = 'stream' | 'record';

const IDLE: ObsOutput = { active: false, transitioning: false, reconnecting: false, paused: false, startedAt: null, pausedAt: null, pausedMs: 0, lastFile: null };

/**
 * Start / stop the stream or the recording, always through a confirmation: a stray click must not end a show.
 * The state and the time on air come from OBS through the engine.
 */
export function OutputControl({ kind, output = IDLE }: { kind: Kind; output?: ObsOutput }) {
  const t = useT();
  const linked = useObsLinked();
  const { pending, run } = useReportedCommand();
  const [confirming, setConfirming] = useState<'start' | 'stop' | null>(null);
  const state = outputDisplayState(output);
  const action = outputAction(state);
  const onAir = state === 'live' || state === 'reconnecting';

  const label =
    action === 'start'
      ? t(`outputs.${kind}.start`)
      : action === 'stop'
        ? t(`outputs.${kind}.stop`)
        : state === 'starting'
          ? t('outputs.starting')
          : t('outputs.stopping');

  const confirm = async (which: 'start' | 'stop') => {
    setConfirming(null);
    await run(kind === 'stream' ? { type: 'obs.stream', action: which } : { type: 'obs.record', action: which }, `outputs.${kind}.${which}Failed`);
  };

  return (
    <div className={`output output--${kind} output--${state}`} data-testid={`${kind}-output`}>
      <button
        type="button"
        className={`output__button output__button--${state}`}
        data-testid={`${kind}-button`}
        data-state={state}
        aria-busy={pending || action === null}
        disabled={!linked || action === null || pending}
        onClick={() => {
          if (action !== null) setConfirming(action);
        }}
      >
        <span className="output__dot" aria-hidden="true" />
        {label}
      </button>
      <div className="output__status">
        {/* Off air the button says it all; on air the state and the time matter. */}
        {state !== 'idle' && (
          <span className="output__state" data-testid={`${kind}-state`}>
            {t(`outputs.${kind}.state.${state}`)}
            {kind === 'record' && output.paused && ` · ${t('outputs.record.paused')}`}
          </span>
        )}
        {onAir && output.startedAt !== null && (
          <Timecode
            startedAt={output.startedAt}
            pausedAt={output.pausedAt}
            pausedMs={output.pausedMs}
            testId={`${kind}-timecode`}
            label={t(`outputs.${kind}.timecode`)}
          />
        )}
        {/* Pausing keeps one file for the show (no confirmation: resuming undoes it at once). */}
        {kind === 'record' && state === 'live' && (
          <button
            type="button"
            className="output__pause"
            data-testid="record-pause-button"
            aria-pressed={output.paused}
            disabled={!linked || pending}
            onClick={() => void run({ type: 'obs.record', action: output.paused ? 'resume' : 'pause' }, output.paused ? 'outputs.record.resumeFailed' : 'outputs.record.pauseFailed')}
          >
            {t(output.paused ? 'outputs.record.resume' : 'outputs.record.pause')}
          </button>
        )}
        {kind === 'record' && state === 'idle' && output.lastFile !== null && (
          <span className="output__file" data-testid="record-last-file" title={output.lastFile}>
            {t('outputs.record.lastFile', { file: output.lastFile })}
          </span>
        )}
      </div>
      {/* If OBS changed state meanwhile (someone else started it), the question no longer applies. */}
      {confirming !== null && confirming === action && (
        <ConfirmDialog
          title={t(`outputs.${kind}.${confirming}Title`)}
          body={<p>{t(`outputs.${kind}.${confirming}Body`)}</p>}
          confirmLabel={t(`outputs.${kind}.${confirming}Confirm`)}
          cancelLabel={t('dialog.cancel')}
          tone={confirming === 'stop' ? 'danger' : 'primary'}
          focus={confirming === 'stop' ? 'cancel' : 'confirm'}
          onConfirm={() => void confirm(confirming)}
          onCancel={() => setConfirming(null)}
        />
      )}
    </div>
  );
}
