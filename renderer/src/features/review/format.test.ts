import { describe, expect, it } from 'vitest';
import { withoutBidiControls, formatChange, formatCompact, formatTimeOfDay, formatDateTime, formatDuration, formatMmSs, formatRoi, formatSignedMmSs, isolate } from './format.ts';

describe('formatMmSs', () => {
  it('writes whole seconds as mm:ss and keeps counting minutes past an hour', () => {
    expect(formatMmSs(0)).toBe('00:00');
    expect(formatMmSs(46_258)).toBe('00:46');
    expect(formatMmSs(300_000)).toBe('05:00');
    expect(formatMmSs(4_500_000)).toBe('75:00');
  });

  it('rounds to the nearest second and never goes negative', () => {
    expect(formatMmSs(59_600)).toBe('01:00');
    expect(formatMmSs(-5_000)).toBe('00:00');
    expect(formatMmSs(Number.NaN)).toBe('00:00');
  });
});

describe('formatSignedMmSs', () => {
  it('signs over-runs and under-runs', () => {
    expect(formatSignedMmSs(80_000)).toBe('+01:20');
    expect(formatSignedMmSs(-45_000)).toBe('−00:45');
    expect(formatSignedMmSs(-253_742)).toBe('−04:14');
  });

  it('reads on time within half a second', () => {
    expect(formatSignedMmSs(0)).toBe('00:00');
    expect(formatSignedMmSs(400)).toBe('00:00');
    expect(formatSignedMmSs(Number.POSITIVE_INFINITY)).toBe('—');
  });
});

describe('formatDuration', () => {
  it('uses mm:ss below an hour and h:mm:ss from one hour on', () => {
    expect(formatDuration(93_284)).toBe('01:33');
    expect(formatDuration(3_599_000)).toBe('59:59');
    expect(formatDuration(3_600_000)).toBe('1:00:00');
    expect(formatDuration(2 * 3_600_000 + 5 * 60_000 + 7_000)).toBe('2:05:07');
    expect(formatDuration(-1)).toBe('00:00');
  });
});

describe('formatDateTime', () => {
  it('shows the local date and a 24-hour time', () => {
    const at = new Date(2026, 2, 14, 20, 5, 30).getTime();
    expect(formatDateTime(at, 'en')).toContain('20:05');
    expect(formatDateTime(at, 'en')).toContain('2026');
    expect(formatDateTime(at, 'zh-CN')).toBe('2026/03/14 20:05');
    expect(formatDateTime(Number.NaN, 'en')).toBe('—');
  });
});

describe('formatChange', () => {
  it('signs the change with one decimal', () => {
    expect(formatChange(0.123, 'en')).toBe('+12.3%');
    expect(formatChange(-0.25, 'en')).toBe('−25.0%');
    expect(formatChange(12.5, 'en')).toBe('+1,250.0%');
  });

  it('shows no sign for no change', () => {
    expect(formatChange(0, 'en')).toBe('0.0%');
    expect(formatChange(-0.0004, 'en')).toBe('0.0%');
    expect(formatChange(Number.NaN, 'en')).toBe('—');
  });
});

describe('formatRoi', () => {
  it('writes ROI the way the plan does', () => {
    expect(formatRoi(2.345, 'en')).toBe('2.35 : 1');
    expect(formatRoi(1.5, 'zh-CN')).toBe('1.50 : 1');
    expect(formatRoi(null, 'en')).toBe('—');
  });
});

describe('isolate', () => {
  it('wraps text in a directional isolate so an override inside cannot leak', () => {
    expect(isolate('\u202Enimda')).toBe('\u2068\u202Enimda\u2069');
  });
});

describe('formatCompact', () => {
  it('shortens axis numbers the way each language reads them', () => {
    expect(formatCompact(40_000, 'en')).toBe('40K');
    expect(formatCompact(40_000, 'zh-CN')).toBe('4万');
    expect(formatCompact(2_500, 'en')).toBe('2.5K');
    expect(formatCompact(0.05, 'en')).toBe('0.1');
    expect(formatCompact(750, 'en')).toBe('750');
  });
});

describe('formatTimeOfDay', () => {
  it('shows the local time, 24-hour', () => {
    const at = new Date(2026, 2, 14, 9, 5, 7).getTime();
    expect(formatTimeOfDay(at)).toBe('09:05');
    expect(formatTimeOfDay(at, true)).toBe('09:05:07');
    expect(formatTimeOfDay(Number.NaN)).toBe('--:--');
  });
});

describe('withoutBidiControls', () => {
  it('drops overrides, embeddings and isolates but keeps the text', () => {
    expect(withoutBidiControls('\u202Enimda: <b>下单了</b>')).toBe('nimda: <b>下单了</b>');
    expect(withoutBidiControls('a\u2066b\u2069c\u202Ad\u202C')).toBe('abcd');
    expect(withoutBidiControls('مرحبا hello')).toBe('مرحبا hello');
  });
});
