import type { TransitionState } from '../../../../shared/protocol/index.ts';

/** The bounds obs.setTransition accepts. */
export const MIN_TRANSITION_MS = 50;
export const MAX_TRANSITION_MS = 20_000;

export type TransitionProgress =
  | { kind: 'idle' }
  /** Share of the duration elapsed, 0..1. */
  | { kind: 'running'; fraction: number }
  /** Running, but with no known duration or past it: OBS has not said it finished. */
  | { kind: 'finishing' };

/**
 * How far a running transition is, from its engine start instant and the engine clock. Honest: past its duration
 * the bar does not pretend to be done; it waits (indeterminate) for OBS's "transition ended".
 */
export function transitionProgress(transitions: Pick<TransitionState, 'runningSince' | 'durationMs'>, engineNow: number): TransitionProgress {
  const { runningSince, durationMs } = transitions;
  if (runningSince === null) return { kind: 'idle' };
  if (durationMs === null || durationMs <= 0) return { kind: 'finishing' };
  const elapsed = engineNow - runningSince;
  if (elapsed >= durationMs) return { kind: 'finishing' };
  return { kind: 'running', fraction: Math.max(0, elapsed / durationMs) };
}

/** A typed duration in whole milliseconds within the engine's bounds, or null when it is not one. */
export function parseDurationMs(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value >= MIN_TRANSITION_MS && value <= MAX_TRANSITION_MS ? value : null;
}
