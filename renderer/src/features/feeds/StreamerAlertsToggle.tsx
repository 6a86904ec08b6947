import { useEngineState } from '../../stores/engineState.ts';
import { useT } from '../../i18n/useT.ts';
import { useReportedCommand } from '../commands/useReportedCommand.ts';

/** Whether red audience lights also reach the streamer's prompter. */
export function StreamerAlertsToggle() {
  const t = useT();
  const enabled = useEngineState((s) => s.state?.feeds.streamerAlerts ?? false);
  const { pending, run } = useReportedCommand();
  return (
    <label className="checkbox" data-testid="metrics-streamer-alerts-label">
      <input
        type="checkbox"
        data-testid="metrics-streamer-alerts"
        checked={enabled}
        disabled={pending}
        onChange={(e) => void run({ type: 'feeds.setStreamerAlerts', enabled: e.target.checked }, 'metrics.streamerAlertsFailed')}
      />
      {t('metrics.streamerAlerts')}
    </label>
  );
}
