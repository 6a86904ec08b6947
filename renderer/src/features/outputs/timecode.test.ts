import { describe, expect, it } from 'vitest';
import { formatDuration, timecodeAt } from './timecode.ts';

describe('formatDuration', () => {
  it('shows hours, minutes and seconds, truncating partial seconds', () => {
    expect(formatDuration(0)).toBe('00:00:00');
    expect(formatDuration(999)).toBe('00:00:00');
    expect(formatDuration(1_000)).toBe('00:00:01');
    expect(formatDuration(61_500)).toBe('00:01:01');
    expect(formatDuration(3_600_000 + 2 * 60_000 + 3_000)).toBe('01:02:03');
  });

  it('keeps counting hours past a day and never goes negative', () => {
    expect(formatDuration(100 * 3_600_000)).toBe('100:00:00');
    expect(formatDuration(-5_000)).toBe('00:00:00');
  });
});

describe('timecodeAt', () => {
  it('derives the time on air from the start instant and the engine clock', () => {
    expect(timecodeAt(1_000_000, 1_000_000 + 45_250)).toBe('00:00:45');
    expect(timecodeAt(null, 5_000)).toBeNull();
  });

  it('stands still during a pause and leaves earlier pauses out', () => {
    // Live at 0, paused 10 s → 15 s earlier, paused again from 40 s: stays at 25 s however late it is read.
    expect(timecodeAt(0, 90_000, { pausedAt: 40_000, pausedMs: 5_000 })).toBe('00:00:35');
    expect(timecodeAt(0, 40_000, { pausedAt: null, pausedMs: 5_000 })).toBe('00:00:35');
    expect(timecodeAt(0, 41_000, { pausedAt: 40_000, pausedMs: 5_000 })).toBe('00:00:35');
  });

  it('shows zero when the local estimate of the engine clock is slightly behind the start', () => {
    expect(timecodeAt(10_000, 9_800)).toBe('00:00:00');
  });
});
