import { create } from 'zustand';
import type { Patch, Snapshot } from '../../../shared/protocol/index.ts';
import { EMPTY_ENGINE_VIEW, applyPatch, applySnapshot, type EngineView } from './engineStateReducer.ts';

interface EngineStateStore extends EngineView {
  receiveSnapshot: (snapshot: Snapshot) => void;
  receivePatch: (patch: Patch) => void;
}

/** The engine's live state. Kept across disconnects so views keep showing the last known state. */
export const useEngineState = create<EngineStateStore>()((set, get) => ({
  ...EMPTY_ENGINE_VIEW,
  receiveSnapshot: (snapshot) => set(applySnapshot(get(), snapshot)),
  receivePatch: (patch) => {
    const prev = get();
    const next = applyPatch(prev, patch);
    if (next !== prev) set(next);
  },
}));
