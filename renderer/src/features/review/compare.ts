/*
 * Each figure of a show against the average of the shows before it (the plan's red light: far below its baseline
 * turns red). Pure.
 */
import { ROI_FLOOR, type SessionFigures, type SessionSummary } from '../../../../shared/protocol/index.ts';

/** Below the previous average by more than this (a share of it) is red. */
export const RED_DROP = 0.2;

/** The figures the review compares. All are "more is better" except the length of the show, which is only shown. */
export type FigureId = 'durationMs' | keyof SessionFigures;

export const LIST_FIGURES = ['durationMs', 'peakViewers', 'gmv', 'orders', 'conversionRate', 'roi'] as const satisfies readonly FigureId[];

export const KPI_FIGURES = [
  'peakViewers',
  'averageViewers',
  'uniqueViewers',
  'comments',
  'interactionRate',
  'orders',
  'gmv',
  'conversionRate',
  'uvValue',
  'gpm',
  'averageOrderValue',
  'roi',
] as const satisfies readonly FigureId[];

export function figureValue(session: SessionSummary, id: FigureId): number | null {
  const value = id === 'durationMs' ? session.durationMs : session.figures[id];
  return value !== null && Number.isFinite(value) ? value : null;
}

/** Is this figure judged (red when it falls)? The length of a show is neither good nor bad. */
export function isJudged(id: FigureId): boolean {
  return id !== 'durationMs';
}

/**
 * The shows `session` is compared with: those that started before it and have ended, broadcasts only unless
 * rehearsals are asked for too.
 */
export function previousSessions(all: readonly SessionSummary[], session: SessionSummary, includeRehearsals: boolean): SessionSummary[] {
  return all.filter(
    (s) => s.id !== session.id && s.startedAt < session.startedAt && s.endedAt !== null && (includeRehearsals || s.kind === 'broadcast'),
  );
}

/** The shows that make up an overall average: ended ones, broadcasts only unless rehearsals are asked for too. */
export function averagedSessions(all: readonly SessionSummary[], includeRehearsals: boolean): SessionSummary[] {
  return all.filter((s) => s.endedAt !== null && (includeRehearsals || s.kind === 'broadcast'));
}

/** Mean of the known values of a figure; null when no show has it (e.g. ROI before any costs were entered). */
export function averageFigure(sessions: readonly SessionSummary[], id: FigureId): number | null {
  let sum = 0;
  let n = 0;
  for (const s of sessions) {
    const v = figureValue(s, id);
    if (v === null) continue;
    sum += v;
    n += 1;
  }
  return n === 0 ? null : sum / n;
}

export interface Comparison {
  average: number;
  /** value − average. */
  difference: number;
  /** difference / average; null when the average is zero (no percentage of nothing). */
  ratio: number | null;
  direction: 'up' | 'down' | 'same';
}

/** Changes within ±0.05 % read as the same. */
const SAME = 0.0005;

export function compare(value: number | null, average: number | null): Comparison | null {
  if (value === null || average === null || !Number.isFinite(value) || !Number.isFinite(average)) return null;
  const difference = value - average;
  const ratio = average === 0 ? null : difference / Math.abs(average);
  const same = ratio === null ? difference === 0 : Math.abs(ratio) < SAME;
  return { average, difference, ratio, direction: same ? 'same' : difference > 0 ? 'up' : 'down' };
}

export type Level = 'red' | 'normal';

/**
 * Red when a judged figure is more than 20 % below the previous average, and for ROI below the plan's floor of
 * 1.5 : 1 whatever the average.
 */
export function figureLevel(id: FigureId, value: number | null, comparison: Comparison | null): Level {
  if (id === 'roi' && value !== null && value < ROI_FLOOR) return 'red';
  if (!isJudged(id) || comparison === null || comparison.ratio === null) return 'normal';
  return comparison.ratio < -RED_DROP ? 'red' : 'normal';
}

export interface FigureVerdict {
  id: FigureId;
  value: number | null;
  comparison: Comparison | null;
  level: Level;
}

/** One show's figures, each against the average of `baseline`. */
export function judgeFigures(session: SessionSummary, baseline: readonly SessionSummary[], ids: readonly FigureId[]): FigureVerdict[] {
  return ids.map((id) => {
    const value = figureValue(session, id);
    const comparison = compare(value, averageFigure(baseline, id));
    return { id, value, comparison, level: figureLevel(id, value, comparison) };
  });
}
