import { z } from 'zod';
import type { FeedEvent, FeedEventOf } from './events.ts';
import { DistinctCounter, hash53, HashTable } from './hashed.ts';
import { Light, dropLight, type DropThresholds } from './lights.ts';

export interface MetricsOptions {
  /** GMV is summed in this currency; orders in others are counted apart, never converted. */
  currency?: string;
  /** Viewers now against the highest count within the last `windowMs` ("down 30% in 2 minutes" → red). */
  viewerLight?: DropThresholds & { windowMs: number };
  /** Comments per minute now against the show's average so far, judged once the show is `minShowMs` old. */
  commentLight?: DropThresholds & { minShowMs: number };
}

export const DEFAULT_METRICS_OPTIONS: Required<MetricsOptions> = {
  currency: 'CNY',
  viewerLight: { windowMs: 120_000, yellow: 0.15, red: 0.3, minBaseline: 20 },
  commentLight: { minShowMs: 120_000, yellow: 0.3, red: 0.5, minBaseline: 5 },
};

const nullableRate = z.number().nullable();

/** Everything the KPI strip shows. Rates are null while their denominator is zero. */
export const MetricsSnapshot = z.object({
  at: z.number(),
  /** Engine time of the first event, null before any. */
  startedAt: z.number().nullable(),
  viewers: z.object({
    now: z.number(),
    peak: z.number(),
    /** Time-weighted since the first viewer count. */
    average: z.number(),
    /** Views since the stream started, summed over feeds that report it. */
    cumulative: z.number().nullable(),
  }),
  /** Distinct users seen entering, commenting, liking, gifting, following, sharing or ordering (exact up to EXACT_ACCOUNTS). */
  uniqueViewers: z.number(),
  /** Distinct users who commented, liked, gifted, followed or shared (exact up to EXACT_ACCOUNTS). */
  interactingUsers: z.number(),
  interactionRate: nullableRate,
  comments: z.number(),
  questions: z.number(),
  /** Over the last 60 seconds. */
  commentsPerMinute: z.number(),
  likes: z.number(),
  gifts: z.number(),
  giftValue: z.number(),
  follows: z.number(),
  shares: z.number(),
  currency: z.string(),
  /** Paid minus refunded and cancelled, in `currency`. */
  gmv: z.number(),
  orders: z.number(),
  items: z.number(),
  buyers: z.number(),
  refunds: z.number(),
  cancellations: z.number(),
  /** Orders in other currencies (not in GMV). */
  otherCurrencyOrders: z.number(),
  averageOrderValue: nullableRate,
  /** Buyers / unique viewers. */
  conversionRate: nullableRate,
  /** GMV / unique viewers. */
  uvValue: nullableRate,
  /** GMV per 1,000 cumulative views; null when no feed reports cumulative views. */
  gpm: nullableRate,
  /** Relay outages recorded; figures may be incomplete when > 0. */
  gaps: z.number(),
  streamEnded: z.boolean(),
  lights: z.object({ viewers: Light, comments: Light }),
});
export type MetricsSnapshot = z.infer<typeof MetricsSnapshot>;

/**
 * Distinct accounts per session counted exactly; past this many, unique viewers and interacting users are estimated
 * (HyperLogLog, ±0.8 %) and their memory stops growing. A million accounts is a very large show; below it, the counts
 * and so the conversion rate are exact (accounts are kept as 53-bit hashes: a collision among a million, which would
 * undercount by one, has a chance of about 1 in 18,000).
 */
export const EXACT_ACCOUNTS = 1_000_000;

/** Per order (HashTable columns): what it counted for, to take it back on a refund or cancellation. */
const ORDER_CENTS = 0;
const ORDER_QUANTITY = 1;
const ORDER_BUYER = 2;
/** 1 while it counts in GMV; 0 once reversed, or never counted (other currency). */
const ORDER_COUNTED = 3;
const ORDER_COLUMNS = 4;
const UPDATE_STATUS: Readonly<Record<'refunded' | 'cancelled', number>> = { refunded: 1, cancelled: 2 };

