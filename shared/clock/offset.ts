/** One round trip of a clock probe, all in milliseconds. */
export interface ClockSample {
  /** Local clock when the probe left. */
  sentAt: number;
  /** Engine clock in the answer. */
  engineNow: number;
  /** Local clock when the answer arrived. */
  receivedAt: number;
}

export interface ClockEstimate {
  /** engineTime ≈ localTime + offset */
  offset: number;
  /** Round trip of the sample the estimate came from; the error is at most half of it. */
  roundTrip: number;
}

/**
 * NTP-style estimate: assume the answer was made halfway through the round trip, and trust the sample with the
 * shortest round trip, whose error bound is smallest.
 */
export function estimateOffset(samples: readonly ClockSample[]): ClockEstimate | null {
  let best: ClockEstimate | null = null;
  for (const s of samples) {
    const roundTrip = s.receivedAt - s.sentAt;
    if (roundTrip < 0) continue; // local clock stepped back mid-probe: the sample says nothing
    const offset = s.engineNow - (s.sentAt + roundTrip / 2);
    if (best === null || roundTrip < best.roundTrip) best = { offset, roundTrip };
  }
  return best;
}

/** The engine's clock as seen from here. */
export function engineNowFrom(localNow: number, estimate: ClockEstimate | null): number {
  return localNow + (estimate?.offset ?? 0);
}
