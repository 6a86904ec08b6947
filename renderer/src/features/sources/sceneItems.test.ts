import { describe, expect, it } from 'vitest';
import type { ObsSceneItem } from '../../../../shared/protocol/index.ts';
import { itemRows, itemsScene, withMember, withOverrides } from './sceneItems.ts';

const item = (id: number, sourceName: string): ObsSceneItem => ({ id, sourceName, enabled: true, inputKind: 'color_source_v3', isGroup: false });

describe('itemsScene', () => {
  const obs = { studioMode: true, programScene: 'Live', previewScene: 'Next' };

  it('lists the program scene outside studio mode, whatever tab was chosen', () => {
    expect(itemsScene({ ...obs, studioMode: false }, 'preview')).toEqual({ tab: 'program', sceneName: 'Live' });
  });

  it('lists the preview scene in studio mode, or program on request', () => {
    expect(itemsScene(obs, 'preview')).toEqual({ tab: 'preview', sceneName: 'Next' });
    expect(itemsScene(obs, 'program')).toEqual({ tab: 'program', sceneName: 'Live' });
  });
});

describe('itemRows', () => {
  it('puts cameras first and keeps OBS order within each group', () => {
    const rows = itemRows([item(1, 'Logo'), item(2, 'Cam B'), item(3, 'Text'), item(4, 'Cam A')], ['Cam A', 'Cam B']);
    expect(rows.map((r) => [r.item.sourceName, r.isCamera])).toEqual([
      ['Cam B', true],
      ['Cam A', true],
      ['Logo', false],
      ['Text', false],
    ]);
  });
});

describe('withMember / withOverrides', () => {
  it('adds once and removes', () => {
    expect(withMember(['a'], 'b', true)).toEqual(['a', 'b']);
    expect(withMember(['a', 'b'], 'a', true)).toEqual(['b', 'a']);
    expect(withMember(['a', 'b'], 'a', false)).toEqual(['b']);
  });

  it('applies pending changes and leaves settled ones as they are', () => {
    const overrides = new Map([
      ['c', true],
      ['a', false],
      ['b', true],
    ]);
    expect(withOverrides(['a', 'b'], overrides)).toEqual(['b', 'c']);
    expect(withOverrides(['a'], new Map())).toEqual(['a']);
  });
});
