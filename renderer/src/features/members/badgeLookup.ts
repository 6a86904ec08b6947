import type { FeedEvent } from '../../../../shared/feeds/events.ts';
import { ID_MAX, type Platform } from '../../../../shared/feeds/events.ts';
import { identityKey, LOOKUP_MAX, type MemberCard, type MemberTier } from '../../../../shared/members/member.ts';
import { LruCache } from './lru.ts';

/** One platform account, as the lookup endpoint takes it. */
export interface Account {
  platform: Platform;
  userId: string;
}

/** What is known about an account: its member's card, or null when no member has it (or the lookup failed). */
interface Known {
  card: MemberCard | null;
  at: number;
  failed: boolean;
}

export interface BadgeLookupOptions {
  /** Asks the engine about a batch of accounts; resolves with the cards found, keyed by identityKey. */
  fetch: (accounts: Account[]) => Promise<Readonly<Record<string, MemberCard>>>;
  /** Called after each answer (or failure) changed what is known. */
  onUpdate?: () => void;
  now?: () => number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  /** At most one request per this many ms. */
  intervalMs?: number;
  /** Accounts per request (the engine takes at most LOOKUP_MAX). */
  batchSize?: number;
  /** Accounts remembered (LRU). */
  cacheSize?: number;
  /** Accounts waiting to be asked about; past this the oldest waiting ones are dropped (they scrolled away). */
  maxQueue?: number;
  /** After this long an answer is asked for again the next time the account shows up (tiers move). */
  ttlMs?: number;
  /** A failed lookup is not retried for an account before this long, and the next request waits as long. */
  retryMs?: number;
}

export const BADGE_LOOKUP_DEFAULTS = {
  intervalMs: 1_000,
  batchSize: 500,
  cacheSize: 10_000,
  maxQueue: 5_000,
  ttlMs: 5 * 60_000,
  retryMs: 30_000,
} as const;

/** Accounts that an event names and that can be looked up (comments and arrivals), deduplicated, in order. */
export function accountsOf(events: readonly FeedEvent[]): Account[] {
  const seen = new Set<string>();
  const out: Account[] = [];
  for (const event of events) {
    if (event.type !== 'comment' && event.type !== 'enter') continue;
    const { platform, userId } = event;
    if (userId === '' || userId.length > ID_MAX) continue;
    const key = identityKey(platform, userId);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ platform, userId });
  }
  return out;
}

/**
 * Member badges for the comment panel. Accounts are collected as feed batches arrive and asked about in one request
 * at most every `intervalMs` (bounded batches, one request in flight); answers are cached (LRU) so a regular
 * commenter is asked about once, not once per comment or row.
 */
export class BadgeLookup {
  readonly #fetch: BadgeLookupOptions['fetch'];
  readonly #onUpdate: () => void;
  readonly #now: () => number;
  readonly #setTimer: (run: () => void, ms: number) => unknown;
  readonly #clearTimer: (handle: unknown) => void;
  readonly #intervalMs: number;
  readonly #batchSize: number;
  readonly #maxQueue: number;
  readonly #ttlMs: number;
  readonly #retryMs: number;
  readonly #cache: LruCache<string, Known>;
  /** Waiting to be asked about, oldest first. */
  readonly #queue = new Map<string, Account>();
  readonly #inFlight = new Set<string>();
  #timer: unknown = null;
  #busy = false;
  /** No request is sent before this instant. */
  #nextAllowedAt = Number.NEGATIVE_INFINITY;
  #generation = 0;
  /** Bumped whenever what is known changes; stores subscribe to it. */
  version = 0;
  /** Requests sent so far (diagnostics and tests). */
  requests = 0;

  constructor(options: BadgeLookupOptions) {
    this.#fetch = options.fetch;
    this.#onUpdate = options.onUpdate ?? (() => undefined);
    this.#now = options.now ?? Date.now;
    this.#setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
    this.#clearTimer = options.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
    this.#intervalMs = options.intervalMs ?? BADGE_LOOKUP_DEFAULTS.intervalMs;
    this.#batchSize = Math.min(options.batchSize ?? BADGE_LOOKUP_DEFAULTS.batchSize, LOOKUP_MAX);
    this.#maxQueue = options.maxQueue ?? BADGE_LOOKUP_DEFAULTS.maxQueue;
    this.#ttlMs = options.ttlMs ?? BADGE_LOOKUP_DEFAULTS.ttlMs;
    this.#retryMs = options.retryMs ?? BADGE_LOOKUP_DEFAULTS.retryMs;
    this.#cache = new LruCache(options.cacheSize ?? BADGE_LOOKUP_DEFAULTS.cacheSize);
  }

