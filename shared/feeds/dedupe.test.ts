import { describe, expect, it } from 'vitest';
import { DedupeWindow } from './dedupe.ts';

describe('DedupeWindow', () => {
  it('admits a key once', () => {
    const window = new DedupeWindow(10);
    expect(window.admit('douyin:comment:1')).toBe(true);
    expect(window.admit('douyin:comment:1')).toBe(false);
    expect(window.admit('douyin:comment:2')).toBe(true);
    expect(window.size).toBe(2);
  });

  it('forgets the least recently seen key beyond its size', () => {
    const window = new DedupeWindow(3);
    for (const k of ['a', 'b', 'c']) window.admit(k);
    window.admit('a'); // refreshes a: b is now the oldest
    window.admit('d');
    expect(window.size).toBe(3);
    expect(window.has('b')).toBe(false);
    expect(window.has('a')).toBe(true);
    expect(window.admit('b')).toBe(true);
  });

  it('stays bounded and fast at 100k keys', () => {
    const window = new DedupeWindow(100_000);
    const started = performance.now();
    for (let i = 0; i < 250_000; i++) window.admit(`tiktok:comment:${i}`);
    expect(window.size).toBe(100_000);
    expect(window.admit('tiktok:comment:249999')).toBe(false);
    expect(window.admit('tiktok:comment:0')).toBe(true);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('remembers exactly the keys of the last maxSize messages, repeats included', () => {
    const window = new DedupeWindow(1000);
    const reference: string[] = [];
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 20_000; i++) {
      // Mostly new keys, some repeats from a little earlier (a relay resending its buffer).
      const key = next() % 4 === 0 ? (reference.at(-1 - (next() % 1500)) ?? 'k0') : `k${i}`;
      expect(window.admit(key)).toBe(!reference.slice(-1000).includes(key));
      reference.push(key);
    }
    expect(window.size).toBe(new Set(reference.slice(-1000)).size);
  });

  it('refuses a useless size', () => {
    expect(() => new DedupeWindow(0)).toThrow(RangeError);
  });
});
