/*
 * Two shows side by side (the plan's script A/B tests, usually two rehearsals of different scripts): the earlier is
 * A, the later B, each figure of B against A. Pure.
 */
import type { SessionSummary } from '../../../../shared/protocol/index.ts';
import { compare, figureValue, KPI_FIGURES, type Comparison, type FigureId } from './compare.ts';

/** At most two shows are picked; picking a third lets go of the one picked first. */
export function togglePick(picked: readonly string[], id: string): string[] {
  if (picked.includes(id)) return picked.filter((p) => p !== id);
  return [...picked, id].slice(-2);
}

export interface AbRow {
  id: FigureId;
  a: number | null;
  b: number | null;
  /** B against A. */
  change: Comparison | null;
}

export interface AbComparison {
  a: SessionSummary;
  b: SessionSummary;
  rows: AbRow[];
}

export const AB_FIGURES = ['durationMs', ...KPI_FIGURES] as const satisfies readonly FigureId[];

/** Null until two of the listed shows are picked. */
export function abCompare(sessions: readonly SessionSummary[], picked: readonly string[]): AbComparison | null {
  const chosen = sessions.filter((s) => picked.includes(s.id));
  if (chosen.length !== 2) return null;
  const [a, b] = [...chosen].sort((x, y) => x.startedAt - y.startedAt) as [SessionSummary, SessionSummary];
  return {
    a,
    b,
    rows: AB_FIGURES.map((id) => {
      const av = figureValue(a, id);
      const bv = figureValue(b, id);
      return { id, a: av, b: bv, change: compare(bv, av) };
    }),
  };
}