const WINDOW_SECONDS = 60;

/**
 * Live KPIs folded from feed events. Pure: state changes only through `apply`, and `snapshot(now)` depends
 * only on the events applied and `now` (engine clock), so a replayed session log gives the same figures.
 */
export class LiveMetrics {
  readonly #options: Required<MetricsOptions>;
  #startedAt: number | null = null;

  // Viewers: the latest count per feed, summed (simulcast rooms add up).
  readonly #viewersByFeed = new Map<string, number>();
  readonly #cumulativeByFeed = new Map<string, number>();
  #viewersNow = 0;
  #viewersPeak = 0;
  #viewersFirstAt: number | null = null;
  #viewersLastAt = 0;
  /** ∫ viewers dt up to #viewersLastAt. */
  #viewerArea = 0;
  /** Change points within the light's window, plus the last one before it. */
  #viewerHistory: { at: number; value: number }[] = [];

  // Accounts as hash53 values: a show can bring hundreds of thousands.
  readonly #seen = new DistinctCounter(EXACT_ACCOUNTS);
  readonly #interacting = new DistinctCounter(EXACT_ACCOUNTS);

  #comments = 0;
  #questions = 0;
  readonly #bucketSecond = new Array<number>(WINDOW_SECONDS).fill(-1);
  readonly #bucketCount = new Array<number>(WINDOW_SECONDS).fill(0);

  #likes = 0;
  #gifts = 0;
  #giftValue = 0;
  #follows = 0;
  #shares = 0;

  /**
   * Every order of the session by hash53 of `platform:orderId` (resends and refunds may come at any time, and GMV
   * must stay exact): 40 bytes a slot, 57–114 bytes an order with the table's spare room.
   */
  readonly #orders = new HashTable(ORDER_COLUMNS);
  /** Refunds/cancels that arrived before their order: UPDATE_STATUS by order hash. */
  readonly #earlyUpdates = new HashTable(1);
  /** Counted orders per buyer (hash53 of the account); `#buyers` of them are above zero. */
  readonly #ordersPerBuyer = new HashTable(1);
  #buyers = 0;
  #gmvCents = 0;
  #orderCount = 0;
  #items = 0;
  #refunds = 0;
  #cancellations = 0;
  #otherCurrencyOrders = 0;

  #gaps = 0;
  #streamEnded = false;

  constructor(options: MetricsOptions = {}) {
    this.#options = { ...DEFAULT_METRICS_OPTIONS, ...options };
  }

  apply(event: FeedEvent): void {
    this.#startedAt ??= event.at;
    switch (event.type) {
      case 'viewers':
        this.#applyViewers(event);
        break;
      case 'comment':
        this.#comments += 1;
        if (event.isQuestion) this.#questions += 1;
        this.#countComment(event.at);
        this.#interact(event);
        break;
      case 'like':
        this.#likes += event.count;
        this.#interact(event);
        break;
      case 'gift':
        this.#gifts += event.count;
        this.#giftValue += event.value ?? 0;
        this.#interact(event);
        break;
      case 'follow':
        this.#follows += 1;
        this.#interact(event);
        break;
      case 'share':
        this.#shares += 1;
        this.#interact(event);
        break;
      case 'enter':
        this.#seen.add(userKey(event));
        break;
      case 'order':
        this.#applyOrder(event);
        break;
      case 'orderUpdate':
        this.#applyOrderUpdate(event);
        break;
      case 'gap':
        this.#gaps += 1;
        break;
      case 'streamEnd':
        this.#streamEnded = true;
        break;
    }
  }

