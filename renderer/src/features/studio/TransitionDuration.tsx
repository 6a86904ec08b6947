import { useEffect, useEffectEvent, useId, useRef, useState } from 'react';
import { useT } from '../../i18n/useT.ts';
import { useEngineState } from '../../stores/engineState.ts';
import { useReportedCommand } from '../commands/useReportedCommand.ts';
import { useObsFeatures, useObsLinked } from '../obs/useObsLinked.ts';
import { MAX_TRANSITION_MS, MIN_TRANSITION_MS, parseDurationMs } from './transition.ts';

/**
 * The transition's duration in ms. Typing does not send anything; the value is applied when the field commits it
 * (change: Enter, the arrows, leaving the field), and only when it differs from OBS's.
 */
export function TransitionDuration() {
  const t = useT();
  const id = useId();
  const ref = useRef<HTMLInputElement>(null);
  const transitions = useEngineState((s) => s.state?.obs.transitions);
  const linked = useObsLinked();
  const { transitions: supported } = useObsFeatures();
  const { run } = useReportedCommand();
  /** null while not edited: the field shows OBS's duration. */
  const [draft, setDraft] = useState<string | null>(null);
  const saved = transitions?.durationMs ?? null;
  const name = transitions?.current ?? null;
  const text = draft ?? (saved === null ? '' : String(saved));
  const invalid = draft !== null && parseDurationMs(draft) === null;

  /** The value being sent: Enter and the change that follows it must not send it twice. */
  const sending = useRef<number | null>(null);

  const commit = async () => {
    if (draft === null) return;
    const durationMs = parseDurationMs(draft);
    if (durationMs === null || name === null) return; // stays marked invalid until corrected
    if (durationMs === saved) {
      setDraft(null);
      return;
    }
    if (sending.current === durationMs) return;
    sending.current = durationMs;
    await run({ type: 'obs.setTransition', name, durationMs }, 'studio.durationFailed');
    sending.current = null;
    // On success OBS's value arrives with the state; on failure the field shows OBS's value again.
    setDraft((d) => (d === draft ? null : d));
  };

  const onNativeChange = useEffectEvent(() => void commit());
  useEffect(() => {
    const input = ref.current;
    if (input === null) return;
    const listener = () => onNativeChange();
    input.addEventListener('change', listener); // the native commit event (leaving the field, the arrows), not React's per-keystroke onChange
    return () => input.removeEventListener('change', listener);
  }, []);

  return (
    <div className="field field--compact">
      <label className="field-label" htmlFor={id}>
        {t('studio.duration')}
      </label>
      <span className="input-unit">
        <input
          ref={ref}
          id={id}
          type="number"
          inputMode="numeric"
          min={MIN_TRANSITION_MS}
          max={MAX_TRANSITION_MS}
          step={50}
          className="input-number"
          data-testid="transition-duration"
          aria-invalid={invalid}
          aria-describedby={invalid ? `${id}-error` : `${id}-unit`}
          value={text}
          disabled={!linked || !supported || name === null}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void commit();
            if (e.key === 'Escape') setDraft(null);
          }}
        />
        <span className="input-unit__unit" id={`${id}-unit`}>
          {t('studio.durationUnit')}
        </span>
      </span>
      {invalid && (
        <span id={`${id}-error`} className="field-error">
          {t('studio.durationRange', { min: MIN_TRANSITION_MS, max: MAX_TRANSITION_MS })}
        </span>
      )}
    </div>
  );
}
