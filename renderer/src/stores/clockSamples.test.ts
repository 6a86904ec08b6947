import { describe, expect, it } from 'vitest';
import { estimateOffset, type ClockSample } from '../../../shared/clock/offset.ts';
import { keepRecentSamples } from './clockSamples.ts';

const sample = (sentAt: number, rtt: number, offset: number): ClockSample => ({
  sentAt,
  engineNow: sentAt + rtt / 2 + offset,
  receivedAt: sentAt + rtt,
});

describe('keepRecentSamples', () => {
  it('keeps only the most recent ones', () => {
    let samples: ClockSample[] = [];
    for (let i = 0; i < 12; i++) samples = keepRecentSamples(samples, sample(i * 1000, 10, 0), 8);
    expect(samples).toHaveLength(8);
    expect(samples[0]?.sentAt).toBe(4000);
  });

  it('lets an old fast sample age out of the estimate', () => {
    let samples = keepRecentSamples([], sample(0, 2, 500), 2); // fast but from a drifted past
    samples = keepRecentSamples(samples, sample(1000, 20, 0), 2);
    expect(estimateOffset(samples)?.offset).toBe(500);
    samples = keepRecentSamples(samples, sample(2000, 30, 0), 2);
    expect(estimateOffset(samples)?.offset).toBe(0);
  });
});
