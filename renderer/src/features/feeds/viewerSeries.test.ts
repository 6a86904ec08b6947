import { describe, expect, it } from 'vitest';
import type { MetricsSnapshot } from '../../../../shared/feeds/metrics.ts';
import { EMPTY_VIEWER_SERIES, curvePath, downsample, sampleViewers, type ViewerSeries } from './viewerSeries.ts';

function snap(at: number, now: number, startedAt: number | null = 0): MetricsSnapshot {
  return { at, startedAt, viewers: { now, peak: now, average: now, cumulative: null } } as MetricsSnapshot;
}

describe('sampleViewers', () => {
  it('adds one point per engine second', () => {
    let s: ViewerSeries = EMPTY_VIEWER_SERIES;
    s = sampleViewers(s, snap(1_000, 10));
    s = sampleViewers(s, snap(1_500, 11)); // same second: ignored
    s = sampleViewers(s, snap(2_010, 12));
    expect(s.points).toEqual([
      { at: 1_000, value: 10 },
      { at: 2_010, value: 12 },
    ]);
  });

  it('returns the same series when nothing is added', () => {
    const s = sampleViewers(EMPTY_VIEWER_SERIES, snap(1_000, 10));
    expect(sampleViewers(s, snap(1_200, 10))).toBe(s);
    expect(sampleViewers(EMPTY_VIEWER_SERIES, snap(1_000, 0, null))).toBe(EMPTY_VIEWER_SERIES);
  });

  it('is bounded, dropping the oldest points', () => {
    let s: ViewerSeries = EMPTY_VIEWER_SERIES;
    for (let i = 0; i < 10; i++) s = sampleViewers(s, snap(i * 1_000, i), 4);
    expect(s.points.map((p) => p.value)).toEqual([6, 7, 8, 9]);
  });

  it('starts again for a new session or a step back in time', () => {
    let s = sampleViewers(sampleViewers(EMPTY_VIEWER_SERIES, snap(1_000, 10)), snap(2_000, 20));
    s = sampleViewers(s, snap(3_000, 5, 2_500)); // the simulator restarted: metrics from zero
    expect(s).toEqual({ startedAt: 2_500, points: [{ at: 3_000, value: 5 }] });
    s = sampleViewers(s, snap(1_000, 7, 2_500));
    expect(s.points).toEqual([{ at: 1_000, value: 7 }]);
    expect(sampleViewers(s, snap(5_000, 0, null))).toEqual(EMPTY_VIEWER_SERIES);
  });
});

describe('downsample', () => {
  it('keeps short series as they are', () => {
    const points = [{ at: 0, value: 1 }];
    expect(downsample(points, 10)).toEqual(points);
  });

  it('averages consecutive points into at most the number of buckets', () => {
    const points = Array.from({ length: 8 }, (_, i) => ({ at: i, value: i }));
    expect(downsample(points, 4)).toEqual([
      { at: 1, value: 0.5 },
      { at: 3, value: 2.5 },
      { at: 5, value: 4.5 },
      { at: 7, value: 6.5 },
    ]);
    expect(downsample(Array.from({ length: 7_200 }, (_, i) => ({ at: i, value: 1 })), 240)).toHaveLength(240);
  });
});

describe('curvePath', () => {
  it('draws time left to right with the highest value at the top', () => {
    expect(
      curvePath(
        [
          { at: 0, value: 0 },
          { at: 50, value: 100 },
          { at: 100, value: 50 },
        ],
        200,
        40,
      ),
    ).toBe('M0 40L100 0L200 20');
  });

  it('draws a flat line for one point and nothing for none', () => {
    expect(curvePath([{ at: 5, value: 10 }], 200, 40)).toBe('M0 0H200');
    expect(curvePath([{ at: 5, value: 0 }], 200, 40)).toBe('M0 40H200');
    expect(curvePath([], 200, 40)).toBe('');
  });
});
