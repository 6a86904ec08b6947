import { describe, expect, it } from 'vitest';
import { DistinctCounter, hash53, HashTable, HyperLogLog } from './hashed.ts';

describe('hash53', () => {
  it('is deterministic, 53-bit and spreads similar ids apart', () => {
    expect(hash53('douyin:comment:1')).toBe(hash53('douyin:comment:1'));
    const hashes = new Set<number>();
    let in53Bits = true;
    for (let i = 0; i < 200_000; i++) {
      const h = hash53(`douyin:comment:2025-${i}`);
      in53Bits &&= Number.isSafeInteger(h) && h >= 0;
      hashes.add(h);
    }
    expect(in53Bits).toBe(true);
    expect(hashes.size).toBe(200_000);
  });
});

describe('HashTable', () => {
  it('agrees with a Map through inserts, updates, deletes and growth', () => {
    const table = new HashTable(2);
    const reference = new Map<number, [number, number]>();
    // Small keys collide in the low bits on purpose: long probe runs, wrap-around and backward shifts.
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 50_000; i++) {
      const key = (next() % 3000) * 1024 + (next() % 3);
      const op = next() % 3;
      if (op < 2) {
        const slot = table.insert(key);
        table.set(slot, 0, i);
        table.set(slot, 1, -i);
        reference.set(key, [i, -i]);
      } else {
        expect(table.delete(key)).toBe(reference.delete(key));
      }
    }
    expect(table.size).toBe(reference.size);
    for (const [key, [a, b]] of reference) {
      const slot = table.find(key);
      expect(slot).not.toBe(-1);
      expect([table.get(slot, 0), table.get(slot, 1)]).toEqual([a, b]);
    }
    expect(table.find(-5)).toBe(-1);
  });

  it('keeps 0 apart from a free slot and starts new keys at 0', () => {
    const table = new HashTable(1);
    expect(table.has(0)).toBe(false);
    const slot = table.insert(0);
    expect(table.has(0)).toBe(true);
    expect(table.get(slot)).toBe(0);
    expect(table.size).toBe(1);
  });

  it('sizes itself for the keys it is told to expect', () => {
    const table = new HashTable(0, 100_000);
    const capacity = table.capacity;
    for (let i = 0; i < 100_000; i++) table.insert(hash53(`k${i}`));
    expect(table.capacity).toBe(capacity);
  });
});

describe('HyperLogLog', () => {
  it.each([100, 10_000, 300_000])('estimates %i distinct values within 3 %', (n) => {
    const hll = new HyperLogLog();
    for (let i = 0; i < n; i++) {
      const h = hash53(`tiktok:user:${i}`);
      hll.add(h);
      hll.add(h);
    }
    expect(Math.abs(hll.estimate() - n) / n).toBeLessThan(0.03);
  });
});

describe('DistinctCounter', () => {
  it('counts exactly up to its limit', () => {
    const counter = new DistinctCounter(1000);
    for (let i = 0; i < 1000; i++) expect(counter.add(hash53(`u${i}`))).toBe(true);
    for (let i = 0; i < 1000; i++) expect(counter.add(hash53(`u${i}`))).toBe(false);
    expect(counter.count).toBe(1000);
    expect(counter.exact).toBe(true);
  });

  it('estimates past its limit without counting the exact ones twice', () => {
    const counter = new DistinctCounter(10_000);
    for (let round = 0; round < 2; round++) for (let i = 0; i < 60_000; i++) counter.add(hash53(`u${i}`));
    expect(counter.exact).toBe(false);
    expect(Math.abs(counter.count - 60_000) / 60_000).toBeLessThan(0.03);
  });
});
