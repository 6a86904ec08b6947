import { describe, expect, it } from 'vitest';
import {
  describeDrift,
  engineToLocal,
  formatClock,
  formatLongClock,
  formatMmSs,
  formatRemaining,
  parseClock,
  remainingState,
} from './timeFormat.ts';

describe('formatMmSs / formatClock', () => {
  it('pads minutes and seconds and keeps counting minutes past an hour', () => {
    expect(formatMmSs(0)).toBe('00:00');
    expect(formatMmSs(65)).toBe('01:05');
    expect(formatMmSs(5_400)).toBe('90:00');
    expect(formatMmSs(-3)).toBe('00:00');
  });

  it('drops the second not yet complete', () => {
    expect(formatClock(59_999)).toBe('00:59');
    expect(formatClock(60_000)).toBe('01:00');
    expect(formatClock(-10)).toBe('00:00');
  });

  it('shows hours for long durations', () => {
    expect(formatLongClock(30 * 60_000)).toBe('30:00');
    expect(formatLongClock(90 * 60_000 + 5_000)).toBe('1:30:05');
  });
});

describe('formatRemaining', () => {
  it('counts a running second as left', () => {
    expect(formatRemaining(300_000)).toBe('05:00');
    expect(formatRemaining(299_001)).toBe('05:00');
    expect(formatRemaining(299_000)).toBe('04:59');
    expect(formatRemaining(1)).toBe('00:01');
    expect(formatRemaining(0)).toBe('00:00');
  });

  it('shows an over-run with a plus sign', () => {
    expect(formatRemaining(-1)).toBe('+00:00');
    expect(formatRemaining(-7_500)).toBe('+00:07');
    expect(formatRemaining(-80_000)).toBe('+01:20');
  });
});

describe('remainingState', () => {
  it('warns in the last minute and is over past zero', () => {
    expect(remainingState(60_001)).toBe('normal');
    expect(remainingState(60_000)).toBe('warning');
    expect(remainingState(0)).toBe('warning');
    expect(remainingState(-1)).toBe('over');
  });
});

describe('describeDrift', () => {
  it('says behind for positive drift and ahead for negative', () => {
    expect(describeDrift(80_000)).toEqual({ kind: 'behind', time: '1:20' });
    expect(describeDrift(-30_400)).toEqual({ kind: 'ahead', time: '0:30' });
    expect(describeDrift(3_725_000)).toEqual({ kind: 'behind', time: '62:05' });
  });

  it('is on time within a second', () => {
    expect(describeDrift(999)).toEqual({ kind: 'on_time', time: '0:00' });
    expect(describeDrift(-999)).toEqual({ kind: 'on_time', time: '0:00' });
  });
});

describe('parseClock', () => {
  it('reads mm:ss, h:mm:ss and bare minutes', () => {
    expect(parseClock('5:00')).toBe(300_000);
    expect(parseClock(' 05:30 ')).toBe(330_000);
    expect(parseClock('90:30')).toBe(5_430_000);
    expect(parseClock('1:30:00')).toBe(5_400_000);
    expect(parseClock('5')).toBe(300_000);
    expect(parseClock('2.5')).toBe(150_000);
    expect(parseClock('0:00')).toBe(0);
  });

  it('accepts a full-width colon typed with a Chinese input method', () => {
    expect(parseClock('3：15')).toBe(195_000);
  });

  it('refuses anything else', () => {
    for (const bad of ['', 'abc', '5:60', '5:5', '-1:00', '1:75:00', '5m', '1:2:3:4', '1e3']) expect(parseClock(bad), bad).toBeNull();
  });
});

describe('engineToLocal', () => {
  it('shifts an engine instant by the clock offset', () => {
    expect(engineToLocal(10_000, 5_000, 4_000)).toBe(9_000);
  });
});
