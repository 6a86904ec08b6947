import type { EngineState, Patch, Snapshot } from '../../../shared/protocol/index.ts';

type PatchListener = (patch: Patch) => void;

/**
 * The engine's live state, one revision counter for all of it. Services replace whole slices; every change
 * becomes one patch. Views get a snapshot on connect and then the patches, so they never diverge.
 */
export class StateHub {
  #state: EngineState;
  #rev = 0;
  readonly #listeners = new Set<PatchListener>();
  readonly #now: () => number;

  constructor(initial: EngineState, now: () => number = Date.now) {
    this.#state = initial;
    this.#now = now;
  }

  get state(): Readonly<EngineState> {
    return this.#state;
  }

  snapshot(): Snapshot {
    return { rev: this.#rev, engineNow: this.#now(), state: this.#state };
  }

  /** Replace slices; a slice equal (by JSON) to the current one is not sent again. */
  set(changes: Partial<EngineState>): void {
    const set: Partial<EngineState> = {};
    let changed = false;
    for (const key of Object.keys(changes) as (keyof EngineState)[]) {
      const next = changes[key];
      if (next === undefined || JSON.stringify(next) === JSON.stringify(this.#state[key])) continue;
      Object.assign(set, { [key]: next });
      changed = true;
    }
    if (!changed) return;
    this.#state = { ...this.#state, ...set };
    this.#rev += 1;
    const patch: Patch = { rev: this.#rev, set };
    for (const listener of this.#listeners) listener(patch);
  }

  onPatch(listener: PatchListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
