import { describe, expect, it } from 'vitest';
import type { SessionSummary } from '../../../../shared/protocol/index.ts';
import { abCompare, togglePick } from './abCompare.ts';

const figures = { peakViewers: 0, averageViewers: 0, uniqueViewers: 0, comments: 0, interactionRate: null, orders: 0, gmv: 0, conversionRate: null, uvValue: null, gpm: null, averageOrderValue: null, roi: null };
const session = (id: string, startedAt: number, gmv: number, orders: number): SessionSummary => ({
  id,
  kind: 'rehearsal',
  title: id,
  startedAt,
  endedAt: startedAt + 1000,
  durationMs: 1000,
  costs: null,
  figures: { ...figures, gmv, orders },
});

describe('A/B comparison of two shows', () => {
  it('keeps at most two picks, letting go of the oldest pick', () => {
    expect(togglePick([], 'x')).toEqual(['x']);
    expect(togglePick(['x', 'y'], 'z')).toEqual(['y', 'z']);
    expect(togglePick(['x', 'y'], 'x')).toEqual(['y']);
  });

  it('the earlier show is A; each figure of B is compared with A', () => {
    const later = session('script-b', 2000, 150, 3);
    const earlier = session('script-a', 1000, 100, 3);
    expect(abCompare([later, earlier], ['script-b'])).toBeNull();
    const ab = abCompare([later, earlier], ['script-b', 'script-a']);
    expect(ab?.a.id).toBe('script-a');
    expect(ab?.b.id).toBe('script-b');
    expect(ab?.rows.find((r) => r.id === 'gmv')).toMatchObject({ a: 100, b: 150, change: { ratio: 0.5, direction: 'up' } });
    expect(ab?.rows.find((r) => r.id === 'orders')?.change?.direction).toBe('same');
    expect(ab?.rows.find((r) => r.id === 'roi')).toMatchObject({ a: null, b: null, change: null });
  });
});
