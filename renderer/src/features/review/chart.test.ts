import { describe, expect, it } from 'vitest';
import type { ReviewMarker, SegmentOutcome } from '../../../../shared/protocol/index.ts';
import {
  areaPath,
  bars,
  fitLabel,
  linePath,
  markerTicks,
  minuteAtX,
  minuteTicks,
  peakMinute,
  minuteWindow,
  niceAxis,
  niceStep,
  segmentBands,
  textWidth,
  xOfMinute,
  xOfTime,
  yOf,
} from './chart.ts';

describe('niceStep', () => {
  it('rounds up to 1, 2 or 5 times a power of ten', () => {
    expect(niceStep(0.7)).toBe(1);
    expect(niceStep(1)).toBe(1);
    expect(niceStep(1.3)).toBe(2);
    expect(niceStep(3)).toBe(5);
    expect(niceStep(7.5)).toBe(10);
    expect(niceStep(770)).toBe(1000);
    expect(niceStep(0.023)).toBeCloseTo(0.05);
    expect(niceStep(0)).toBe(1);
  });
});

describe('niceAxis', () => {
  it('runs from zero to a round top just above the highest value', () => {
    expect(niceAxis(3080)).toEqual({ max: 4000, ticks: [0, 1000, 2000, 3000, 4000] });
    expect(niceAxis(100)).toEqual({ max: 100, ticks: [0, 50, 100] });
  });

  it('keeps exact tops and reaches past values that are not', () => {
    expect(niceAxis(40)).toEqual({ max: 40, ticks: [0, 10, 20, 30, 40] });
    expect(niceAxis(41)).toEqual({ max: 60, ticks: [0, 20, 40, 60] });
    expect(niceAxis(38529.5).max).toBe(40000);
  });

  it('gives a flat zero series an axis', () => {
    expect(niceAxis(0)).toEqual({ max: 1, ticks: [0, 1] });
    expect(niceAxis(Number.NaN)).toEqual({ max: 1, ticks: [0, 1] });
  });

  it('keeps counts whole', () => {
    expect(niceAxis(3, 4, true)).toEqual({ max: 3, ticks: [0, 1, 2, 3] });
    expect(niceAxis(0.3, 4)).toEqual({ max: 0.3, ticks: [0, 0.1, 0.2, 0.3] });
  });
});

describe('positions', () => {
  it('puts each minute in the middle of its slot', () => {
    expect(xOfMinute(0, 4, 400)).toBe(50);
    expect(xOfMinute(3, 4, 400)).toBe(350);
  });

  it('places instants and clamps them into the plot', () => {
    expect(xOfTime(1_000 + 90_000, 1_000, 2, 400)).toBe(300);
    expect(xOfTime(0, 1_000, 2, 400)).toBe(0);
    expect(xOfTime(10_000_000, 1_000, 2, 400)).toBe(400);
  });

  it('has zero at the bottom and the top of the axis at the top', () => {
    expect(yOf(0, 100, 200)).toBe(200);
    expect(yOf(100, 100, 200)).toBe(0);
    expect(yOf(25, 100, 200)).toBe(150);
    expect(yOf(5, 0, 200)).toBe(200);
    expect(yOf(-5, 100, 200)).toBe(200);
  });
});

describe('linePath / areaPath', () => {
  it('joins the minutes', () => {
    expect(linePath([0, 50, 100], 300, 100, 100)).toBe('M50 100L150 50L250 0');
  });

  it('draws a single minute flat across the plot and nothing for none', () => {
    expect(linePath([40], 300, 100, 80)).toBe('M0 50H300');
    expect(linePath([], 300, 100, 80)).toBe('');
    expect(areaPath([], 300, 100, 80)).toBe('');
  });

  it('closes the area down to the baseline', () => {
    expect(areaPath([0, 100], 200, 100, 100)).toBe('M50 100L150 0L150 100L50 100Z');
    expect(areaPath([40], 300, 100, 80)).toBe('M0 50H300L300 100L0 100Z');
  });

  it('rounds coordinates to one decimal', () => {
    expect(linePath([1, 2], 100, 100, 3)).toBe('M25 66.7L75 33.3');
  });
});

describe('bars', () => {
  it('draws one bar per minute with a gap, none for empty minutes', () => {
    expect(bars([10, 0, 5], 300, 100, 10, 0.2)).toEqual([
      { minute: 0, x: 10, y: 0, width: 80, height: 100 },
      { minute: 2, x: 210, y: 50, width: 80, height: 50 },
    ]);
    expect(bars([], 300, 100, 10)).toEqual([]);
  });
});

