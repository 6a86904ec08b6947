import type { ClockSample } from '../../../shared/clock/offset.ts';

/** Recent probes only: an old sample's offset goes stale as the two clocks drift apart. */
export const MAX_CLOCK_SAMPLES = 8;

export function keepRecentSamples(
  samples: readonly ClockSample[],
  sample: ClockSample,
  max = MAX_CLOCK_SAMPLES,
): ClockSample[] {
  return [...samples, sample].slice(-max);
}
