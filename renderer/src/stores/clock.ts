import { create } from 'zustand';
import { engineNowFrom, estimateOffset, type ClockEstimate, type ClockSample } from '../../../shared/clock/offset.ts';
import { keepRecentSamples } from './clockSamples.ts';

interface ClockStore {
  samples: ClockSample[];
  estimate: ClockEstimate | null;
  addSample: (sample: ClockSample) => void;
  /** Forget samples (new connection) but keep the estimate until a fresh sample replaces it. */
  resetSamples: () => void;
}

export const useClock = create<ClockStore>()((set, get) => ({
  samples: [],
  estimate: null,
  addSample: (sample) => {
    const samples = keepRecentSamples(get().samples, sample);
    set({ samples, estimate: estimateOffset(samples) ?? get().estimate });
  },
  resetSamples: () => set({ samples: [] }),
}));

/** The engine's clock now, as best we know it. Views must derive times from this, never count down locally. */
export function getEngineNow(): number {
  return engineNowFrom(Date.now(), useClock.getState().estimate);
}
