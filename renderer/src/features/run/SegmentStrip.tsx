import type { RunSlice } from '../../../../shared/protocol/index.ts';
import type { Show } from '../../../../shared/show/schema.ts';
import { useT } from '../../i18n/useT.ts';
import { useReportedCommand } from '../commands/useReportedCommand.ts';
import { formatClock } from './timeFormat.ts';
import { useEngineUp } from './useRun.ts';

/** Every segment in order; a click jumps there (the segment starts again from zero). */
export function SegmentStrip({ show, slice }: { show: Show; slice: RunSlice }) {
  const t = useT();
  const engineUp = useEngineUp();
  const { run } = useReportedCommand();
  const { status, segmentIndex, history } = slice.run;
  const live = status === 'running' || status === 'held';
  const done = new Set(history.map((h) => h.segmentId));
  return (
    <nav className="segment-strip" aria-label={t('run.strip.label')}>
      <ol>
        {show.segments.map((segment, index) => {
          const current = live && index === segmentIndex;
          const state = current ? 'current' : done.has(segment.id) ? 'done' : 'upcoming';
          return (
            <li key={segment.id}>
              <button
                type="button"
                className={`segment-chip segment-chip--${state} kind-edge--${segment.kind}`}
                data-testid="run-jump"
                data-index={index}
                data-state={state}
                aria-current={current ? 'step' : undefined}
                disabled={!engineUp || !live || current}
                title={t('run.strip.jump', { index: index + 1, title: segment.title })}
                onClick={() => void run({ type: 'run.jump', index }, 'run.failed.jump', { title: segment.title })}
              >
                <span className="segment-chip__index">{index + 1}</span>
                <span className="segment-chip__title">{segment.title}</span>
                <span className="segment-chip__time">{formatClock(segment.plannedDurationMs)}</span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
