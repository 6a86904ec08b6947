import { useSyncExternalStore } from 'react';
import { getEngineNow, useClock } from '../stores/clock.ts';

/**
 * Engine time (ms) re-read every 200 ms, for countdowns whose seconds do not fall on the engine's whole seconds
 * (a segment started at any instant). The timer only re-reads the engine clock; nothing is counted locally.
 */
export const FAST_TICK_MS = 200;

const listeners = new Set<() => void>();
let current = getEngineNow();
let timer: ReturnType<typeof setInterval> | undefined;

function publish(): void {
  current = getEngineNow();
  for (const listener of listeners) listener();
}

useClock.subscribe((s, prev) => {
  if (s.estimate !== prev.estimate && listeners.size > 0) publish();
});

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === undefined) {
    current = getEngineNow();
    timer = setInterval(publish, FAST_TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

export function useEngineNowFast(): number {
  return useSyncExternalStore(subscribe, () => current);
}
