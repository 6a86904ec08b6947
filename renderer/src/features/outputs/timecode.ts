const pad = (n: number) => String(n).padStart(2, '0');

/** A duration as HH:MM:SS (hours keep counting past 99); negative durations show as 00:00:00. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1_000));
  const hours = Math.floor(total / 3_600);
  const minutes = Math.floor((total % 3_600) / 60);
  return `${pad(hours)}:${pad(minutes)}:${pad(total % 60)}`;
}

/**
 * Time on air from the engine instant the output went live and the engine's clock now, so every view shows the
 * same figure; null when the output has no start instant.
 */
export function timecodeAt(startedAt: number | null, engineNow: number, pause: { pausedAt: number | null; pausedMs: number } = { pausedAt: null, pausedMs: 0 }): string | null {
  // A paused recording's time stands still at the pause instant; earlier pauses are left out.
  return startedAt === null ? null : formatDuration((pause.pausedAt ?? engineNow) - startedAt - pause.pausedMs);
}
