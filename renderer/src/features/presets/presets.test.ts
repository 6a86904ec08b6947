import { describe, expect, it } from 'vitest';
import { Command, type CameraPreset, type ObsSceneItem } from '../../../../shared/protocol/index.ts';
import { newPresetId, presetIsLive, presetKeyNumber, presetNameValid, savePresetCommand } from './presets.ts';

describe('newPresetId', () => {
  it('makes a short hex id from random bytes', () => {
    expect(newPresetId((b) => b.fill(171))).toBe('p-ababababababababab');
    expect(newPresetId()).toMatch(/^p-[0-9a-f]{18}$/);
    expect(newPresetId()).not.toBe(newPresetId());
  });
});

describe('savePresetCommand', () => {
  it('asks the engine to capture the scene as it is, with a trimmed name', () => {
    const command = savePresetCommand('p-1', '  Close-up ', 'Live');
    expect(command).toEqual({ type: 'obs.savePreset', preset: { id: 'p-1', name: 'Close-up', sceneName: 'Live', visibility: {} }, capture: true });
    expect(Command.safeParse(command).success).toBe(true);
  });

  it('validates names', () => {
    expect(presetNameValid('Wide')).toBe(true);
    expect(presetNameValid('   ')).toBe(false);
    expect(presetNameValid('x'.repeat(81))).toBe(false);
  });
});

describe('presetIsLive', () => {
  const preset: CameraPreset = { id: 'p', name: 'Close', sceneName: 'Live', visibility: { CamA: true, CamB: false } };
  const items = (a: boolean, b: boolean): Record<string, ObsSceneItem[]> => ({
    Live: [
      { id: 1, sourceName: 'CamA', enabled: a, inputKind: null, isGroup: false },
      { id: 2, sourceName: 'CamB', enabled: b, inputKind: null, isGroup: false },
    ],
  });

  it('is live when its scene is on program with its visibility', () => {
    expect(presetIsLive(preset, 'Live', items(true, false))).toBe(true);
  });

  it('is not live on another scene, with another visibility, or with a source gone', () => {
    expect(presetIsLive(preset, 'Other', items(true, false))).toBe(false);
    expect(presetIsLive(preset, 'Live', items(true, true))).toBe(false);
    expect(presetIsLive(preset, 'Live', { Live: [] })).toBe(false);
  });
});

describe('presetKeyNumber', () => {
  it('numbers the first nine', () => {
    expect(presetKeyNumber(0)).toBe(1);
    expect(presetKeyNumber(8)).toBe(9);
    expect(presetKeyNumber(9)).toBeNull();
  });
});
