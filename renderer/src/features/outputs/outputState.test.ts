import { describe, expect, it } from 'vitest';
import type { ObsOutput } from '../../../../shared/protocol/index.ts';
import { outputAction, outputDisplayState } from './outputState.ts';

const idle: ObsOutput = { active: false, transitioning: false, reconnecting: false, paused: false, startedAt: null, pausedAt: null, pausedMs: 0, lastFile: null };

describe('outputDisplayState', () => {
  it('maps the idle and live outputs', () => {
    expect(outputDisplayState(idle)).toBe('idle');
    expect(outputDisplayState({ ...idle, active: true, startedAt: 5 })).toBe('live');
  });

  it('tells starting from stopping by whether the output is active yet', () => {
    expect(outputDisplayState({ ...idle, transitioning: true })).toBe('starting');
    expect(outputDisplayState({ ...idle, transitioning: true, active: true })).toBe('stopping');
  });

  it('shows a reconnecting stream, and a stop requested while reconnecting as stopping', () => {
    expect(outputDisplayState({ ...idle, active: true, reconnecting: true })).toBe('reconnecting');
    expect(outputDisplayState({ ...idle, active: true, reconnecting: true, transitioning: true })).toBe('stopping');
  });
});

describe('outputAction', () => {
  it('starts when idle, stops when on air, waits in between', () => {
    expect(outputAction('idle')).toBe('start');
    expect(outputAction('live')).toBe('stop');
    expect(outputAction('reconnecting')).toBe('stop');
    expect(outputAction('starting')).toBeNull();
    expect(outputAction('stopping')).toBeNull();
  });
});
