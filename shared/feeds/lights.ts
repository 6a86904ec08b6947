import { z } from 'zod';

/** The operations plan's traffic lights; `none` while there is too little data to judge. */
export const Light = z.enum(['green', 'yellow', 'red', 'none']);
export type Light = z.infer<typeof Light>;

export interface DropThresholds {
  /** Fractional drop from the baseline that turns the light yellow (0.15 = 15% down). */
  yellow: number;
  /** Fractional drop that turns it red; should be ≥ yellow. */
  red: number;
  /** A baseline below this says too little to judge (5 viewers dropping to 3 is not news). */
  minBaseline: number;
}

/** Colour for `current` measured against the show's own `baseline`: only drops count, rises stay green. */
export function dropLight(current: number, baseline: number | null, t: DropThresholds): Light {
  if (baseline === null || !Number.isFinite(baseline) || baseline <= 0 || baseline < t.minBaseline) return 'none';
  const drop = (baseline - current) / baseline;
  if (drop >= t.red) return 'red';
  if (drop >= t.yellow) return 'yellow';
  return 'green';
}
