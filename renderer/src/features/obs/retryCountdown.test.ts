import { describe, expect, it } from 'vitest';
import { retryMessage, secondsUntil } from './retryCountdown.ts';

describe('secondsUntil', () => {
  it('rounds up to whole seconds', () => {
    expect(secondsUntil(10_000, 0)).toBe(10);
    expect(secondsUntil(10_000, 1)).toBe(10);
    expect(secondsUntil(10_000, 9_001)).toBe(1);
    expect(secondsUntil(10_000, 9_999)).toBe(1);
  });

  it('never goes negative', () => {
    expect(secondsUntil(10_000, 10_000)).toBe(0);
    expect(secondsUntil(10_000, 15_000)).toBe(0);
  });
});

describe('retryMessage', () => {
  it('counts down, then says it is retrying', () => {
    expect(retryMessage(5_000, 0)).toEqual({ key: 'obs.retryIn', params: { seconds: 5 } });
    expect(retryMessage(5_000, 4_500)).toEqual({ key: 'obs.retryIn', params: { seconds: 1 } });
    expect(retryMessage(5_000, 5_000)).toEqual({ key: 'obs.retryNow', params: {} });
  });
});
