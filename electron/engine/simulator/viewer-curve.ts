/** The shape of a show's audience: ramp up, plateau, drop to a floor. */
export interface ViewerCurve {
  peak: number;
  rampMs: number;
  plateauMs: number;
  dropMs: number;
  /** Share of the peak that stays to the end. */
  floor: number;
}

export const DEFAULT_VIEWER_CURVE: ViewerCurve = { peak: 3000, rampMs: 90_000, plateauMs: 45 * 60_000, dropMs: 5 * 60_000, floor: 0.15 };

/** Expected concurrent viewers `t` ms into the show (before noise and flash-sale bumps). */
export function viewersAt(t: number, c: ViewerCurve): number {
  if (t <= 0) return 0;
  if (t < c.rampMs) {
    const x = t / c.rampMs;
    return c.peak * (1 - (1 - x) * (1 - x)); // fast start, easing into the plateau
  }
  const afterPlateau = t - c.rampMs - c.plateauMs;
  if (afterPlateau <= 0) return c.peak;
  if (afterPlateau < c.dropMs) return c.peak * (1 - (1 - c.floor) * (afterPlateau / c.dropMs));
  return c.peak * c.floor;
}
