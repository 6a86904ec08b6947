import { useSyncExternalStore } from 'react';
import { getEngineNow, useClock } from '../stores/clock.ts';

/**
 * One shared ticker for every view that shows engine time. Ticks land just after each whole engine second, so
 * countdowns step in time with the engine rather than with whenever a component happened to mount.
 */
const listeners = new Set<() => void>();
let current = getEngineNow();
let timer: ReturnType<typeof setTimeout> | undefined;

function publish(): void {
  current = getEngineNow();
  for (const listener of listeners) listener();
}

function schedule(): void {
  timer = setTimeout(() => {
    publish();
    schedule();
  }, 1_000 - (getEngineNow() % 1_000) + 5);
}

// A new clock estimate shifts engine time at once, not at the next tick.
useClock.subscribe((s, prev) => {
  if (s.estimate !== prev.estimate) publish();
});

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === undefined) {
    current = getEngineNow();
    schedule();
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearTimeout(timer);
      timer = undefined;
    }
  };
}

/** Engine time (ms), refreshed every second while something renders it. Never count down locally: derive from this. */
export function useEngineNow(): number {
  return useSyncExternalStore(subscribe, () => current);
}
