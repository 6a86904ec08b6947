import { describe, expect, it } from 'vitest';
import { parseDurationMs, transitionProgress } from './transition.ts';

describe('transitionProgress', () => {
  it('is idle when no transition runs', () => {
    expect(transitionProgress({ runningSince: null, durationMs: 300 }, 1_000)).toEqual({ kind: 'idle' });
  });

  it('fills over the duration from the engine start instant', () => {
    expect(transitionProgress({ runningSince: 1_000, durationMs: 400 }, 1_100)).toEqual({ kind: 'running', fraction: 0.25 });
    expect(transitionProgress({ runningSince: 1_000, durationMs: 400 }, 990)).toEqual({ kind: 'running', fraction: 0 });
  });

  it('waits for OBS past the duration, or without one', () => {
    expect(transitionProgress({ runningSince: 1_000, durationMs: 400 }, 1_400)).toEqual({ kind: 'finishing' });
    expect(transitionProgress({ runningSince: 1_000, durationMs: null }, 1_001)).toEqual({ kind: 'finishing' });
  });
});

describe('parseDurationMs', () => {
  it('accepts whole milliseconds within 50–20000', () => {
    expect(parseDurationMs('300')).toBe(300);
    expect(parseDurationMs(' 50 ')).toBe(50);
    expect(parseDurationMs('20000')).toBe(20_000);
  });

  it('refuses anything else', () => {
    for (const text of ['', '49', '20001', '12.5', '-300', 'abc', '3e2']) expect(parseDurationMs(text), text).toBeNull();
  });
});
