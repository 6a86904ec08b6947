import type { EngineState, Patch, Snapshot, StateSlice } from '../../../shared/protocol/index.ts';

/** What the renderer holds of the engine: the last applied revision and the state at it (null before any snapshot). */
export interface EngineView {
  rev: number;
  state: EngineState | null;
}

export const EMPTY_ENGINE_VIEW: EngineView = { rev: -1, state: null };

/** A snapshot replaces everything, even at a lower revision: a restarted engine counts from zero again. */
export function applySnapshot(_prev: EngineView, snapshot: Snapshot): EngineView {
  return { rev: snapshot.rev, state: snapshot.state };
}

/**
 * A patch replaces the top-level slices it carries. Stale or duplicate patches (rev not above ours) and patches
 * that arrive before any snapshot are ignored: there is nothing sound to apply them to.
 */
export function applyPatch(prev: EngineView, patch: Patch): EngineView {
  if (prev.state === null || patch.rev <= prev.rev) return prev;
  const next: EngineState = { ...prev.state };
  for (const key of Object.keys(patch.set) as StateSlice[]) replaceSlice(next, key, patch.set[key]);
  return { rev: patch.rev, state: next };
}

function replaceSlice<K extends StateSlice>(state: EngineState, key: K, value: EngineState[K] | undefined): void {
  // An absent slice means "unchanged"; JSON cannot carry undefined, but never blank a slice on one.
  if (value !== undefined) state[key] = value;
}
