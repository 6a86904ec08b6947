import { useId, useState } from 'react';
import { useT } from '../../i18n/useT.ts';
import { useEngineState } from '../../stores/engineState.ts';
import { useReportedCommand } from '../commands/useReportedCommand.ts';
import { useObsFeatures, useObsLinked } from '../obs/useObsLinked.ts';

/** OBS's transitions; the value follows OBS (a choice shows at once and settles when OBS confirms). */
export function TransitionSelect() {
  const t = useT();
  const id = useId();
  const transitions = useEngineState((s) => s.state?.obs.transitions);
  const linked = useObsLinked();
  const { transitions: supported } = useObsFeatures();
  const { run } = useReportedCommand();
  const [choice, setChoice] = useState<string | null>(null);
  const available = transitions?.available ?? [];
  const current = transitions?.current ?? null;
  const value = choice ?? current ?? '';

  const choose = async (name: string) => {
    setChoice(name);
    await run({ type: 'obs.setTransition', name }, 'studio.transitionFailed', { name });
    setChoice((c) => (c === name ? null : c));
  };

  return (
    <div className="field field--compact">
      <label className="field-label" htmlFor={id}>
        {t('studio.transition')}
      </label>
      <select
        id={id}
        data-testid="transition-select"
        value={value}
        disabled={!linked || !supported || available.length === 0}
        onChange={(e) => void choose(e.target.value)}
      >
        {(value === '' || !available.includes(value)) && (
          <option value={value} disabled>
            {value === '' ? t('studio.transitionNone') : value}
          </option>
        )}
        {available.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
    </div>
  );
}
