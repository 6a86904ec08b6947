import { describe, expect, it } from 'vitest';
import { obsFeatures, sceneKeyNumber } from './obsFeatures.ts';

describe('obsFeatures', () => {
  it('has everything when OBS knows every request', () => {
    expect(obsFeatures([])).toEqual({ studioMode: true, transitions: true });
  });

  it('turns off what an older OBS cannot do', () => {
    expect(obsFeatures(['GetStudioModeEnabled'])).toEqual({ studioMode: false, transitions: true });
    expect(obsFeatures(['GetSceneTransitionList'])).toEqual({ studioMode: true, transitions: false });
  });
});

describe('sceneKeyNumber', () => {
  it('numbers the first nine scenes only', () => {
    expect(sceneKeyNumber(0)).toBe(1);
    expect(sceneKeyNumber(8)).toBe(9);
    expect(sceneKeyNumber(9)).toBeNull();
  });
});
