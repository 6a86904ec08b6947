import { useT } from '../../i18n/useT.ts';
import { useEngineState } from '../../stores/engineState.ts';
import { useReportedCommand } from '../commands/useReportedCommand.ts';
import { useObsLinked } from '../obs/useObsLinked.ts';

/** Studio mode: preview goes to program with the current transition. Off while a transition runs. */
export function TakeButton() {
  const t = useT();
  const obs = useEngineState((s) => s.state?.obs);
  const linked = useObsLinked();
  const { pending, run } = useReportedCommand();
  const studio = obs?.studioMode ?? false;
  const running = obs?.transitions.runningSince != null;
  const hint = !studio ? t('studio.takeNeedsStudio') : running ? t('studio.takeRunning') : t('studio.takeHint', { scene: obs?.previewScene ?? '—' });
  return (
    <button
      type="button"
      className="button take-button"
      data-testid="take-button"
      aria-keyshortcuts="Enter Space"
      aria-busy={pending || running}
      title={hint}
      disabled={!linked || !studio || running || pending}
      onClick={() => void run({ type: 'obs.take' }, 'studio.takeFailed')}
    >
      <span className="take-button__label">{t('studio.take')}</span>
      <span className="take-button__keys" aria-hidden="true">
        {t('studio.takeKeys')}
      </span>
    </button>
  );
}
