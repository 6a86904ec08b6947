import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en.ts';
import { VIEW_NAMES } from './router.ts';
import { viewLabelKey } from './viewLabel.ts';

describe('viewLabelKey', () => {
  it('names every view', () => {
    for (const view of VIEW_NAMES) expect(Object.hasOwn(en, viewLabelKey(view)), view).toBe(true);
    expect(viewLabelKey('show')).toBe('show.nav');
    expect(viewLabelKey('producer')).toBe('nav.producer');
    expect(viewLabelKey('review')).toBe('review.nav');
  });
});
