/**
 * Rate limits for the HTTP API and socket handshakes: token buckets keyed by the client's address. Pure apart
 * from the injected clock, so the arithmetic is unit-tested without waiting.
 */
import { isLoopbackAddress } from './auth.ts';

/** A bucket holds up to `capacity` tokens (the burst) and gets `perSecond` back every second (the sustained rate). */
export interface BucketSpec {
  capacity: number;
  perSecond: number;
}

export type LimitDecision = { ok: true } | { ok: false; retryAfterMs: number };

interface Bucket {
  tokens: number;
  at: number;
}

/** Refill arithmetic is floating point: 6 s at 1/6 per second must count as one whole token. */
const EPSILON = 1e-9;

/** Addresses remembered at most; beyond that, full buckets (same as new ones) and then the oldest are dropped. */
const DEFAULT_MAX_KEYS = 10_000;

export class RateLimiter {
  readonly #spec: BucketSpec;
  readonly #now: () => number;
  readonly #maxKeys: number;
  readonly #buckets = new Map<string, Bucket>();

  constructor(spec: BucketSpec, options: { now?: () => number; maxKeys?: number } = {}) {
    if (!(spec.capacity >= 1) || !(spec.perSecond > 0)) throw new RangeError('A bucket needs a capacity of at least 1 and a positive refill rate');
    this.#spec = spec;
    this.#now = options.now ?? Date.now;
    this.#maxKeys = options.maxKeys ?? DEFAULT_MAX_KEYS;
  }

  /** Number of keys remembered (a key is remembered from its first take until pruned). */
  get size(): number {
    return this.#buckets.size;
  }

  /** Takes one token for `key`, or says how long until one is back. */
  take(key: string): LimitDecision {
    const now = this.#now();
    const tokens = this.#tokens(key, now);
    if (tokens + EPSILON < 1) return this.#refusal(tokens);
    this.#store(key, { tokens: Math.max(0, tokens - 1), at: now }, now);
    return { ok: true };
  }

  /** What take() would answer, without taking anything. */
  check(key: string): LimitDecision {
    const tokens = this.#tokens(key, this.#now());
    return tokens + EPSILON < 1 ? this.#refusal(tokens) : { ok: true };
  }

  #refusal(tokens: number): LimitDecision {
    return { ok: false, retryAfterMs: Math.ceil(((1 - tokens) / this.#spec.perSecond) * 1000) };
  }

  #tokens(key: string, now: number): number {
    const bucket = this.#buckets.get(key);
    if (!bucket) return this.#spec.capacity;
    // A clock that steps back refills nothing rather than draining the bucket.
    const elapsedMs = Math.max(0, now - bucket.at);
    return Math.min(this.#spec.capacity, bucket.tokens + (elapsedMs / 1000) * this.#spec.perSecond);
  }

  #store(key: string, bucket: Bucket, now: number): void {
    if (!this.#buckets.has(key) && this.#buckets.size >= this.#maxKeys) this.#prune(now);
    this.#buckets.set(key, bucket);
  }

  #prune(now: number): void {
    for (const key of this.#buckets.keys()) {
      if (this.#tokens(key, now) >= this.#spec.capacity) this.#buckets.delete(key);
    }
    // Still full of busy addresses: forget the least recently started ones (they start over with a full bucket).
    for (const key of this.#buckets.keys()) {
      if (this.#buckets.size < this.#maxKeys) break;
      this.#buckets.delete(key);
    }
  }
}

export interface AccessLimits {
  /** Calls with the right token, per address. */
  requests: BucketSpec;
  /** Wrong or missing tokens (HTTP and socket together), per address: the brute-force guard. */
  failedAuth: BucketSpec;
}

/**
 * Defaults: a Stream Deck or Companion macro may fire dozens of commands at once and the views poll, so
 * authenticated calls get a burst of 300 and 100 per second after that; a guesser gets 10 wrong tokens, then
 * one every 6 seconds (10 a minute).
 */
export const DEFAULT_ACCESS_LIMITS: AccessLimits = {
  requests: { capacity: 300, perSecond: 100 },
  failedAuth: { capacity: 10, perSecond: 1 / 6 },
};

/** '::ffff:192.0.2.1' and '192.0.2.1' are the same client. */
export function normalizeAddress(address: string | undefined): string {
  if (!address) return 'unknown';
  return address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
}

export interface AccessGuardOptions {
  limits?: Partial<AccessLimits>;
  now?: () => number;
  /**
   * Addresses the failed-token lockout never applies to. Default: loopback. A program on this machine can
   * read the token from the page the engine serves it, so locking loopback out would stop no guesser; it
   * would only let any local web page lock the local Companion out by sending wrong tokens.
   */
  exemptFromLockout?: (address: string) => boolean;
}

/**
 * Who may be heard: an address that sent too many wrong tokens is refused *before* its token is checked (so
 * guessing gets no faster by sending more), and callers with the right token are held to a generous rate.
 * A caller that always sends the right token never touches the failed-token budget.
 */
export class AccessGuard {
  readonly #requests: RateLimiter;
  readonly #failedAuth: RateLimiter;
  readonly #exempt: (address: string) => boolean;

  constructor(options: AccessGuardOptions = {}) {
    const limits = { ...DEFAULT_ACCESS_LIMITS, ...options.limits };
    this.#requests = new RateLimiter(limits.requests, { now: options.now });
    this.#failedAuth = new RateLimiter(limits.failedAuth, { now: options.now });
    this.#exempt = options.exemptFromLockout ?? isLoopbackAddress;
  }

  /** Ask before checking a token: refused while this address has no failed attempts left. */
  lockedOut(address: string | undefined): LimitDecision {
    const key = normalizeAddress(address);
    return this.#exempt(key) ? { ok: true } : this.#failedAuth.check(key);
  }

  /** Record a wrong or missing token from this address. */
  failed(address: string | undefined): void {
    const key = normalizeAddress(address);
    if (!this.#exempt(key)) this.#failedAuth.take(key);
  }

  /** Count a call that carried the right token. */
  request(address: string | undefined): LimitDecision {
    return this.#requests.take(normalizeAddress(address));
  }
}

/** Seconds for a Retry-After header: whole seconds, at least 1. */
export function retryAfterSeconds(retryAfterMs: number): number {
  return Math.max(1, Math.ceil(retryAfterMs / 1000));
}
