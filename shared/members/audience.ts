import { z } from 'zod';
import { MemberTier } from './member.ts';

const DAY_MS = 86_400_000;

/** The repurchase windows the operations plan tracks (7-day and 30-day). */
export const REPURCHASE_DAYS = [7, 30] as const;

export const RepurchaseFigure = z.object({
  days: z.number().int().positive(),
  /** Buyers of this show who paid for another order within `days` after it ended. */
  buyers: z.number().int().min(0),
  rate: z.number().nullable(),
  /** False while the window is still open: the figure can only grow. */
  complete: z.boolean(),
});
export type RepurchaseFigure = z.infer<typeof RepurchaseFigure>;

/**
 * The show's orders checked against member records (amounts in yuan, SPEND_CURRENCY only): what the live feed
 * counted, what has been refunded or cancelled since, and orders of the show's time that only the shop's export
 * knows (the feed missed them). Net = live − refunded + shop only.
 */
export const OrdersCheck = z.object({
  live: z.number().int().min(0),
  liveAmount: z.number(),
  refunded: z.number().int().min(0),
  refundedAmount: z.number(),
  shopOnly: z.number().int().min(0),
  shopOnlyAmount: z.number(),
  netAmount: z.number(),
});
export type OrdersCheck = z.infer<typeof OrdersCheck>;

/**
 * What one broadcast meant for member records: who came (by tier), how long they stayed, who bought for the
 * first time, and who came back to buy again. Only broadcasts fed back into member records have one.
 */
export const SessionAudience = z.object({
  fedBackAt: z.number().nullable(),
  members: z.number().int().min(0),
  newMembers: z.number().int().min(0),
  /** Attendees by their tier now. */
  tiers: z.record(MemberTier, z.number().int().min(0)),
  averageWatchMs: z.number().nullable(),
  buyers: z.number().int().min(0),
  firstTimeBuyers: z.number().int().min(0),
  /** First-time buyers / buyers. */
  firstPurchaseRate: z.number().nullable(),
  repurchase: z.array(RepurchaseFigure),
  orders: OrdersCheck,
});
export type SessionAudience = z.infer<typeof SessionAudience>;

/** A share, or null when there is nothing to divide by. */
export function shareOf(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** Start and end of a repurchase window after a show, and whether it has closed at `now`. */
export function repurchaseWindow(endedAt: number, days: number, now: number): { from: number; to: number; complete: boolean } {
  const to = endedAt + days * DAY_MS;
  return { from: endedAt, to, complete: now >= to };
}

export function repurchaseFigure(days: number, repeatBuyers: number, buyers: number, endedAt: number, now: number): RepurchaseFigure {
  return { days, buyers: repeatBuyers, rate: shareOf(repeatBuyers, buyers), complete: repurchaseWindow(endedAt, days, now).complete };
}
