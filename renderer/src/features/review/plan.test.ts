import { describe, expect, it } from 'vitest';
import type { SaleOutcome, SegmentOutcome } from '../../../../shared/protocol/index.ts';
import { planTotals, segmentRow, sellThrough } from './plan.ts';

function outcome(plannedMs: number, actualMs: number | null, more: Partial<SegmentOutcome> = {}): SegmentOutcome {
  return {
    segmentId: 's',
    title: 'Opening',
    kind: 'opening',
    plannedMs,
    actualMs,
    startedAt: actualMs === null ? null : 0,
    endedAt: actualMs === null ? null : actualMs,
    comments: 10,
    orders: 2,
    gmv: 100.1,
    averageViewers: null,
    ...more,
  };
}

describe('segmentRow', () => {
  it('is red only when the segment ran more than 10 % over', () => {
    expect(segmentRow(outcome(300_000, 330_000))).toMatchObject({ differenceMs: 30_000, differenceRatio: 0.1, level: 'normal' });
    expect(segmentRow(outcome(300_000, 331_000)).level).toBe('red');
    expect(segmentRow(outcome(300_000, 46_258))).toMatchObject({ differenceMs: -253_742, level: 'normal' });
  });

  it('marks segments that never ran', () => {
    expect(segmentRow(outcome(300_000, null))).toMatchObject({ differenceMs: null, differenceRatio: null, level: 'skipped' });
  });

  it('has no ratio for a segment without a planned length', () => {
    expect(segmentRow(outcome(0, 5_000))).toMatchObject({ differenceMs: 5_000, differenceRatio: null, level: 'normal' });
  });
});

describe('planTotals', () => {
  it('adds up the plan and what ran', () => {
    const totals = planTotals([outcome(300_000, 46_258), outcome(600_000, 47_027), outcome(600_000, null, { comments: 0, orders: 0, gmv: 0 })]);
    expect(totals).toEqual({
      plannedMs: 1_500_000,
      actualMs: 93_285,
      plannedRanMs: 900_000,
      ran: 2,
      skipped: 1,
      comments: 20,
      orders: 4,
      gmv: 200.2,
    });
  });
});

describe('sellThrough', () => {
  const sale: SaleOutcome = { planId: 'p', productId: 'x', productName: 'X', status: 'ended', quantity: 50, sold: 40, orders: 38, openedAt: 1, closedAt: 2 };
  it('is the share of the stock sold', () => {
    expect(sellThrough(sale)).toBe(0.8);
    expect(sellThrough({ ...sale, quantity: 0 })).toBeNull();
  });
});
