import { z } from 'zod';

export const FlashSaleOptions = z.object({
  sku: z.string().trim().min(1).max(128),
  /** Units in stock. */
  quantity: z.number().int().positive().max(1_000_000),
  perCustomerLimit: z.number().int().positive().max(1000),
  /** Unit price in yuan. */
  price: z.number().positive().max(1_000_000),
  /** Purchase attempts per unit of stock: above 1, the sale sells out and some buyers miss it. */
  demand: z.number().positive().max(20).default(2),
  /** Time constant of the rush: most attempts land within ~3× this after opening. */
  rushMs: z.number().int().positive().max(600_000).default(2000),
});
export type FlashSaleOptions = z.input<typeof FlashSaleOptions>;

export interface FlashSaleReport {
  sku: string;
  quantity: number;
  perCustomerLimit: number;
  price: number;
  openedAt: number;
  attempts: number;
  orders: number;
  sold: number;
  remaining: number;
  soldOutAt: number | null;
  overLimitAttempts: number;
  outOfStockAttempts: number;
}

export type AttemptOutcome = { result: 'paid'; quantity: number; amount: number } | { result: 'over_limit' } | { result: 'out_of_stock' };

/**
 * One flash sale's stock and rush. Attempts arrive with an exponentially fading intensity (a spike at open);
 * stock runs out; buyers over the per-customer limit are refused as a shop would refuse them.
 */
export class FlashSale {
  readonly options: z.output<typeof FlashSaleOptions>;
  readonly openedAt: number;
  readonly #totalAttempts: number;
  #attemptsDue = 0;
  #carry = 0;
  #remaining: number;
  #orders = 0;
  #soldOutAt: number | null = null;
  #overLimit = 0;
  #outOfStock = 0;
  readonly #boughtBy = new Map<string, number>();

  constructor(options: FlashSaleOptions, openedAt: number) {
    this.options = FlashSaleOptions.parse(options);
    this.openedAt = openedAt;
    this.#remaining = this.options.quantity;
    this.#totalAttempts = Math.ceil(this.options.quantity * this.options.demand);
  }

  /** Whole attempts arriving in (t0, t1] (virtual ms since the epoch); fractions carry over. */
  attemptsBetween(t0: number, t1: number): number {
    // The tail is cut at 10 time constants so every attempt does arrive.
    const share = (t: number) => {
      const since = t - this.openedAt;
      if (since <= 0) return 0;
      return since >= 10 * this.options.rushMs ? 1 : 1 - Math.exp(-since / this.options.rushMs);
    };
    const expected = this.#totalAttempts * (share(t1) - share(t0)) + this.#carry;
    let n = Math.floor(expected + 1e-9);
    this.#carry = expected - n;
    n = Math.min(n, this.#totalAttempts - this.#attemptsDue);
    this.#attemptsDue += n;
    return n;
  }

  get finished(): boolean {
    return this.#attemptsDue >= this.#totalAttempts;
  }

  hasBought(userId: string): boolean {
    return this.#boughtBy.has(userId);
  }

  /** Who has bought so far, for drawing repeat buyers. */
  buyers(): string[] {
    return [...this.#boughtBy.keys()];
  }

  attempt(userId: string, quantity: number, at: number): AttemptOutcome {
    const already = this.#boughtBy.get(userId) ?? 0;
    if (already + quantity > this.options.perCustomerLimit) {
      this.#overLimit += 1;
      return { result: 'over_limit' };
    }
    if (quantity > this.#remaining) {
      this.#outOfStock += 1;
      return { result: 'out_of_stock' };
    }
    this.#remaining -= quantity;
    this.#boughtBy.set(userId, already + quantity);
    this.#orders += 1;
    if (this.#remaining === 0) this.#soldOutAt ??= at;
    return { result: 'paid', quantity, amount: Math.round(this.options.price * quantity * 100) / 100 };
  }

  get soldOut(): boolean {
    return this.#remaining === 0;
  }

  report(): FlashSaleReport {
    const { sku, quantity, perCustomerLimit, price } = this.options;
    return {
      sku,
      quantity,
      perCustomerLimit,
      price,
      openedAt: this.openedAt,
      attempts: this.#orders + this.#overLimit + this.#outOfStock,
      orders: this.#orders,
      sold: quantity - this.#remaining,
      remaining: this.#remaining,
      soldOutAt: this.#soldOutAt,
      overLimitAttempts: this.#overLimit,
      outOfStockAttempts: this.#outOfStock,
    };
  }
}
