import { describe, expect, it } from 'vitest';
import { RingBuffer } from './ring-buffer.ts';

describe('RingBuffer', () => {
  it('keeps the last items in order and numbers them', () => {
    const ring = new RingBuffer<string>(3);
    expect(ring.toArray()).toEqual([]);
    expect(ring.lastSeq).toBe(0);
    expect(['a', 'b', 'c', 'd', 'e'].map((x) => ring.push(x))).toEqual([1, 2, 3, 4, 5]);
    expect(ring.toArray()).toEqual(['c', 'd', 'e']);
    expect(ring.size).toBe(3);
    expect(ring.firstSeq).toBe(3);
  });

  it('answers "what came after #n" and says how many were missed', () => {
    const ring = new RingBuffer<number>(4);
    for (let i = 1; i <= 10; i++) ring.push(i * 10);
    expect(ring.since(8)).toEqual([90, 100]);
    expect(ring.since(10)).toEqual([]);
    expect(ring.since(2)).toEqual([70, 80, 90, 100]);
    expect(ring.missedSince(2)).toBe(4); // #3..#6 fell off
    expect(ring.missedSince(8)).toBe(0);
    expect(ring.since(-5)).toEqual([70, 80, 90, 100]);
  });

  it('keeps counting after clear', () => {
    const ring = new RingBuffer<string>(2);
    ring.push('a');
    ring.clear();
    expect(ring.toArray()).toEqual([]);
    expect(ring.push('b')).toBe(2);
    expect(ring.since(1)).toEqual(['b']);
  });

  it('refuses a zero capacity', () => {
    expect(() => new RingBuffer(0)).toThrow(RangeError);
  });
});
