import { describe, expect, it } from 'vitest';
import { Rng, mulberry32 } from './prng.ts';

describe('mulberry32', () => {
  it('repeats for a seed and differs across seeds', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const seqA = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(seqA);
    expect(Array.from({ length: 5 }, c)).not.toEqual(seqA);
    for (const x of seqA) expect(x >= 0 && x < 1).toBe(true);
  });

  it('is roughly uniform', () => {
    const next = mulberry32(7);
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i++) {
      const b = Math.floor(next() * 10);
      buckets[b] = (buckets[b] ?? 0) + 1;
    }
    for (const count of buckets) expect(Math.abs(count - 10_000)).toBeLessThan(600);
  });
});

describe('Rng', () => {
  it('draws ints in range, picks and weights', () => {
    const rng = new Rng(1);
    const ints = Array.from({ length: 1000 }, () => rng.int(2, 4));
    expect(new Set(ints)).toEqual(new Set([2, 3, 4]));
    expect(['a', 'b']).toContain(rng.pick(['a', 'b']));
    const counts = { a: 0, b: 0 };
    for (let i = 0; i < 10_000; i++) counts[rng.weighted({ a: 9, b: 1 })] += 1;
    expect(counts.a / 10_000).toBeCloseTo(0.9, 1);
    expect(() => rng.pick([])).toThrow(RangeError);
  });
});
