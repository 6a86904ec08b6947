import { useT } from '../../i18n/useT.ts';
import { useEngineState } from '../../stores/engineState.ts';
import { OutputControl } from './OutputControl.tsx';

export function OutputControls() {
  const t = useT();
  const outputs = useEngineState((s) => s.state?.obsOutputs);
  return (
    <div className="outputs" role="group" aria-label={t('outputs.label')}>
      <OutputControl kind="stream" output={outputs?.stream} />
      <OutputControl kind="record" output={outputs?.record} />
    </div>
  );
}
