import { useT } from '../../i18n/useT.ts';
import { useEngineState } from '../../stores/engineState.ts';
import { useReportedCommand } from '../commands/useReportedCommand.ts';
import { useObsFeatures, useObsLinked } from '../obs/useObsLinked.ts';
import { Unavailable } from '../obs/Unavailable.tsx';

/** Studio mode on / off, as OBS reports it (the pressed state follows OBS, also when changed in OBS itself). */
export function StudioModeToggle() {
  const t = useT();
  const studioMode = useEngineState((s) => s.state?.obs.studioMode ?? false);
  const linked = useObsLinked();
  const { studioMode: supported } = useObsFeatures();
  const { pending, run } = useReportedCommand();
  return (
    <div className="studio-toggle">
      <button
        type="button"
        className={`button switch${studioMode ? ' switch--on' : ''}`}
        data-testid="studio-mode-toggle"
        aria-pressed={studioMode}
        aria-busy={pending}
        disabled={!linked || !supported || pending}
        title={t('studio.toggleHint')}
        onClick={() => void run({ type: 'obs.setStudioMode', enabled: !studioMode }, 'studio.toggleFailed')}
      >
        <span className="switch__track" aria-hidden="true">
          <span className="switch__thumb" />
        </span>
        <span>{t('studio.mode')}</span>
      </button>
      {!supported && <Unavailable feature="studio-mode" />}
    </div>
  );
}
