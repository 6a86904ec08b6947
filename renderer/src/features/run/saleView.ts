import type { FlashSaleView, RunSlice } from '../../../../shared/protocol/index.ts';
import {
  SALE_REJECTIONS,
  saleCountdown,
  saleStatusAt,
  type FlashSaleState,
  type FlashSaleStatus,
  type SaleCountdown,
  type SaleRejection,
} from '../../../../shared/show/flash-sale.ts';
import type { FlashSalePlan, Show } from '../../../../shared/show/schema.ts';

/*
 * Flash sales as the runner and the prompter show them. Status and countdown are derived at the engine's `now`
 * from the recorded instants (the engine applies the same transitions on its ticks), never counted locally.
 */

/** The shared state machine reads only what a view carries; the per-buyer ledger stays in the engine. */
function asState(view: FlashSaleView): FlashSaleState {
  const rejected = Object.fromEntries(SALE_REJECTIONS.map((r) => [r, view.rejected[r] ?? 0])) as Record<SaleRejection, number>;
  return { ...view, purchases: {}, rejected };
}

export interface SaleModel {
  plan: FlashSalePlan;
  /** 'scheduled' also for a plan the engine has not opened yet (no sale view). */
  status: FlashSaleStatus;
  countdown: SaleCountdown | null;
  sold: number;
  remaining: number;
  opened: boolean;
}

export function saleModel(plan: FlashSalePlan, view: FlashSaleView | undefined, now: number): SaleModel {
  if (view === undefined) {
    return { plan, status: 'scheduled', countdown: null, sold: 0, remaining: plan.quantity, opened: false };
  }
  const state = asState(view);
  return {
    plan: view.plan,
    status: saleStatusAt(state, now),
    countdown: saleCountdown(state, now),
    sold: view.sold,
    remaining: view.remaining,
    opened: view.status !== 'scheduled',
  };
}

const ACTIVE: ReadonlySet<FlashSaleStatus> = new Set(['warmup', 'live']);

export function isActive(model: SaleModel): boolean {
  return ACTIVE.has(model.status);
}

/**
 * The sales the runner shows: every plan of the current segment, then sales still warming up or live from other
 * segments (a sale keeps running after the show moved on).
 */
export function runnerSales(show: Show, slice: RunSlice, segmentId: string | null, now: number): SaleModel[] {
  const views = new Map(slice.sales.map((s) => [s.plan.id, s]));
  const segment = show.segments.find((s) => s.id === segmentId);
  const own = (segment?.flashSales ?? []).map((plan) => saleModel(plan, views.get(plan.id), now));
  const ownIds = new Set(own.map((m) => m.plan.id));
  const others = slice.sales
    .filter((v) => !ownIds.has(v.plan.id))
    .map((v) => saleModel(v.plan, v, now))
    .filter(isActive);
  return [...own, ...others];
}

/** The one sale the streamer must know about: a live one first, else one warming up. */
/** How long the streamer keeps seeing "sold out" after a sale sells out, to announce it. */
export const SOLD_OUT_SHOWN_MS = 30_000;

export function prompterSale(slice: RunSlice, now: number): SaleModel | null {
  const models = slice.sales.map((v) => saleModel(v.plan, v, now));
  const justSoldOut = slice.sales.findIndex((v) => v.status === 'soldout' && v.closedAt !== null && now - v.closedAt < SOLD_OUT_SHOWN_MS);
  return models.find((m) => m.status === 'live') ?? models.find((m) => m.status === 'warmup') ?? models[justSoldOut] ?? null;
}

/** The engine refuses a hand-entered sale with "Sale refused: <reason>"; the reason is translated. */
export function saleRefusalReason(message: string): SaleRejection | null {
  const m = /^Sale refused: ([a-z_]+)$/.exec(message.trim());
  const reason = m?.[1];
  return reason !== undefined && (SALE_REJECTIONS as readonly string[]).includes(reason) ? (reason as SaleRejection) : null;
}

/** Yuan as "¥19.90", whole amounts without decimals ("¥99"). */
export function formatYuan(amount: number): string {
  return Number.isInteger(amount) ? `¥${amount}` : `¥${amount.toFixed(2)}`;
}
