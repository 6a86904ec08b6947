import type { HealthThresholds } from '../../../../shared/protocol/index.ts';

export type ThresholdKey = keyof HealthThresholds;
export type ThresholdLevel = 'warn' | 'alarm';

interface FieldSpec {
  key: ThresholdKey;
  /** The form shows ratios as percentages: the stored value times `scale`. */
  scale: number;
  /** 'above': bigger is worse, so warn ≤ alarm; 'below': smaller is worse, so warn ≥ alarm. */
  worse: 'above' | 'below';
  /** Largest value that makes sense in the form's unit (percentages stop at 100). */
  max: number | null;
}

export const THRESHOLD_FIELDS: readonly FieldSpec[] = [
  { key: 'cpuPercent', scale: 1, worse: 'above', max: 100 },
  { key: 'fpsRatio', scale: 100, worse: 'below', max: 100 },
  { key: 'skippedPct', scale: 1, worse: 'above', max: 100 },
  { key: 'congestion', scale: 100, worse: 'above', max: 100 },
  { key: 'minStreamKbps', scale: 1, worse: 'below', max: null },
  { key: 'diskFreeMb', scale: 1, worse: 'below', max: null },
];

export type ThresholdsDraft = Record<ThresholdKey, Record<ThresholdLevel, string>>;

export type ThresholdProblem = 'not_a_number' | 'out_of_range' | 'order';

export interface ThresholdError {
  key: ThresholdKey;
  /** The field to mark; an ordering problem marks both. */
  level: ThresholdLevel | 'both';
  problem: ThresholdProblem;
}

export type ParsedThresholds = { ok: true; value: HealthThresholds } | { ok: false; errors: ThresholdError[] };

/** Avoids 0.95 × 100 showing as 95.00000000000001. */
function show(value: number): string {
  return String(Number(value.toFixed(6)));
}

export function thresholdsToDraft(thresholds: HealthThresholds): ThresholdsDraft {
  const draft = {} as ThresholdsDraft;
  for (const { key, scale } of THRESHOLD_FIELDS) {
    draft[key] = { warn: show(thresholds[key].warn * scale), alarm: show(thresholds[key].alarm * scale) };
  }
  return draft;
}

function parseNumber(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

/** The form back to thresholds, with every problem named so each field can say what is wrong. */
export function parseThresholdsDraft(draft: ThresholdsDraft): ParsedThresholds {
  const errors: ThresholdError[] = [];
  const value = {} as HealthThresholds;
  for (const { key, scale, worse, max } of THRESHOLD_FIELDS) {
    const pair: Partial<Record<ThresholdLevel, number>> = {};
    for (const level of ['warn', 'alarm'] as const) {
      const n = parseNumber(draft[key][level]);
      if (n === null) errors.push({ key, level, problem: 'not_a_number' });
      else if (n < 0 || (max !== null && n > max)) errors.push({ key, level, problem: 'out_of_range' });
      else pair[level] = n;
    }
    const { warn, alarm } = pair;
    if (warn === undefined || alarm === undefined) continue;
    if (worse === 'above' ? warn > alarm : warn < alarm) {
      errors.push({ key, level: 'both', problem: 'order' });
      continue;
    }
    value[key] = { warn: warn / scale, alarm: alarm / scale };
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value };
}
