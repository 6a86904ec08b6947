import { useEngineNow } from '../../app/useEngineNow.ts';
import { timecodeAt } from './timecode.ts';

/** HH:MM:SS on air, from the engine's start instant and the engine clock. Kept apart: only it re-renders each second. */
export function Timecode({ startedAt, pausedAt = null, pausedMs = 0, testId, label }: { startedAt: number; pausedAt?: number | null; pausedMs?: number; testId: string; label: string }) {
  const now = useEngineNow();
  return (
    <time className="timecode" data-testid={testId} aria-label={label}>
      {timecodeAt(startedAt, now, { pausedAt, pausedMs })}
    </time>
  );
}
