import { describe, expect, it } from 'vitest';
import { trapFocusIndex } from './focusTrap.ts';

describe('trapFocusIndex', () => {
  it('wraps from the last to the first and back', () => {
    expect(trapFocusIndex(2, 3, false)).toBe(0);
    expect(trapFocusIndex(0, 3, true)).toBe(2);
  });

  it('lets Tab move normally in between', () => {
    expect(trapFocusIndex(0, 3, false)).toBeNull();
    expect(trapFocusIndex(1, 3, true)).toBeNull();
  });

  it('pulls a focus that escaped back in, and does nothing without focusable elements', () => {
    expect(trapFocusIndex(-1, 3, false)).toBe(0);
    expect(trapFocusIndex(-1, 3, true)).toBe(2);
    expect(trapFocusIndex(-1, 0, false)).toBeNull();
  });
});