  snapshot(now: number): MetricsSnapshot {
    const unique = this.#seen.count;
    const gmv = this.#gmvCents / 100;
    const cumulative = this.#cumulativeByFeed.size > 0 ? sum(this.#cumulativeByFeed.values()) : null;
    const perViewer = (x: number) => (unique > 0 ? x / unique : null);
    const cpm = this.#commentsInWindow(now);
    return {
      at: now,
      startedAt: this.#startedAt,
      viewers: { now: this.#viewersNow, peak: this.#viewersPeak, average: this.#viewersAverage(now), cumulative },
      uniqueViewers: unique,
      interactingUsers: this.#interacting.count,
      interactionRate: perViewer(this.#interacting.count),
      comments: this.#comments,
      questions: this.#questions,
      commentsPerMinute: cpm,
      likes: this.#likes,
      gifts: this.#gifts,
      giftValue: this.#giftValue,
      follows: this.#follows,
      shares: this.#shares,
      currency: this.#options.currency,
      gmv,
      orders: this.#orderCount,
      items: this.#items,
      buyers: this.#buyers,
      refunds: this.#refunds,
      cancellations: this.#cancellations,
      otherCurrencyOrders: this.#otherCurrencyOrders,
      averageOrderValue: this.#orderCount > 0 ? gmv / this.#orderCount : null,
      conversionRate: perViewer(this.#buyers),
      uvValue: perViewer(gmv),
      gpm: cumulative ? (gmv / cumulative) * 1000 : null,
      gaps: this.#gaps,
      streamEnded: this.#streamEnded,
      lights: { viewers: this.#viewerLight(now), comments: this.#commentLight(now, cpm) },
    };
  }

  #applyViewers(event: FeedEventOf<'viewers'>): void {
    const at = Math.max(event.at, this.#viewersLastAt); // a clock step back must not give negative area
    if (this.#viewersFirstAt === null) this.#viewersFirstAt = at;
    else this.#viewerArea += this.#viewersNow * (at - this.#viewersLastAt);
    this.#viewersLastAt = at;
    this.#viewersByFeed.set(event.feedId, event.current);
    if (event.cumulative !== undefined) this.#cumulativeByFeed.set(event.feedId, event.cumulative);
    this.#viewersNow = sum(this.#viewersByFeed.values());
    this.#viewersPeak = Math.max(this.#viewersPeak, this.#viewersNow);
    this.#viewerHistory.push({ at, value: this.#viewersNow });
    this.#pruneViewerHistory(at);
  }

  #viewersAverage(now: number): number {
    if (this.#viewersFirstAt === null) return 0;
    const end = Math.max(now, this.#viewersLastAt);
    const span = end - this.#viewersFirstAt;
    if (span <= 0) return this.#viewersNow;
    return (this.#viewerArea + this.#viewersNow * (end - this.#viewersLastAt)) / span;
  }

  /** Keep only what the light's window needs: points inside it and the one value in force at its start. */
  #pruneViewerHistory(now: number): void {
    const cutoff = now - this.#options.viewerLight.windowMs;
    let firstInside = this.#viewerHistory.findIndex((p) => p.at > cutoff);
    if (firstInside === -1) firstInside = this.#viewerHistory.length;
    if (firstInside > 1) this.#viewerHistory = this.#viewerHistory.slice(firstInside - 1);
  }

  #viewerLight(now: number): Light {
    const cutoff = now - this.#options.viewerLight.windowMs;
    let baseline: number | null = null;
    for (let i = 0; i < this.#viewerHistory.length; i++) {
      const point = this.#viewerHistory[i];
      const next = this.#viewerHistory[i + 1];
      if (!point || (next && next.at <= cutoff)) continue; // superseded before the window opened
      baseline = Math.max(baseline ?? 0, point.value);
    }
    return dropLight(this.#viewersNow, baseline, this.#options.viewerLight);
  }

  #countComment(at: number): void {
    const second = Math.floor(at / 1000);
    const slot = second % WINDOW_SECONDS;
    if (this.#bucketSecond[slot] !== second) {
      this.#bucketSecond[slot] = second;
      this.#bucketCount[slot] = 0;
    }
    this.#bucketCount[slot] = (this.#bucketCount[slot] ?? 0) + 1;
  }

  #commentsInWindow(now: number): number {
    const nowSecond = Math.floor(now / 1000);
    let count = 0;
    for (let slot = 0; slot < WINDOW_SECONDS; slot++) {
      const second = this.#bucketSecond[slot] ?? -1;
      if (second > nowSecond - WINDOW_SECONDS && second <= nowSecond) count += this.#bucketCount[slot] ?? 0;
    }
    return count;
  }

  #commentLight(now: number, cpm: number): Light {
    const { minShowMs } = this.#options.commentLight;
    if (this.#startedAt === null || now - this.#startedAt < minShowMs) return 'none';
    const average = this.#comments / ((now - this.#startedAt) / 60_000);
    return dropLight(cpm, average, this.#options.commentLight);
  }

  #interact(event: FeedEventOf<'comment' | 'like' | 'gift' | 'follow' | 'share'>): void {
    const key = userKey(event);
    this.#seen.add(key);
    this.#interacting.add(key);
  }

  #applyOrder(event: FeedEventOf<'order'>): void {
    const key = orderKey(event);
    if (this.#orders.has(key)) return; // already counted: resends and reconciliation must not double GMV
    const buyer = userKey(event);
    this.#seen.add(buyer);
    const counted = event.currency === this.#options.currency;
    if (!counted) this.#otherCurrencyOrders += 1;
    const cents = counted ? Math.round(event.amount * 100) : 0;
    const quantity = counted ? event.quantity : 0;
    const slot = this.#orders.insert(key);
    this.#orders.set(slot, ORDER_CENTS, cents);
    this.#orders.set(slot, ORDER_QUANTITY, quantity);
    this.#orders.set(slot, ORDER_BUYER, buyer);
    this.#orders.set(slot, ORDER_COUNTED, counted ? 1 : 0);
    if (counted) this.#count(cents, quantity, buyer, 1);
    const early = this.#earlyUpdates.find(key);
    if (early !== -1) {
      const status = this.#earlyUpdates.get(early) === UPDATE_STATUS.refunded ? 'refunded' : 'cancelled';
      this.#earlyUpdates.delete(key);
      this.#reverse(key, status);
    }
  }

  #applyOrderUpdate(event: FeedEventOf<'orderUpdate'>): void {
    const key = orderKey(event);
    if (!this.#orders.has(key)) {
      this.#earlyUpdates.set(this.#earlyUpdates.insert(key), 0, UPDATE_STATUS[event.status]);
      return;
    }
    this.#reverse(key, event.status);
  }

  #reverse(key: number, status: 'refunded' | 'cancelled'): void {
    const slot = this.#orders.find(key);
    if (slot === -1 || this.#orders.get(slot, ORDER_COUNTED) !== 1) return;
    this.#orders.set(slot, ORDER_COUNTED, 0);
    this.#count(this.#orders.get(slot, ORDER_CENTS), this.#orders.get(slot, ORDER_QUANTITY), this.#orders.get(slot, ORDER_BUYER), -1);
    if (status === 'refunded') this.#refunds += 1;
    else this.#cancellations += 1;
  }

  #count(cents: number, quantity: number, buyer: number, sign: 1 | -1): void {
    this.#gmvCents += sign * cents;
    this.#orderCount += sign;
    this.#items += sign * quantity;
    const slot = this.#ordersPerBuyer.insert(buyer);
    const before = this.#ordersPerBuyer.get(slot);
    const after = Math.max(0, before + sign);
    this.#ordersPerBuyer.set(slot, 0, after);
    if (before === 0 && after > 0) this.#buyers += 1;
    else if (before > 0 && after === 0) this.#buyers -= 1;
  }
}

function userKey(event: { platform: string; userId: string }): number {
  return hash53(`${event.platform}:${event.userId}`);
}

function orderKey(event: { platform: string; orderId: string }): number {
  return hash53(`${event.platform}:${event.orderId}`);
}

function sum(values: Iterable<number>): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}
