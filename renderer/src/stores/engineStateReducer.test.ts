import { describe, expect, it } from 'vitest';
import { DEFAULT_HEALTH_THRESHOLDS, type EngineState } from '../../../shared/protocol/index.ts';
import { LiveMetrics } from '../../../shared/feeds/metrics.ts';
import { initialRunState } from '../../../shared/show/run-clock.ts';
import { EMPTY_ENGINE_VIEW, applyPatch, applySnapshot } from './engineStateReducer.ts';

const idleOutput = { active: false, transitioning: false, reconnecting: false, paused: false, startedAt: null, pausedAt: null, pausedMs: 0, lastFile: null };

const state: EngineState = {
  engine: { version: '0.1.0', protocolVersion: 1, startedAt: 1, lan: false, host: '127.0.0.1', port: 7480, requestedPort: 7480 },
  obs: {
    connection: { url: 'ws://127.0.0.1:4455', hasPassword: false },
    status: { phase: 'offline', since: 1, reason: 'not_configured' },
    scenes: [],
    programScene: null,
    studioMode: false,
    previewScene: null,
    transitions: { available: [], current: null, durationMs: null, runningSince: null },
    unsupported: [],
  },
  obsSources: { sceneItems: {}, inputs: [] },
  obsOutputs: { stream: idleOutput, record: idleOutput },
  obsHealth: { level: 'green', findings: [], sample: null },
  obsSetup: {
    cameraSources: [],
    microphoneInputs: [],
    cameraPresets: [],
    safeScene: null,
    healthThresholds: DEFAULT_HEALTH_THRESHOLDS,
    panic: { active: false, returnTo: null, at: null },
  },
  show: { title: 'Spring live' },
  script: {
    show: { id: 'show', title: 'Spring live', platforms: [], plannedStart: null, segments: [], products: [], bannedWords: null },
    flags: [],
    defaultBannedWords: [],
  },
  run: { run: initialRunState(), sales: [], cues: [], rehearsal: false, recovered: null },
  feeds: { configs: [], diagnostics: [], metrics: new LiveMetrics().snapshot(0), simulator: null, pinned: [], answered: [], streamerAlerts: false },
  storage: { failing: null },
};

const connectedObs: EngineState['obs'] = {
  ...state.obs,
  status: { phase: 'connected', since: 2, obsVersion: '31.0.0', websocketVersion: '5.5.0' },
  scenes: [{ name: 'Intro' }, { name: 'Product' }],
  programScene: 'Intro',
};

describe('applySnapshot', () => {
  it('replaces everything', () => {
    const view = applySnapshot(EMPTY_ENGINE_VIEW, { rev: 4, engineNow: 10, state });
    expect(view).toEqual({ rev: 4, state });
  });

  it('takes a lower revision too (a restarted engine counts from zero)', () => {
    const before = applySnapshot(EMPTY_ENGINE_VIEW, { rev: 40, engineNow: 10, state });
    const after = applySnapshot(before, { rev: 0, engineNow: 11, state: { ...state, show: { title: 'New' } } });
    expect(after.rev).toBe(0);
    expect(after.state?.show.title).toBe('New');
  });
});

describe('applyPatch', () => {
  const base = applySnapshot(EMPTY_ENGINE_VIEW, { rev: 5, engineNow: 0, state });

  it('replaces only the slices it carries', () => {
    const next = applyPatch(base, { rev: 6, set: { obs: connectedObs } });
    expect(next.rev).toBe(6);
    expect(next.state?.obs).toEqual(connectedObs);
    expect(next.state?.show).toBe(state.show);
    expect(next.state?.engine).toBe(state.engine);
  });

  it('does not mutate the previous state', () => {
    applyPatch(base, { rev: 6, set: { show: { title: 'Changed' } } });
    expect(base.state?.show.title).toBe('Spring live');
  });

  it('ignores stale and duplicate revisions', () => {
    expect(applyPatch(base, { rev: 5, set: { show: { title: 'dup' } } })).toBe(base);
    expect(applyPatch(base, { rev: 3, set: { show: { title: 'old' } } })).toBe(base);
  });

  it('ignores patches before any snapshot', () => {
    expect(applyPatch(EMPTY_ENGINE_VIEW, { rev: 1, set: { show: { title: 'x' } } })).toBe(EMPTY_ENGINE_VIEW);
  });

  it('accepts a gap in revisions (slices are whole, so a later one is still right)', () => {
    expect(applyPatch(base, { rev: 9, set: { show: { title: 'Later' } } }).state?.show.title).toBe('Later');
  });

  it('never blanks a slice on an explicit undefined', () => {
    const next = applyPatch(base, { rev: 6, set: { show: undefined } });
    expect(next.state?.show).toEqual(state.show);
    expect(next.rev).toBe(6);
  });

  it('applies patches in sequence', () => {
    const a = applyPatch(base, { rev: 6, set: { obs: connectedObs } });
    const b = applyPatch(a, { rev: 7, set: { obs: { ...connectedObs, programScene: 'Product' } } });
    expect(b.state?.obs.programScene).toBe('Product');
  });
});
