/* Planned against actual, per segment of the script (Ontime's users miss exactly this export). Pure. */
import type { SaleOutcome, SegmentOutcome } from '../../../../shared/protocol/index.ts';

/** Running longer than planned by more than this share of the plan is red. */
export const OVERRUN_RED = 0.1;

export type SegmentLevel = 'red' | 'normal' | 'skipped';

export interface SegmentRow {
  outcome: SegmentOutcome;
  /** actual − planned; null for a segment that never ran. */
  differenceMs: number | null;
  /** differenceMs / planned; null when it never ran or had no planned length. */
  differenceRatio: number | null;
  level: SegmentLevel;
}

export function segmentRow(outcome: SegmentOutcome): SegmentRow {
  if (outcome.actualMs === null) return { outcome, differenceMs: null, differenceRatio: null, level: 'skipped' };
  const differenceMs = outcome.actualMs - outcome.plannedMs;
  const differenceRatio = outcome.plannedMs > 0 ? differenceMs / outcome.plannedMs : null;
  const level = differenceRatio !== null && differenceRatio > OVERRUN_RED ? 'red' : 'normal';
  return { outcome, differenceMs, differenceRatio, level };
}

export interface PlanTotals {
  plannedMs: number;
  /** Actual time of the segments that ran. */
  actualMs: number;
  /** Planned time of the segments that ran, to compare like with like. */
  plannedRanMs: number;
  ran: number;
  skipped: number;
  comments: number;
  orders: number;
  gmv: number;
}

export function planTotals(outcomes: readonly SegmentOutcome[]): PlanTotals {
  const totals: PlanTotals = { plannedMs: 0, actualMs: 0, plannedRanMs: 0, ran: 0, skipped: 0, comments: 0, orders: 0, gmv: 0 };
  for (const o of outcomes) {
    totals.plannedMs += o.plannedMs;
    if (o.actualMs === null) totals.skipped += 1;
    else {
      totals.ran += 1;
      totals.actualMs += o.actualMs;
      totals.plannedRanMs += o.plannedMs;
    }
    totals.comments += o.comments;
    totals.orders += o.orders;
    totals.gmv += o.gmv;
  }
  totals.gmv = Math.round(totals.gmv * 100) / 100;
  return totals;
}

/** Share of a flash sale's stock that sold; null without stock. */
export function sellThrough(sale: SaleOutcome): number | null {
  return sale.quantity > 0 ? sale.sold / sale.quantity : null;
}
