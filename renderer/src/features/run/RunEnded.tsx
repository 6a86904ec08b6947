import type { RunSlice } from '../../../../shared/protocol/index.ts';
import { runView } from '../../../../shared/show/run-clock.ts';
import type { Show } from '../../../../shared/show/schema.ts';
import { useT } from '../../i18n/useT.ts';
import { useEngineNow } from '../../app/useEngineNow.ts';
import { useReportedCommand } from '../commands/useReportedCommand.ts';
import { describeDrift, formatLongClock } from './timeFormat.ts';
import { useEngineUp } from './useRun.ts';

/** After the end: how long the show ran against the plan, and a reset for the next run. */
export function RunEnded({ show, slice }: { show: Show; slice: RunSlice }) {
  const t = useT();
  const now = useEngineNow();
  const engineUp = useEngineUp();
  const { pending, run } = useReportedCommand();
  const view = runView(show, slice.run, now);
  const drift = describeDrift(view.driftMs);
  const versus =
    drift.kind === 'behind' ? t('run.drift.behind', { time: drift.time }) : drift.kind === 'ahead' ? t('run.drift.ahead', { time: drift.time }) : t('run.drift.onTime');
  return (
    <div className="run-ended" data-testid="run-ended">
      <p>{t('run.endedSummary', { length: formatLongClock(view.showElapsedMs), versus })}</p>
      <button type="button" className="button" data-testid="run-reset" disabled={!engineUp || pending} onClick={() => void run({ type: 'run.reset' }, 'run.failed.reset')}>
        {t('run.reset')}
      </button>
    </div>
  );
}
