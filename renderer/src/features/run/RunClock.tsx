import { useMemo } from 'react';
import type { RunSlice } from '../../../../shared/protocol/index.ts';
import { runView } from '../../../../shared/show/run-clock.ts';
import type { Show } from '../../../../shared/show/schema.ts';
import { useT } from '../../i18n/useT.ts';
import { useLanguage } from '../../i18n/store.ts';
import { useEngineNowFast } from '../../app/useEngineNowFast.ts';
import { describeDrift, engineToLocal, formatClock, formatLongClock, formatRemaining, remainingState } from './timeFormat.ts';

/** A time of day on this computer's clock, for an engine instant. */
function useClockTime(): (engineAt: number, engineNow: number) => string {
  const language = useLanguage((s) => s.language);
  const format = useMemo(() => new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', hour12: false }), [language]);
  return (engineAt, engineNow) => format.format(new Date(engineToLocal(engineAt, engineNow, Date.now())));
}

/**
 * Where the show stands at the engine's now: the segment on air, its time left (big), its elapsed time, the
 * show's drift from the plan and when it will end at this rate. Every figure comes from runView.
 */
export function RunClock({ show, slice }: { show: Show; slice: RunSlice }) {
  const t = useT();
  const now = useEngineNowFast();
  const clockTime = useClockTime();
  const view = runView(show, slice.run, now);
  const segment = view.segmentIndex === null ? undefined : show.segments[view.segmentIndex];
  const next = view.upcomingSegmentIndex === null ? undefined : show.segments[view.upcomingSegmentIndex];
  const state = remainingState(view.remainingMs);
  const drift = describeDrift(view.driftMs);
  const held = slice.run.status === 'held';

  return (
    <div className="run-clock" data-held={held ? 'true' : undefined}>
      <div className="run-clock__segment">
        <span className="eyebrow">
          {t('run.segmentOf', { index: (view.segmentIndex ?? 0) + 1, count: show.segments.length })}
          {held && (
            <span className="run-held" data-testid="run-held">
              {t('run.held')}
            </span>
          )}
        </span>
        <h3 className="run-clock__title" data-testid="run-segment-title">
          {segment?.title ?? ''}
        </h3>
      </div>
      <div className="run-clock__remaining">
        <span className="eyebrow">{state === 'over' ? t('run.over') : t('run.remaining')}</span>
        <span className={`run-remaining run-remaining--${state}`} data-testid="run-remaining" data-state={state} role="timer" aria-live="off">
          {formatRemaining(view.remainingMs)}
        </span>
        {view.extensionMs !== 0 && (
          <span className="run-clock__extension" data-testid="run-extension">
            {t(view.extensionMs > 0 ? 'run.extendedBy' : 'run.shortenedBy', { time: formatClock(Math.abs(view.extensionMs)) })}
          </span>
        )}
      </div>
      <dl className="run-clock__facts">
        <div>
          <dt>{t('run.elapsed')}</dt>
          <dd data-testid="run-elapsed">
            {formatClock(view.elapsedMs)} <span className="muted">/ {formatClock(view.allowedMs)}</span>
          </dd>
        </div>
        <div>
          <dt>{t('run.drift')}</dt>
          <dd data-testid="run-drift" data-kind={drift.kind} className={`run-drift run-drift--${drift.kind}`}>
            {drift.kind === 'behind'
              ? t('run.drift.behind', { time: drift.time })
              : drift.kind === 'ahead'
                ? t('run.drift.ahead', { time: drift.time })
                : t('run.drift.onTime')}
          </dd>
        </div>
        <div>
          <dt>{t('run.projectedEnd')}</dt>
          <dd data-testid="run-projected-end">{clockTime(view.projectedEndAt, now)}</dd>
        </div>
        <div>
          <dt>{t('run.showElapsed')}</dt>
          <dd data-testid="run-show-elapsed">{formatLongClock(view.showElapsedMs)}</dd>
        </div>
      </dl>
      <p className="run-clock__next">
        <span className="eyebrow">{t('run.next')}</span>
        <span data-testid="run-next-title">{next === undefined ? t('run.nextNone') : next.title}</span>
        {next !== undefined && <span className="muted"> · {formatClock(next.plannedDurationMs)}</span>}
      </p>
    </div>
  );
}
