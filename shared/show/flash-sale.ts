import type { FlashSalePlan } from './schema.ts';

/*
 * One flash sale (秒杀) as a state machine over instants (engine-clock ms):
 *
 *   scheduled --open--> warmup --(warm-up elapsed)--> live --(duration elapsed)--> ended
 *                                                      live --(last unit sold)--> soldout
 *   scheduled | warmup | live --cancel--> cancelled
 *
 * Time-driven transitions happen at the instant they were due (openedAt + warmupMs, liveAt + durationMs),
 * not at the tick that noticed, so the log and the countdowns are exact whatever the tick rate. Every
 * function that takes `now` first applies them, so a sale arriving after the end is refused even if no tick
 * ran in between. Transitions that do not apply return the same object.
 */

export type FlashSaleStatus = 'scheduled' | 'warmup' | 'live' | 'soldout' | 'ended' | 'cancelled';

export interface FlashSaleTransition {
  at: number;
  from: FlashSaleStatus;
  to: FlashSaleStatus;
}

export type SaleRejection =
  | 'not_live' // still scheduled or warming up
  | 'closed' // ended or cancelled
  | 'sold_out'
  | 'over_limit' // the buyer would exceed the per-customer limit
  | 'insufficient_stock' // fewer units left than asked for
  | 'invalid_quantity'
  | 'invalid_buyer';

export const SALE_REJECTIONS: readonly SaleRejection[] = [
  'not_live',
  'closed',
  'sold_out',
  'over_limit',
  'insufficient_stock',
  'invalid_quantity',
  'invalid_buyer',
];

/** Buyer ids come from platform feeds; bound them so a hostile feed cannot bloat the state. */
export const MAX_BUYER_ID_LENGTH = 128;

export interface FlashSaleState {
  /** Copied from the plan when created, so editing the show cannot change a sale that is under way. */
  plan: FlashSalePlan;
  status: FlashSaleStatus;
  openedAt: number | null;
  /** Instant of soldout, ended or cancelled. */
  closedAt: number | null;
  sold: number;
  remaining: number;
  /** Accepted sales. */
  orders: number;
  /** Units bought per buyer. */
  purchases: Record<string, number>;
  /** Refused attempts by reason. */
  rejected: Record<SaleRejection, number>;
  log: FlashSaleTransition[];
}

export function createFlashSale(plan: FlashSalePlan): FlashSaleState {
  return {
    plan,
    status: 'scheduled',
    openedAt: null,
    closedAt: null,
    sold: 0,
    remaining: plan.quantity,
    orders: 0,
    purchases: {},
    rejected: Object.fromEntries(SALE_REJECTIONS.map((r) => [r, 0])) as Record<SaleRejection, number>,
    log: [],
  };
}

function move(state: FlashSaleState, to: FlashSaleStatus, at: number): FlashSaleState {
  const closes = to === 'soldout' || to === 'ended' || to === 'cancelled';
  return {
    ...state,
    status: to,
    openedAt: to === 'warmup' ? at : state.openedAt,
    closedAt: closes ? at : state.closedAt,
    log: [...state.log, { at, from: state.status, to }],
  };
}

/** When the sale goes (or went) live; null before it is opened. */
export function saleLiveAt(state: FlashSaleState): number | null {
  return state.openedAt === null ? null : state.openedAt + state.plan.warmupMs;
}

/** When the sale ends (or ended) by time; null before it is opened. */
export function saleEndsAt(state: FlashSaleState): number | null {
  const live = saleLiveAt(state);
  return live === null ? null : live + state.plan.durationMs;
}

/** Starts the warm-up (the pre-countdown buyers see before the sale opens). */
export function openSale(state: FlashSaleState, now: number): FlashSaleState {
  return state.status === 'scheduled' ? move(state, 'warmup', now) : state;
}

/** Applies the transitions due by `now`: warm-up over → live; duration over → ended. */
export function tickSale(state: FlashSaleState, now: number): FlashSaleState {
  let s = state;
  const live = saleLiveAt(s);
  if (s.status === 'warmup' && live !== null && now >= live) s = move(s, 'live', live);
  const end = saleEndsAt(s);
  if (s.status === 'live' && end !== null && now >= end) s = move(s, 'ended', end);
  return s;
}

export function cancelSale(state: FlashSaleState, now: number): FlashSaleState {
  const s = tickSale(state, now);
  if (s.status !== 'scheduled' && s.status !== 'warmup' && s.status !== 'live') return s;
  return move(s, 'cancelled', Math.max(now, s.log.at(-1)?.at ?? now));
}

export type SaleResult = { accepted: true; state: FlashSaleState } | { accepted: false; reason: SaleRejection; state: FlashSaleState };

function purchasedBy(state: FlashSaleState, buyerId: string): number {
  return Object.hasOwn(state.purchases, buyerId) ? (state.purchases[buyerId] ?? 0) : 0;
}

function refuse(state: FlashSaleState, reason: SaleRejection): SaleResult {
  return { accepted: false, reason, state: { ...state, rejected: { ...state.rejected, [reason]: state.rejected[reason] + 1 } } };
}

/**
 * An order of `quantity` units by `buyerId` at `now`. Refused (and counted by reason) unless the sale is
 * live at `now`, the buyer stays within the per-customer limit and enough units remain; the last unit
 * sold turns the sale to soldout.
 */
export function recordSale(state: FlashSaleState, quantity: number, buyerId: string, now: number): SaleResult {
  const s = tickSale(state, now);
  if (!Number.isInteger(quantity) || quantity < 1) return refuse(s, 'invalid_quantity');
  if (buyerId.length === 0 || buyerId.length > MAX_BUYER_ID_LENGTH) return refuse(s, 'invalid_buyer');
  if (s.status === 'scheduled' || s.status === 'warmup') return refuse(s, 'not_live');
  if (s.status === 'soldout') return refuse(s, 'sold_out');
  if (s.status !== 'live') return refuse(s, 'closed');
  const bought = purchasedBy(s, buyerId);
  if (bought + quantity > s.plan.perCustomerLimit) return refuse(s, 'over_limit');
  if (quantity > s.remaining) return refuse(s, 'insufficient_stock');
  const sold: FlashSaleState = {
    ...s,
    sold: s.sold + quantity,
    remaining: s.remaining - quantity,
    orders: s.orders + 1,
    // Computed key: a buyer called "__proto__" becomes an ordinary entry.
    purchases: { ...s.purchases, [buyerId]: bought + quantity },
  };
  return { accepted: true, state: sold.remaining === 0 ? move(sold, 'soldout', Math.max(now, saleLiveAt(sold) ?? now)) : sold };
}

export interface SaleCountdown {
  phase: 'to_live' | 'to_end';
  /** The instant counted down to. */
  at: number;
  /** Never negative. */
  remainingMs: number;
}

/** The countdown to show at `now`: to going live during warm-up, to the end while live, else none. */
export function saleCountdown(state: FlashSaleState, now: number): SaleCountdown | null {
  const s = tickSale(state, now);
  const target = s.status === 'warmup' ? saleLiveAt(s) : s.status === 'live' ? saleEndsAt(s) : null;
  if (target === null) return null;
  return { phase: s.status === 'warmup' ? 'to_live' : 'to_end', at: target, remainingMs: Math.max(0, target - now) };
}

/** The status at `now`, with time-driven transitions applied. */
export function saleStatusAt(state: FlashSaleState, now: number): FlashSaleStatus {
  return tickSale(state, now).status;
}
