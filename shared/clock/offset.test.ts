import { describe, expect, it } from 'vitest';
import { engineNowFrom, estimateOffset } from './offset.ts';

describe('clock offset estimate', () => {
  it('finds the offset from a symmetric round trip', () => {
    // Engine is 1000 ms ahead; 20 ms each way.
    expect(estimateOffset([{ sentAt: 0, engineNow: 1020, receivedAt: 40 }])).toEqual({ offset: 1000, roundTrip: 40 });
  });

  it('trusts the sample with the shortest round trip', () => {
    const estimate = estimateOffset([
      { sentAt: 0, engineNow: 1300, receivedAt: 400 }, // slow, asymmetric
      { sentAt: 1000, engineNow: 2005, receivedAt: 1010 },
    ]);
    expect(estimate).toEqual({ offset: 1000, roundTrip: 10 });
  });

  it('ignores samples where the local clock went backwards and returns null without samples', () => {
    expect(estimateOffset([{ sentAt: 100, engineNow: 5, receivedAt: 50 }])).toBeNull();
    expect(estimateOffset([])).toBeNull();
  });

  it('projects the engine clock', () => {
    expect(engineNowFrom(5000, { offset: -250, roundTrip: 4 })).toBe(4750);
    expect(engineNowFrom(5000, null)).toBe(5000);
  });
});
