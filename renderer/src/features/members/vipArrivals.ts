import type { FeedEvent, Platform } from '../../../../shared/feeds/events.ts';
import { identityKey, type MemberTier } from '../../../../shared/members/member.ts';

/** A VIP's first appearance in the current session: they came in, or commented for the first time. */
export interface VipArrival {
  /** identityKey(platform, userId) */
  key: string;
  eventId: string;
  platform: Platform;
  userId: string;
  nickname: string;
  at: number;
  via: 'enter' | 'comment';
  /** The member's name in the records, when known. */
  displayName?: string;
}

/** The tier of an account: undefined while not known yet, null when it belongs to no member. */
export type TierOf = (platform: Platform, userId: string) => MemberTier | null | undefined;

export interface ArrivalTrackerOptions {
  /** Only arrivals at most this old are announced (a backlog after a reload is history, not news). */
  recentMs?: number;
  /** VIP accounts remembered as already arrived in this session. */
  maxSeen?: number;
  /** First appearances whose tier is still being looked up. */
  maxAwaiting?: number;
}

export const ARRIVAL_DEFAULTS = { recentMs: 60_000, maxSeen: 50_000, maxAwaiting: 2_000 } as const;

type Candidate = Omit<VipArrival, 'displayName'>;

/**
 * Finds VIP arrivals in the feed: the first `enter` or `comment` of each account in the current session, when the
 * account's member is VIP. The tier is often not known when the event arrives (its lookup is batched), so first
 * appearances wait until `resolve` is called with newer answers; ones that turned stale are dropped.
 *
 * Only VIPs are remembered as arrived: everyone else is asked about again (answers are cached) when they next
 * appear, so a busy room's thousands of other accounts do not fill the page's memory.
 */
export class ArrivalTracker {
  readonly #recentMs: number;
  readonly #maxSeen: number;
  readonly #maxAwaiting: number;
  #session: number | null = null;
  #seen = new Set<string>();
  #awaiting = new Map<string, Candidate>();

  constructor(options: ArrivalTrackerOptions = {}) {
    this.#recentMs = options.recentMs ?? ARRIVAL_DEFAULTS.recentMs;
    this.#maxSeen = options.maxSeen ?? ARRIVAL_DEFAULTS.maxSeen;
    this.#maxAwaiting = options.maxAwaiting ?? ARRIVAL_DEFAULTS.maxAwaiting;
  }

  /** The current session, by its start instant (null before any show): a new one starts everyone afresh. */
  setSession(startedAt: number | null): void {
    if (startedAt === this.#session) return;
    this.#session = startedAt;
    this.#seen = new Set();
    this.#awaiting = new Map();
  }

  get session(): number | null {
    return this.#session;
  }

  /** First appearances still waiting for their tier. */
  get awaiting(): number {
    return this.#awaiting.size;
  }

  /** Arrivals among `events` whose tier is known now; the others wait for `resolve`. */
  observe(events: readonly FeedEvent[], tierOf: TierOf, now: number): VipArrival[] {
    const out: VipArrival[] = [];
    for (const event of events) {
      if (event.type !== 'enter' && event.type !== 'comment') continue;
      if (this.#session !== null && event.at < this.#session) continue; // before this show started
      const key = identityKey(event.platform, event.userId);
      if (this.#seen.has(key) || this.#awaiting.has(key)) continue;
      const candidate: Candidate = {
        key,
        eventId: event.id,
        platform: event.platform,
        userId: event.userId,
        nickname: event.nickname,
        at: event.at,
        via: event.type,
      };
      const tier = tierOf(event.platform, event.userId);
      if (tier === undefined) this.#wait(candidate);
      else if (tier === 'vip') this.#arrived(candidate, now, out);
    }
    return out;
  }

  /** Arrivals among the first appearances that were waiting, now that more tiers are known. */
  resolve(tierOf: TierOf, now: number): VipArrival[] {
    const out: VipArrival[] = [];
    for (const [key, candidate] of this.#awaiting) {
      const tier = tierOf(candidate.platform, candidate.userId);
      if (tier === undefined && this.#isRecent(candidate, now)) continue;
      this.#awaiting.delete(key);
      if (tier === 'vip') this.#arrived(candidate, now, out);
    }
    return out;
  }

  /** A VIP's first appearance: remembered, and announced unless it is old news. */
  #arrived(candidate: Candidate, now: number, out: VipArrival[]): void {
    this.#remember(candidate.key);
    if (this.#isRecent(candidate, now)) out.push(candidate);
  }

  #isRecent(candidate: Candidate, now: number): boolean {
    return now - candidate.at <= this.#recentMs;
  }

  #remember(key: string): void {
    this.#seen.add(key);
    if (this.#seen.size > this.#maxSeen) {
      const oldest = this.#seen.values().next();
      if (oldest.done !== true) this.#seen.delete(oldest.value);
    }
  }

  #wait(candidate: Candidate): void {
    this.#awaiting.set(candidate.key, candidate);
    if (this.#awaiting.size > this.#maxAwaiting) {
      const oldest = this.#awaiting.keys().next();
      if (oldest.done !== true) this.#awaiting.delete(oldest.value);
    }
  }
}
