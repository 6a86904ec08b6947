import { describe, expect, it } from 'vitest';
import type { EngineState, Patch } from '../../../shared/protocol/index.ts';
import { StateHub } from './state-hub.ts';
import { placeholderState, TEST_ENGINE_INFO } from './initial-state.ts';

const initial: EngineState = { ...placeholderState(TEST_ENGINE_INFO), show: { title: 'A' } };

describe('StateHub', () => {
  it('numbers patches and carries only the changed slices', () => {
    const hub = new StateHub(initial, () => 42);
    const patches: Patch[] = [];
    hub.onPatch((p) => patches.push(p));
    hub.set({ show: { title: 'B' }, engine: initial.engine });
    hub.set({ show: { title: 'B' } });
    hub.set({ show: { title: 'C' } });
    expect(patches).toEqual([
      { rev: 1, set: { show: { title: 'B' } } },
      { rev: 2, set: { show: { title: 'C' } } },
    ]);
    expect(hub.snapshot()).toEqual({ rev: 2, engineNow: 42, state: { ...initial, show: { title: 'C' } } });
  });

  it('a snapshot plus the later patches rebuilds the same state', () => {
    const hub = new StateHub(initial);
    hub.set({ show: { title: 'B' } });
    const snap = hub.snapshot();
    const later: Patch[] = [];
    hub.onPatch((p) => later.push(p));
    hub.set({ obs: { ...initial.obs, programScene: 'Cam' } });
    const rebuilt = later.reduce((state, p) => ({ ...state, ...p.set }), snap.state);
    expect(rebuilt).toEqual(hub.state);
  });
});
