import { useEffect, useState } from 'react';
import { useT } from '../../i18n/useT.ts';
import { useEngineState } from '../../stores/engineState.ts';
import { getEngineNow } from '../../stores/clock.ts';
import { transitionProgress } from './transition.ts';

/** Re-renders every animation frame while mounted: only while a transition runs. */
function useFrameNow(): number {
  const [now, setNow] = useState(getEngineNow);
  useEffect(() => {
    let frame = requestAnimationFrame(function tick() {
      setNow(getEngineNow());
      frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
  }, []);
  return now;
}

function RunningBar({ runningSince, durationMs, name }: { runningSince: number; durationMs: number | null; name: string | null }) {
  const t = useT();
  const now = useFrameNow();
  const progress = transitionProgress({ runningSince, durationMs }, now);
  const percent = progress.kind === 'running' ? Math.round(progress.fraction * 100) : null;
  const label = name === null ? t('studio.transitionRunning') : t('studio.transitionRunningNamed', { name });
  return (
    <div className="transition-progress" data-testid="transition-progress" data-state={progress.kind}>
      <span className="transition-progress__label">{label}</span>
      <div
        className={`progress${percent === null ? ' progress--indeterminate' : ''}`}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
      >
        <div className="progress__bar" style={percent === null ? undefined : { width: `${percent}%` }} />
      </div>
    </div>
  );
}

/** Visible while OBS runs a transition: filled over its duration, then waiting (honestly) for OBS to end it. */
export function TransitionProgress() {
  const transitions = useEngineState((s) => s.state?.obs.transitions);
  if (transitions?.runningSince == null) return null;
  return <RunningBar runningSince={transitions.runningSince} durationMs={transitions.durationMs} name={transitions.current} />;
}
