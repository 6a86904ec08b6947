import { describe, expect, it } from 'vitest';
import { applyOutputState, IDLE_OUTPUTS } from './obs-mirror.ts';

const S = (s: string) => `OBS_WEBSOCKET_OUTPUT_${s}`;

describe('applyOutputState: recording pauses', () => {
  it('keeps the pause instants so the timecode leaves paused time out', () => {
    let r = applyOutputState(IDLE_OUTPUTS.record, S('STARTED'), true, 1_000);
    expect(r).toMatchObject({ active: true, startedAt: 1_000, pausedAt: null, pausedMs: 0 });
    // OBS 29 sends PAUSED with outputActive false; the recording is still running.
    r = applyOutputState(r, S('PAUSED'), false, 11_000);
    expect(r.active).toBe(true);
    expect(r).toMatchObject({ paused: true, pausedAt: 11_000, pausedMs: 0 });
    // A repeated event does not move the pause's start.
    r = applyOutputState(r, S('PAUSED'), true, 12_000);
    expect(r.pausedAt).toBe(11_000);
    r = applyOutputState(r, S('RESUMED'), true, 16_000);
    expect(r).toMatchObject({ paused: false, pausedAt: null, pausedMs: 5_000 });
    r = applyOutputState(r, S('PAUSED'), true, 20_000);
    r = applyOutputState(r, S('RESUMED'), true, 23_000);
    expect(r.pausedMs).toBe(8_000);
  });

  it('forgets pauses when the recording stops or starts again', () => {
    let r = applyOutputState(IDLE_OUTPUTS.record, S('STARTED'), true, 0);
    r = applyOutputState(r, S('PAUSED'), true, 5_000);
    r = applyOutputState(r, S('STOPPED'), false, 9_000, '/rec/show.mkv');
    expect(r).toMatchObject({ active: false, paused: false, startedAt: null, pausedAt: null, pausedMs: 0, lastFile: '/rec/show.mkv' });
    r = applyOutputState(r, S('STARTED'), true, 20_000);
    expect(r).toMatchObject({ startedAt: 20_000, pausedMs: 0, pausedAt: null });
  });
});
