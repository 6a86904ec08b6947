import { describe, expect, it } from 'vitest';
import type { Thumbnail } from '../../../../shared/protocol/index.ts';
import { isSafeImageUrl, monitorPicture, thumbnailTargets } from './thumbnailView.ts';

const jpeg = 'data:image/jpeg;base64,/9j/4AAQSkZJRg==';
const thumb = (sceneName: string, at: number): Thumbnail => ({ target: 'program', sceneName, dataUrl: jpeg, at });

describe('isSafeImageUrl', () => {
  it('accepts image data URLs only', () => {
    expect(isSafeImageUrl(jpeg)).toBe(true);
    expect(isSafeImageUrl('data:image/png;base64,iVBORw0KGgo=')).toBe(true);
    expect(isSafeImageUrl('data:image/svg+xml;base64,PHN2Zz4=')).toBe(false);
    expect(isSafeImageUrl('https://example.com/a.jpg')).toBe(false);
    expect(isSafeImageUrl('javascript:alert(1)')).toBe(false);
    expect(isSafeImageUrl('data:image/jpeg;base64,"><script>')).toBe(false);
  });
});

describe('monitorPicture', () => {
  it('shows a placeholder while offline, without a scene, or before the first picture', () => {
    expect(monitorPicture(thumb('A', 0), 'A', false, 0)).toEqual({ kind: 'placeholder', reason: 'offline' });
    expect(monitorPicture(null, null, true, 0)).toEqual({ kind: 'placeholder', reason: 'no_scene' });
    expect(monitorPicture(null, 'A', true, 0)).toEqual({ kind: 'placeholder', reason: 'waiting' });
    expect(monitorPicture({ ...thumb('A', 0), dataUrl: 'x' }, 'A', true, 0)).toEqual({ kind: 'placeholder', reason: 'waiting' });
  });

  it('shows a fresh picture of the right scene', () => {
    expect(monitorPicture(thumb('A', 1_000), 'A', true, 2_000)).toEqual({ kind: 'image', src: jpeg, sceneName: 'A', stale: false });
  });

  it('marks an old picture, or one of another scene, as stale', () => {
    expect(monitorPicture(thumb('A', 1_000), 'A', true, 10_000)).toMatchObject({ kind: 'image', stale: true });
    expect(monitorPicture(thumb('B', 1_000), 'A', true, 1_000)).toMatchObject({ kind: 'image', sceneName: 'B', stale: true });
  });
});

describe('thumbnailTargets', () => {
  it('asks for program, plus preview in studio mode, and nothing while hidden', () => {
    expect(thumbnailTargets(false, true)).toEqual(['program']);
    expect(thumbnailTargets(true, true)).toEqual(['program', 'preview']);
    expect(thumbnailTargets(true, false)).toEqual([]);
  });
});
