import { describe, expect, it } from 'vitest';
import { dropLight } from './lights.ts';

const t = { yellow: 0.15, red: 0.3, minBaseline: 20 };

describe('dropLight', () => {
  it('is green, yellow or red by the drop from the baseline', () => {
    expect(dropLight(1000, 1000, t)).toBe('green');
    expect(dropLight(1200, 1000, t)).toBe('green');
    expect(dropLight(860, 1000, t)).toBe('green');
    expect(dropLight(850, 1000, t)).toBe('yellow');
    expect(dropLight(701, 1000, t)).toBe('yellow');
    expect(dropLight(700, 1000, t)).toBe('red');
    expect(dropLight(0, 1000, t)).toBe('red');
  });

  it('says nothing without a baseline worth judging', () => {
    expect(dropLight(1, null, t)).toBe('none');
    expect(dropLight(1, 10, t)).toBe('none');
    expect(dropLight(0, 0, { ...t, minBaseline: 0 })).toBe('none');
  });
});
