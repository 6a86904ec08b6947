/**
 * When and how fast to restart the engine after it exits. Pure: the supervisor feeds it facts about each
 * exit and carries the returned state forward.
 */
import { ENGINE_EXIT_FATAL } from '../../shared/protocol/launcher.ts';

export interface RestartPolicy {
  /** Delay before the first restart; doubles on each further rapid crash. */
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  /** A run at least this long counts as stable: the next crash starts the backoff over. */
  readonly stableAfterMs: number;
  /** Restarts attempted in a row (without a stable run in between) before giving up. */
  readonly maxConsecutiveRestarts: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  initialDelayMs: 500,
  maxDelayMs: 10_000,
  stableAfterMs: 30_000,
  maxConsecutiveRestarts: 5,
};

export interface ExitFacts {
  /** Exit code reported by the process. */
  readonly exitCode: number;
  /** The shell asked the engine to stop (stop() / quit). */
  readonly intentional: boolean;
  /** The engine sent a `fatal` message before exiting, whatever its exit code. */
  readonly fatalReported: boolean;
  /** Time from spawn to exit; 0 when it never spawned. */
  readonly ranForMs: number;
}

export interface RestartState {
  /** Crashes since the last stable run (the current one included once decided). */
  readonly consecutiveCrashes: number;
}

export const INITIAL_RESTART_STATE: RestartState = { consecutiveCrashes: 0 };

export type RestartDecision =
  | { readonly action: 'stop' }
  | { readonly action: 'fatal' }
  | { readonly action: 'give-up'; readonly crashes: number }
  | { readonly action: 'restart'; readonly delayMs: number; readonly attempt: number };

/** Delay before restart number `attempt` (1-based): initial · 2^(attempt−1), capped. */
export function backoffDelay(attempt: number, policy: RestartPolicy = DEFAULT_RESTART_POLICY): number {
  if (!Number.isInteger(attempt) || attempt < 1) throw new RangeError(`attempt must be a positive integer, got ${attempt}`);
  // Cap the exponent too so huge attempt counts cannot overflow to Infinity before the min().
  const factor = 2 ** Math.min(attempt - 1, 30);
  return Math.min(policy.initialDelayMs * factor, policy.maxDelayMs);
}

export function decideRestart(
  state: RestartState,
  exit: ExitFacts,
  policy: RestartPolicy = DEFAULT_RESTART_POLICY,
): { decision: RestartDecision; state: RestartState } {
  if (exit.intentional) return { decision: { action: 'stop' }, state: INITIAL_RESTART_STATE };
  // A restart cannot fix what the engine itself declared unfixable.
  if (exit.exitCode === ENGINE_EXIT_FATAL || exit.fatalReported) {
    return { decision: { action: 'fatal' }, state: INITIAL_RESTART_STATE };
  }
  const crashes = exit.ranForMs >= policy.stableAfterMs ? 1 : state.consecutiveCrashes + 1;
  if (crashes > policy.maxConsecutiveRestarts) {
    return { decision: { action: 'give-up', crashes }, state: { consecutiveCrashes: crashes } };
  }
  return {
    decision: { action: 'restart', delayMs: backoffDelay(crashes, policy), attempt: crashes },
    state: { consecutiveCrashes: crashes },
  };
}
