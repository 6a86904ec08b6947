import { useId } from 'react';
import { plannedTotalMs } from '../../../../shared/show/editor.ts';
import { useT } from '../../i18n/useT.ts';
import { RecoveredBanner } from './RecoveredBanner.tsx';
import { RunClock } from './RunClock.tsx';
import { RunControls } from './RunControls.tsx';
import { SaleCards } from './SaleCards.tsx';
import { SegmentStrip } from './SegmentStrip.tsx';
import { StartRun } from './StartRun.tsx';
import { RunEnded } from './RunEnded.tsx';
import { formatLongClock } from './timeFormat.ts';
import { useRunShow, useRunSlice } from './useRun.ts';
import './run.css';

/**
 * The runner: start the show, see where it stands against the plan, move through it, and run its flash sales.
 * Self-contained: reads the engine state and sends run.* / sale.* commands itself. Takes no props.
 */
export function RunPanel() {
  const t = useT();
  const id = useId();
  const show = useRunShow();
  const slice = useRunSlice();

  if (show === undefined || slice === undefined) {
    return (
      <section className="panel run-panel" data-testid="run-panel" aria-labelledby={`${id}-heading`}>
        <h2 id={`${id}-heading`} className="panel__heading">
          {t('run.heading')}
        </h2>
        <p className="empty-state">{t('run.waiting')}</p>
      </section>
    );
  }

  const { status } = slice.run;
  const live = status === 'running' || status === 'held';
  return (
    <section
      className={`panel run-panel run-panel--${status}`}
      data-testid="run-panel"
      data-status={status}
      data-rehearsal={slice.rehearsal ? 'true' : undefined}
      aria-labelledby={`${id}-heading`}
    >
      <header className="run-panel__header">
        <h2 id={`${id}-heading`} className="panel__heading">
          {t('run.heading')}
        </h2>
        {slice.rehearsal && status !== 'idle' && (
          <span className="rehearsal-badge" data-testid="run-rehearsal-badge">
            {t('run.rehearsalBadge')}
          </span>
        )}
        <span className={`run-status run-status--${status}`} data-testid="run-status" data-state={status}>
          {t(`run.status.${status}`)}
        </span>
      </header>
      <RecoveredBanner slice={slice} />
      {live ? (
        <>
          <RunClock show={show} slice={slice} />
          <RunControls show={show} slice={slice} />
        </>
      ) : (
        <div className="run-panel__ready">
          {status === 'ended' ? (
            <RunEnded show={show} slice={slice} />
          ) : (
            <p className="run-panel__plan" data-testid="run-plan">
              {t('run.ready', { count: show.segments.length, total: formatLongClock(plannedTotalMs(show)) })}
            </p>
          )}
          <StartRun again={status === 'ended'} />
        </div>
      )}
      <SegmentStrip show={show} slice={slice} />
      {live && <SaleCards show={show} slice={slice} />}
    </section>
  );
}
