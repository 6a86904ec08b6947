import { describe, expect, it } from 'vitest';
import type { SessionSummary } from '../../../../shared/protocol/index.ts';
import {
  LIST_FIGURES,
  averageFigure,
  averagedSessions,
  compare,
  figureLevel,
  figureValue,
  judgeFigures,
  previousSessions,
} from './compare.ts';

function session(id: string, startedAt: number, figures: Partial<SessionSummary['figures']> = {}, more: Partial<SessionSummary> = {}): SessionSummary {
  return {
    id,
    kind: 'broadcast',
    title: id,
    startedAt,
    endedAt: startedAt + 3_600_000,
    durationMs: 3_600_000,
    costs: null,
    figures: {
      peakViewers: 1000,
      averageViewers: 500,
      uniqueViewers: 2000,
      comments: 300,
      interactionRate: 0.2,
      orders: 100,
      gmv: 10_000,
      conversionRate: 0.05,
      uvValue: 5,
      gpm: null,
      averageOrderValue: 100,
      roi: null,
      ...figures,
    },
    ...more,
  };
}

describe('previousSessions', () => {
  const a = session('a', 1_000);
  const b = session('b', 2_000, {}, { kind: 'rehearsal' });
  const c = session('c', 3_000, {}, { endedAt: null });
  const d = session('d', 4_000);
  const all = [d, c, b, a];

  it('takes the ended broadcasts that started earlier', () => {
    expect(previousSessions(all, d, false).map((s) => s.id)).toEqual(['a']);
    expect(previousSessions(all, a, false)).toEqual([]);
  });

  it('adds rehearsals only when asked', () => {
    expect(previousSessions(all, d, true).map((s) => s.id)).toEqual(['b', 'a']);
  });

  it('averages ended shows only', () => {
    expect(averagedSessions(all, false).map((s) => s.id)).toEqual(['d', 'a']);
    expect(averagedSessions(all, true).map((s) => s.id)).toEqual(['d', 'b', 'a']);
  });
});

describe('averageFigure', () => {
  it('averages the known values and skips missing ones', () => {
    const list = [session('a', 1, { gmv: 100, roi: null }), session('b', 2, { gmv: 300, roi: 3 })];
    expect(averageFigure(list, 'gmv')).toBe(200);
    expect(averageFigure(list, 'roi')).toBe(3);
    expect(averageFigure([], 'gmv')).toBeNull();
    expect(averageFigure(list, 'durationMs')).toBe(3_600_000);
  });
});

describe('compare', () => {
  it('gives the difference, its share of the average and a direction', () => {
    expect(compare(120, 100)).toEqual({ average: 100, difference: 20, ratio: 0.2, direction: 'up' });
    expect(compare(75, 100)).toEqual({ average: 100, difference: -25, ratio: -0.25, direction: 'down' });
    expect(compare(100, 100)?.direction).toBe('same');
  });

  it('has no percentage against a zero average', () => {
    expect(compare(5, 0)).toEqual({ average: 0, difference: 5, ratio: null, direction: 'up' });
    expect(compare(0, 0)?.direction).toBe('same');
  });

  it('compares nothing when a side is missing', () => {
    expect(compare(null, 10)).toBeNull();
    expect(compare(10, null)).toBeNull();
  });
});

describe('figureLevel (the red rule)', () => {
  it('is red more than 20 % below the previous average', () => {
    expect(figureLevel('gmv', 79, compare(79, 100))).toBe('red');
    expect(figureLevel('gmv', 80, compare(80, 100))).toBe('normal');
    expect(figureLevel('gmv', 150, compare(150, 100))).toBe('normal');
    expect(figureLevel('orders', 0, compare(0, 10))).toBe('red');
  });

  it('never judges the length of a show', () => {
    expect(figureLevel('durationMs', 10, compare(10, 100))).toBe('normal');
  });

  it('is red for ROI under 1.5 whatever the average', () => {
    expect(figureLevel('roi', 1.4, null)).toBe('red');
    expect(figureLevel('roi', 1.4, compare(1.4, 1.2))).toBe('red');
    expect(figureLevel('roi', 1.5, null)).toBe('normal');
    expect(figureLevel('roi', 2, compare(2, 3))).toBe('red');
    expect(figureLevel('roi', null, null)).toBe('normal');
  });

  it('is not red without a baseline', () => {
    expect(figureLevel('gmv', 0, null)).toBe('normal');
  });
});

describe('judgeFigures', () => {
  it('judges each figure against the average of the baseline', () => {
    const baseline = [session('a', 1, { gmv: 10_000, orders: 100 }), session('b', 2, { gmv: 20_000, orders: 100 })];
    const now = session('c', 3, { gmv: 10_000, orders: 120, conversionRate: null, roi: 1.2 });
    const byId = Object.fromEntries(judgeFigures(now, baseline, LIST_FIGURES).map((v) => [v.id, v]));
    expect(byId.gmv?.comparison?.ratio).toBeCloseTo(-1 / 3);
    expect(byId.gmv?.level).toBe('red');
    expect(byId.orders?.level).toBe('normal');
    expect(byId.orders?.comparison?.direction).toBe('up');
    expect(byId.conversionRate?.comparison).toBeNull();
    expect(byId.roi?.level).toBe('red');
    expect(figureValue(now, 'durationMs')).toBe(3_600_000);
  });
});
