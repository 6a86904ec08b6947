import { describe, expect, it } from 'vitest';
import { LiveMetrics } from '../feeds/metrics.ts';
import { initialRunState } from '../show/run-clock.ts';
import { emptyShow } from '../show/templates.ts';
import { Command, DEFAULT_HEALTH_THRESHOLDS, EngineToShell, Patch, ShellToEngine, Snapshot } from './index.ts';

describe('Command schema', () => {
  it('accepts a scene switch and an OBS configuration', () => {
    expect(Command.parse({ type: 'obs.setProgramScene', sceneName: 'Camera 1' })).toEqual({ type: 'obs.setProgramScene', sceneName: 'Camera 1' });
    expect(Command.parse({ type: 'obs.configure', url: 'ws://127.0.0.1:4455', password: 'pw' })).toMatchObject({ connect: true });
  });

  it('refuses unknown commands, missing fields and bad URLs with the field named', () => {
    expect(Command.safeParse({ type: 'obs.explode' }).success).toBe(false);
    const noScene = Command.safeParse({ type: 'obs.setProgramScene', sceneName: '' });
    expect(noScene.success).toBe(false);
    const badUrl = Command.safeParse({ type: 'obs.configure', url: 'http://example.com' });
    expect(badUrl.success).toBe(false);
    expect(badUrl.error?.issues[0]?.path).toEqual(['url']);
  });

  it('bounds text so a hostile client cannot store megabytes', () => {
    expect(Command.safeParse({ type: 'show.setTitle', title: 'x'.repeat(201) }).success).toBe(false);
    expect(Command.safeParse({ type: 'show.setTitle', title: '   ' }).success).toBe(false);
    expect(Command.parse({ type: 'show.setTitle', title: '  秋季护肤专场 ' })).toEqual({ type: 'show.setTitle', title: '秋季护肤专场' });
  });

  it('keeps, replaces or clears the OBS password distinctly', () => {
    expect(Command.parse({ type: 'obs.configure', url: 'ws://h:1' })).not.toHaveProperty('password');
    expect(Command.parse({ type: 'obs.configure', url: 'ws://h:1', password: null })).toHaveProperty('password', null);
  });
});

describe('snapshot and patch schemas', () => {
  const state = {
    engine: { version: '0.1.0', protocolVersion: 1, startedAt: 1, lan: false, host: '127.0.0.1', port: 7480, requestedPort: 7480 },
    obs: {
      connection: { url: 'ws://127.0.0.1:4455', hasPassword: true },
      status: { phase: 'offline', since: 1, reason: 'auth_failed', detail: 'Authentication failed.' },
      scenes: [{ name: 'A' }],
      programScene: 'A',
      studioMode: false,
      previewScene: null,
      transitions: { available: ['Cut', 'Fade'], current: 'Fade', durationMs: 300, runningSince: null },
      unsupported: [],
    },
    obsSources: { sceneItems: { A: [{ id: 1, sourceName: 'Cam', enabled: true, inputKind: 'v4l2_input', isGroup: false }] }, inputs: [{ name: 'Mic', kind: 'pulse_input_capture', muted: false }] },
    obsOutputs: {
      stream: { active: true, transitioning: false, reconnecting: false, paused: false, startedAt: 10, pausedAt: null, pausedMs: 0, lastFile: null },
      record: { active: false, transitioning: false, reconnecting: false, paused: false, startedAt: null, pausedAt: null, pausedMs: 0, lastFile: '/r/a.mkv' },
    },
    obsHealth: { level: 'green', findings: [], sample: null },
    obsSetup: {
      cameraSources: ['Cam'],
      microphoneInputs: ['Mic'],
      cameraPresets: [{ id: 'p1', name: 'Wide', sceneName: 'A', visibility: { Cam: true } }],
      safeScene: 'A',
      healthThresholds: DEFAULT_HEALTH_THRESHOLDS,
      panic: { active: false, returnTo: null, at: null },
    },
    show: { title: 'Show' },
    script: { show: emptyShow(() => 'show1', 'Show'), flags: [], defaultBannedWords: ['最好'] },
    run: { run: initialRunState(), sales: [], cues: [], rehearsal: true, recovered: null },
    feeds: { configs: [], diagnostics: [], metrics: new LiveMetrics().snapshot(0), simulator: null, pinned: [], answered: [], streamerAlerts: false },
    storage: { failing: { reason: 'locked', detail: 'database is locked', since: 1, held: 12, dropped: 0 } },
  };

  it('round-trip a full snapshot', () => {
    expect(Snapshot.parse({ rev: 0, engineNow: 5, state })).toEqual({ rev: 0, engineNow: 5, state });
  });

  it('refuses an offline status without a reason and a patch with revision 0', () => {
    expect(Snapshot.safeParse({ rev: 0, engineNow: 5, state: { ...state, obs: { ...state.obs, status: { phase: 'offline', since: 1 } } } }).success).toBe(false);
    expect(Patch.safeParse({ rev: 0, set: {} }).success).toBe(false);
    expect(Patch.parse({ rev: 3, set: { show: { title: 'x' } } })).toEqual({ rev: 3, set: { show: { title: 'x' } } });
  });
});

describe('shell ↔ engine messages', () => {
  it('validate both directions', () => {
    expect(EngineToShell.parse({ type: 'ready', url: 'http://127.0.0.1:1', port: 1 })).toBeTruthy();
    expect(EngineToShell.safeParse({ type: 'secret.set', key: 'some.other', value: 'x' }).success).toBe(false);
    expect(ShellToEngine.parse({ type: 'secrets', values: { 'obs.password': 'pw' } })).toEqual({ type: 'secrets', values: { 'obs.password': 'pw' } });
    expect(ShellToEngine.safeParse({ type: 'secrets', values: { 'obs.password': 3 } }).success).toBe(false);
  });
});
