import { describe, expect, it } from 'vitest';
import { ENGINE_EXIT_FATAL } from '../../../shared/protocol/launcher.ts';
import { DEFAULT_RESTART_POLICY, INITIAL_RESTART_STATE, backoffDelay, decideRestart } from '../restart-policy.ts';
import type { ExitFacts, RestartState } from '../restart-policy.ts';

const crash = (overrides: Partial<ExitFacts> = {}): ExitFacts => ({
  exitCode: 1,
  intentional: false,
  fatalReported: false,
  ranForMs: 1_000,
  ...overrides,
});

describe('backoffDelay', () => {
  it('doubles from 0.5 s and caps at 10 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 50].map((n) => backoffDelay(n))).toEqual([500, 1000, 2000, 4000, 8000, 10_000, 10_000, 10_000]);
  });

  it('never overflows for absurd attempt counts', () => {
    expect(backoffDelay(10_000)).toBe(DEFAULT_RESTART_POLICY.maxDelayMs);
  });

  it('honours a custom policy', () => {
    const policy = { ...DEFAULT_RESTART_POLICY, initialDelayMs: 100, maxDelayMs: 250 };
    expect([1, 2, 3].map((n) => backoffDelay(n, policy))).toEqual([100, 200, 250]);
  });

  it('rejects attempts below 1 and non-integers', () => {
    expect(() => backoffDelay(0)).toThrow(RangeError);
    expect(() => backoffDelay(1.5)).toThrow(RangeError);
  });
});

describe('decideRestart', () => {
  it('restarts an unexpected exit after the first backoff step', () => {
    const { decision, state } = decideRestart(INITIAL_RESTART_STATE, crash());
    expect(decision).toEqual({ action: 'restart', delayMs: 500, attempt: 1 });
    expect(state).toEqual({ consecutiveCrashes: 1 });
  });

  it('also restarts an unexpected exit with code 0 (the shell did not ask it to stop)', () => {
    expect(decideRestart(INITIAL_RESTART_STATE, crash({ exitCode: 0 })).decision.action).toBe('restart');
  });

  it('backs off further on each rapid crash', () => {
    let state: RestartState = INITIAL_RESTART_STATE;
    const delays: number[] = [];
    for (let i = 0; i < 4; i++) {
      const result = decideRestart(state, crash());
      state = result.state;
      if (result.decision.action === 'restart') delays.push(result.decision.delayMs);
    }
    expect(delays).toEqual([500, 1000, 2000, 4000]);
  });

  it('starts the backoff over after a stable run', () => {
    const afterCrashes: RestartState = { consecutiveCrashes: 4 };
    const { decision, state } = decideRestart(afterCrashes, crash({ ranForMs: DEFAULT_RESTART_POLICY.stableAfterMs }));
    expect(decision).toEqual({ action: 'restart', delayMs: 500, attempt: 1 });
    expect(state.consecutiveCrashes).toBe(1);
  });

  it('does not treat a run just short of the stable threshold as stable', () => {
    const { decision } = decideRestart({ consecutiveCrashes: 2 }, crash({ ranForMs: DEFAULT_RESTART_POLICY.stableAfterMs - 1 }));
    expect(decision).toEqual({ action: 'restart', delayMs: 2000, attempt: 3 });
  });

  it('gives up after the configured number of consecutive restarts', () => {
    const policy = { ...DEFAULT_RESTART_POLICY, maxConsecutiveRestarts: 3 };
    let state: RestartState = INITIAL_RESTART_STATE;
    const actions: string[] = [];
    for (let i = 0; i < 4; i++) {
      const result = decideRestart(state, crash(), policy);
      state = result.state;
      actions.push(result.decision.action);
    }
    expect(actions).toEqual(['restart', 'restart', 'restart', 'give-up']);
    expect(decideRestart({ consecutiveCrashes: 3 }, crash(), policy).decision).toEqual({ action: 'give-up', crashes: 4 });
  });

  it('never restarts on the fatal exit code, even as the first exit', () => {
    expect(decideRestart(INITIAL_RESTART_STATE, crash({ exitCode: ENGINE_EXIT_FATAL })).decision).toEqual({ action: 'fatal' });
    expect(decideRestart(INITIAL_RESTART_STATE, crash({ exitCode: 78, ranForMs: 60_000 })).decision.action).toBe('fatal');
  });

  it('never restarts after the engine reported a fatal error, whatever the exit code', () => {
    expect(decideRestart(INITIAL_RESTART_STATE, crash({ exitCode: 1, fatalReported: true })).decision).toEqual({ action: 'fatal' });
  });

  it('never restarts an intentional stop, and that wins over everything else', () => {
    expect(decideRestart({ consecutiveCrashes: 3 }, crash({ intentional: true })).decision).toEqual({ action: 'stop' });
    expect(decideRestart(INITIAL_RESTART_STATE, crash({ intentional: true, exitCode: 78 })).decision).toEqual({ action: 'stop' });
  });
});
