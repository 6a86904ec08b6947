import { describe, expect, it } from 'vitest';
import { AccessGuard, DEFAULT_ACCESS_LIMITS, RateLimiter, normalizeAddress, retryAfterSeconds } from './rate-limit.ts';

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

function takeMany(limiter: RateLimiter, key: string, n: number): number {
  let allowed = 0;
  for (let i = 0; i < n; i += 1) if (limiter.take(key).ok) allowed += 1;
  return allowed;
}

describe('RateLimiter', () => {
  it('allows a burst up to its capacity, then refuses with the wait until the next token', () => {
    const time = clock();
    const limiter = new RateLimiter({ capacity: 5, perSecond: 2 }, { now: time.now });
    expect(takeMany(limiter, 'a', 5)).toBe(5);
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterMs: 500 });
    time.advance(200);
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterMs: 300 });
  });

  it('refills at its rate and never beyond its capacity', () => {
    const time = clock();
    const limiter = new RateLimiter({ capacity: 5, perSecond: 2 }, { now: time.now });
    takeMany(limiter, 'a', 5);
    time.advance(1000);
    expect(takeMany(limiter, 'a', 5)).toBe(2);
    time.advance(60_000);
    expect(takeMany(limiter, 'a', 10)).toBe(5);
  });

  it('keeps one bucket per key', () => {
    const limiter = new RateLimiter({ capacity: 2, perSecond: 1 }, { now: clock().now });
    expect(takeMany(limiter, 'a', 3)).toBe(2);
    expect(takeMany(limiter, 'b', 3)).toBe(2);
  });

  it('check() answers like take() without taking', () => {
    const limiter = new RateLimiter({ capacity: 1, perSecond: 1 }, { now: clock().now });
    expect(limiter.check('a')).toEqual({ ok: true });
    expect(limiter.check('a')).toEqual({ ok: true });
    expect(limiter.take('a')).toEqual({ ok: true });
    expect(limiter.check('a')).toEqual({ ok: false, retryAfterMs: 1000 });
  });

  it('does not drain or overfill when the clock steps back', () => {
    const time = clock();
    const limiter = new RateLimiter({ capacity: 2, perSecond: 1 }, { now: time.now });
    limiter.take('a');
    time.advance(-10_000);
    expect(takeMany(limiter, 'a', 3)).toBe(1);
  });

  it('remembers a bounded number of addresses, dropping full buckets first', () => {
    const time = clock();
    const limiter = new RateLimiter({ capacity: 2, perSecond: 1 }, { now: time.now, maxKeys: 3 });
    limiter.take('busy');
    limiter.take('busy');
    limiter.take('idle-1');
    time.advance(5000); // idle-1 is full again; busy too, but takes once more now
    limiter.take('busy');
    limiter.take('idle-2');
    limiter.take('new');
    expect(limiter.size).toBeLessThanOrEqual(3);
    expect(limiter.check('busy')).toEqual({ ok: true });
    for (let i = 0; i < 100; i += 1) limiter.take(`flood-${i}`);
    expect(limiter.size).toBeLessThanOrEqual(3);
  });

  it('rejects a bucket that could never allow anything', () => {
    expect(() => new RateLimiter({ capacity: 0, perSecond: 1 })).toThrow(RangeError);
    expect(() => new RateLimiter({ capacity: 1, perSecond: 0 })).toThrow(RangeError);
  });
});

describe('AccessGuard', () => {
  const LAN = '192.168.1.50';
  const OTHER = '192.168.1.77';

  it('locks an address out after 10 wrong tokens and lets one more guess through every 6 s', () => {
    const time = clock();
    const guard = new AccessGuard({ now: time.now });
    for (let i = 0; i < 10; i += 1) {
      expect(guard.lockedOut(LAN).ok).toBe(true);
      guard.failed(LAN);
    }
    expect(guard.lockedOut(LAN)).toEqual({ ok: false, retryAfterMs: 6000 });
    // Guessing while locked out changes nothing: the caller is refused before its token is looked at.
    time.advance(5999);
    expect(guard.lockedOut(LAN).ok).toBe(false);
    time.advance(1);
    expect(guard.lockedOut(LAN).ok).toBe(true);
    guard.failed(LAN);
    expect(guard.lockedOut(LAN).ok).toBe(false);
    // A full minute of guessing at the fastest allowed pace: 10 more guesses.
    let guesses = 0;
    for (let ms = 0; ms < 60_000; ms += 100) {
      time.advance(100);
      if (guard.lockedOut(LAN).ok) {
        guard.failed(LAN);
        guesses += 1;
      }
    }
    expect(guesses).toBe(10);
  });

  it('never limits a Stream Deck on another address firing 20-command bursts with the right token', () => {
    const time = clock();
    const guard = new AccessGuard({ now: time.now });
    for (let i = 0; i < 50; i += 1) guard.failed(OTHER); // someone else guessing meanwhile
    for (let second = 0; second < 120; second += 1) {
      for (let i = 0; i < 20; i += 1) {
        expect(guard.lockedOut(LAN).ok).toBe(true);
        expect(guard.request(LAN).ok).toBe(true);
      }
      time.advance(1000);
    }
  });

  it('absorbs a burst of 300 authenticated calls at once, then allows 100 a second', () => {
    const time = clock();
    const guard = new AccessGuard({ now: time.now });
    let allowed = 0;
    for (let i = 0; i < 400; i += 1) if (guard.request(LAN).ok) allowed += 1;
    expect(allowed).toBe(DEFAULT_ACCESS_LIMITS.requests.capacity);
    expect(guard.request(LAN)).toEqual({ ok: false, retryAfterMs: 10 });
    time.advance(1000);
    allowed = 0;
    for (let i = 0; i < 400; i += 1) if (guard.request(LAN).ok) allowed += 1;
    expect(allowed).toBe(100);
  });

  it('does not lock out loopback (any local program can read the token anyway), unless told to', () => {
    const guard = new AccessGuard({ now: clock().now });
    for (let i = 0; i < 100; i += 1) {
      guard.failed('127.0.0.1');
      guard.failed('::ffff:127.0.0.1');
      guard.failed('::1');
    }
    expect(guard.lockedOut('127.0.0.1').ok).toBe(true);
    expect(guard.lockedOut('::1').ok).toBe(true);

    const strict = new AccessGuard({ now: clock().now, exemptFromLockout: () => false });
    for (let i = 0; i < 10; i += 1) strict.failed('127.0.0.1');
    expect(strict.lockedOut('127.0.0.1').ok).toBe(false);
  });

  it('treats IPv4-mapped IPv6 addresses as the same client', () => {
    const guard = new AccessGuard({ now: clock().now });
    for (let i = 0; i < 10; i += 1) guard.failed(`::ffff:${LAN}`);
    expect(guard.lockedOut(LAN).ok).toBe(false);
    expect(normalizeAddress(undefined)).toBe('unknown');
  });
});

describe('retryAfterSeconds', () => {
  it('rounds up to whole seconds, at least 1', () => {
    expect(retryAfterSeconds(10)).toBe(1);
    expect(retryAfterSeconds(1000)).toBe(1);
    expect(retryAfterSeconds(1001)).toBe(2);
    expect(retryAfterSeconds(6000)).toBe(6);
  });
});