describe('minuteAtX', () => {
  it('maps a click to the minute slot under it', () => {
    expect(minuteAtX(0, 600, 10)).toBe(0);
    expect(minuteAtX(59.9, 600, 10)).toBe(0);
    expect(minuteAtX(60, 600, 10)).toBe(1);
    expect(minuteAtX(599, 600, 10)).toBe(9);
  });

  it('clamps clicks on the edges and survives odd input', () => {
    expect(minuteAtX(-3, 600, 10)).toBe(0);
    expect(minuteAtX(600, 600, 10)).toBe(9);
    expect(minuteAtX(800, 600, 10)).toBe(9);
    expect(minuteAtX(10, 0, 10)).toBe(0);
    expect(minuteAtX(10, 600, 0)).toBe(0);
    expect(minuteAtX(Number.NaN, 600, 10)).toBe(0);
  });

  it('round-trips with the middle of a slot', () => {
    for (let m = 0; m < 7; m++) expect(minuteAtX(xOfMinute(m, 7, 700), 700, 7)).toBe(m);
  });

  it('gives the minute as a time window', () => {
    expect(minuteWindow(1_000, 2)).toEqual({ from: 121_000, to: 181_000 });
  });
});

function outcome(segmentId: string, startedAt: number | null, endedAt: number | null): SegmentOutcome {
  return {
    segmentId,
    title: segmentId,
    kind: 'product',
    plannedMs: 60_000,
    actualMs: startedAt === null ? null : 60_000,
    startedAt,
    endedAt,
    comments: 0,
    orders: 0,
    gmv: 0,
    averageViewers: null,
  };
}

describe('segmentBands', () => {
  it('places segments that ran in running order and skips the others', () => {
    const segments = [outcome('b', 60_000, 120_000), outcome('a', 0, 60_000), outcome('never', null, null)];
    expect(segmentBands(segments, 0, 120_000, 2, 200)).toEqual([
      { segmentId: 'a', title: 'a', index: 0, x: 0, width: 100 },
      { segmentId: 'b', title: 'b', index: 1, x: 100, width: 100 },
    ]);
  });

  it('stretches a segment still running to the end and clamps one starting before the session', () => {
    expect(segmentBands([outcome('a', -1, null)], 0, 90_000, 2, 200)).toEqual([{ segmentId: 'a', title: 'a', index: 0, x: 0, width: 150 }]);
  });
});

describe('markerTicks', () => {
  it('turns markers into ticks, leaving segment starts to the bands', () => {
    const markers: ReviewMarker[] = [
      { at: 30_000, kind: 'segment', label: 'Opening' },
      { at: 30_000, kind: 'pin', label: 'a: b' },
      { at: 90_000, kind: 'gap', label: 'relay' },
    ];
    expect(markerTicks(markers, 0, 2, 200).map((t) => [t.x, t.marker.kind])).toEqual([
      [50, 'pin'],
      [150, 'gap'],
    ]);
  });
});

describe('fitLabel', () => {
  it('keeps labels that fit and cuts the others with an ellipsis', () => {
    expect(fitLabel('Opening', 100, 10)).toBe('Opening');
    expect(fitLabel('Product introduction', 60, 10)).toBe('Product i…');
    expect(fitLabel('开场预热', 30, 10)).toBe('开场…');
    expect(fitLabel('Opening', 5, 10)).toBe('');
  });

  it('counts wide characters as wider', () => {
    expect(textWidth('ab', 10)).toBe(12);
    expect(textWidth('开场', 10)).toBe(20);
  });
});

describe('minuteTicks', () => {
  it('labels round minutes, about eight of them', () => {
    expect(minuteTicks(2)).toEqual([0, 1, 2]);
    expect(minuteTicks(93)).toEqual([0, 20, 40, 60, 80]);
    expect(minuteTicks(40)).toEqual([0, 5, 10, 15, 20, 25, 30, 35, 40]);
    expect(minuteTicks(0)).toEqual([]);
  });
});

describe('peakMinute', () => {
  it('finds the first highest minute', () => {
    expect(peakMinute([1, 5, 5, 2])).toBe(1);
    expect(peakMinute([0, 0])).toBeNull();
    expect(peakMinute([])).toBeNull();
  });
});
