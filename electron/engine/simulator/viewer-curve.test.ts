import { describe, expect, it } from 'vitest';
import { viewersAt } from './viewer-curve.ts';

describe('viewersAt', () => {
  const curve = { peak: 1000, rampMs: 60_000, plateauMs: 120_000, dropMs: 60_000, floor: 0.2 };

  it('ramps up, holds, drops to a floor', () => {
    expect(viewersAt(0, curve)).toBe(0);
    expect(viewersAt(30_000, curve)).toBe(750);
    expect(viewersAt(60_000, curve)).toBe(1000);
    expect(viewersAt(150_000, curve)).toBe(1000);
    expect(viewersAt(210_000, curve)).toBe(600);
    expect(viewersAt(10 * 60_000, curve)).toBe(200);
  });
});