  /** The member card of an account: undefined while unknown (not asked yet), null when it belongs to no member. */
  card(platform: string, userId: string): MemberCard | null | undefined {
    const known = this.#cache.peek(identityKey(platform, userId));
    return known === undefined ? undefined : known.card;
  }

  /** The tier of an account: undefined while unknown, null when it belongs to no member. */
  tier(platform: string, userId: string): MemberTier | null | undefined {
    const card = this.card(platform, userId);
    return card === undefined ? undefined : card === null ? null : card.tier;
  }

  /** Accounts remembered (at most the cache size). */
  get cached(): number {
    return this.#cache.size;
  }

  /** Accounts waiting for the next request. */
  get queued(): number {
    return this.#queue.size;
  }

  /** Notes accounts just seen: the ones not known (or known too long ago) are asked about in the next request. */
  request(accounts: Iterable<Account>): void {
    const now = this.#now();
    let added = false;
    for (const account of accounts) {
      const key = identityKey(account.platform, account.userId);
      const known = this.#cache.get(key); // a use: keeps active commenters in the cache
      if (known !== undefined && now - known.at < (known.failed ? this.#retryMs : this.#ttlMs)) continue;
      if (this.#inFlight.has(key)) continue;
      if (this.#queue.has(key)) {
        // newest last: the oldest waiting are the first dropped when the queue overflows
        this.#queue.delete(key);
      }
      this.#queue.set(key, { platform: account.platform, userId: account.userId });
      added = true;
    }
    while (this.#queue.size > this.#maxQueue) {
      const oldest = this.#queue.keys().next();
      if (oldest.done === true) break;
      this.#queue.delete(oldest.value);
    }
    if (added) this.#schedule();
  }

  /** Forgets every answer (member records changed: a feed-back, an import, a merge); shown badges stay until re-asked. */
  invalidate(): void {
    const now = this.#now();
    for (const key of [...this.#cache.keys()]) {
      const known = this.#cache.peek(key);
      if (known !== undefined) this.#cache.set(key, { ...known, at: Math.min(known.at, now - this.#ttlMs) });
    }
  }

  /** Drops everything, including what is waiting; an answer still on its way is ignored. */
  reset(): void {
    this.#generation += 1;
    this.#cache.clear();
    this.#queue.clear();
    this.#inFlight.clear();
    if (this.#timer !== null) this.#clearTimer(this.#timer);
    this.#timer = null;
    this.#busy = false;
    this.#nextAllowedAt = Number.NEGATIVE_INFINITY;
    this.version += 1;
    this.#onUpdate();
  }

  #schedule(): void {
    if (this.#timer !== null || this.#busy || this.#queue.size === 0) return;
    const delay = Math.max(0, this.#nextAllowedAt - this.#now());
    this.#timer = this.#setTimer(() => {
      this.#timer = null;
      void this.#flush();
    }, delay);
  }

  async #flush(): Promise<void> {
    if (this.#busy || this.#queue.size === 0) return;
    const batch: Account[] = [];
    const keys: string[] = [];
    for (const [key, account] of this.#queue) {
      if (batch.length >= this.#batchSize) break;
      batch.push(account);
      keys.push(key);
    }
    for (const key of keys) {
      this.#queue.delete(key);
      this.#inFlight.add(key);
    }
    const generation = this.#generation;
    this.#busy = true;
    this.#nextAllowedAt = this.#now() + this.#intervalMs;
    this.requests += 1;
    const found: Readonly<Record<string, MemberCard>> | null = await Promise.resolve()
      .then(() => this.#fetch(batch))
      .catch(() => null);
    if (generation !== this.#generation) return;
    const at = this.#now();
    for (const key of keys) {
      this.#inFlight.delete(key);
      if (found === null) {
        // keep what was shown before; ask again later
        this.#cache.set(key, { card: this.#cache.peek(key)?.card ?? null, at, failed: true });
      } else {
        const card = Object.hasOwn(found, key) ? found[key] : undefined;
        this.#cache.set(key, { card: card ?? null, at, failed: false });
      }
    }
    if (found === null) this.#nextAllowedAt = Math.max(this.#nextAllowedAt, at + Math.min(this.#retryMs, 5 * this.#intervalMs));
    this.#busy = false;
    this.version += 1;
    this.#onUpdate();
    this.#schedule();
  }
}
