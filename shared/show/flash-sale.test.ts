import { describe, expect, it } from 'vitest';
import {
  cancelSale,
  createFlashSale,
  openSale,
  recordSale,
  saleCountdown,
  saleEndsAt,
  saleLiveAt,
  saleStatusAt,
  tickSale,
} from './flash-sale.ts';
import type { FlashSaleState, SaleResult } from './flash-sale.ts';
import type { FlashSalePlan } from './schema.ts';

const T0 = 1_764_590_400_000;
const at = (ms: number) => T0 + ms;

/** 30 s warm-up, 3 min live, 5 units, at most 2 per buyer. */
const plan: FlashSalePlan = {
  id: 'sale-1',
  productId: 'p-cream',
  dealPrice: 139,
  quantity: 5,
  perCustomerLimit: 2,
  warmupMs: 30_000,
  durationMs: 180_000,
  start: { mode: 'manual' },
};
const LIVE = 30_000;
const END = 210_000;

const opened = () => openSale(createFlashSale(plan), at(0));
const live = () => tickSale(opened(), at(LIVE));

function accepted(result: SaleResult): FlashSaleState {
  if (!result.accepted) throw new Error(`refused: ${result.reason}`);
  return result.state;
}

function refused(result: SaleResult) {
  if (result.accepted) throw new Error('expected a refusal');
  return result;
}

describe('lifecycle', () => {
  it('is scheduled with the whole quantity and nothing logged', () => {
    const s = createFlashSale(plan);
    expect(s).toMatchObject({ status: 'scheduled', openedAt: null, closedAt: null, sold: 0, remaining: 5, orders: 0, log: [] });
    expect(saleLiveAt(s)).toBeNull();
    expect(saleEndsAt(s)).toBeNull();
    expect(tickSale(s, at(999_999))).toBe(s);
  });

  it('open starts the warm-up; opening again does nothing', () => {
    const s = opened();
    expect(s).toMatchObject({ status: 'warmup', openedAt: at(0) });
    expect(s.log).toEqual([{ at: at(0), from: 'scheduled', to: 'warmup' }]);
    expect(openSale(s, at(5))).toBe(s);
    expect(saleLiveAt(s)).toBe(at(LIVE));
    expect(saleEndsAt(s)).toBe(at(END));
  });

  it('goes live exactly when the warm-up has elapsed, not a millisecond before', () => {
    const s = opened();
    expect(tickSale(s, at(LIVE - 1))).toBe(s);
    const l = tickSale(s, at(LIVE));
    expect(l.status).toBe('live');
    expect(l.log.at(-1)).toEqual({ at: at(LIVE), from: 'warmup', to: 'live' });
  });

  it('ends exactly when the duration has elapsed', () => {
    const l = live();
    expect(tickSale(l, at(END - 1))).toBe(l);
    const e = tickSale(l, at(END));
    expect(e).toMatchObject({ status: 'ended', closedAt: at(END) });
    expect(tickSale(e, at(END + 1))).toBe(e);
  });

  it('a late tick logs each transition at the instant it was due', () => {
    const e = tickSale(opened(), at(10 * 60_000));
    expect(e.log).toEqual([
      { at: at(0), from: 'scheduled', to: 'warmup' },
      { at: at(LIVE), from: 'warmup', to: 'live' },
      { at: at(END), from: 'live', to: 'ended' },
    ]);
    expect(e.closedAt).toBe(at(END));
  });

  it('can be cancelled before or during the sale, not after it closed', () => {
    const c = cancelSale(createFlashSale(plan), at(5));
    expect(c).toMatchObject({ status: 'cancelled', closedAt: at(5) });
    expect(cancelSale(opened(), at(10)).log.at(-1)).toEqual({ at: at(10), from: 'warmup', to: 'cancelled' });
    expect(cancelSale(live(), at(60_000)).log.at(-1)).toEqual({ at: at(60_000), from: 'live', to: 'cancelled' });
    expect(cancelSale(c, at(6))).toBe(c);
    expect(openSale(c, at(7))).toBe(c);
    // Cancelling after the time ran out finds the sale already ended.
    expect(cancelSale(live(), at(END)).status).toBe('ended');
  });
});

describe('sales', () => {
  it('decrements the remaining quantity and tracks buyers', () => {
    let s = accepted(recordSale(live(), 2, 'alice', at(LIVE)));
    s = accepted(recordSale(s, 1, 'bob', at(LIVE + 1)));
    expect(s).toMatchObject({ sold: 3, remaining: 2, orders: 2, purchases: { alice: 2, bob: 1 } });
  });

  it('refuses and counts an attempt over the per-customer limit, across several orders', () => {
    let s = accepted(recordSale(live(), 1, 'alice', at(LIVE)));
    const over = refused(recordSale(s, 2, 'alice', at(LIVE + 1)));
    expect(over.reason).toBe('over_limit');
    expect(over.state).toMatchObject({ sold: 1, remaining: 4, rejected: { over_limit: 1 } });
    s = accepted(recordSale(over.state, 1, 'alice', at(LIVE + 2)));
    const again = refused(recordSale(s, 1, 'alice', at(LIVE + 3)));
    expect(again.state.rejected.over_limit).toBe(2);
    expect(again.state.purchases['alice']).toBe(2);
    expect(refused(recordSale(live(), 3, 'carol', at(LIVE))).reason).toBe('over_limit');
  });

  it('sells out on the last unit at that instant, then refuses', () => {
    let s = accepted(recordSale(live(), 2, 'a', at(40_000)));
    s = accepted(recordSale(s, 2, 'b', at(41_000)));
    const short = refused(recordSale(s, 2, 'c', at(42_000)));
    expect(short.reason).toBe('insufficient_stock');
    s = accepted(recordSale(short.state, 1, 'c', at(43_000)));
    expect(s).toMatchObject({ status: 'soldout', remaining: 0, sold: 5, closedAt: at(43_000) });
    expect(s.log.at(-1)).toEqual({ at: at(43_000), from: 'live', to: 'soldout' });
    const after = refused(recordSale(s, 1, 'd', at(44_000)));
    expect(after.reason).toBe('sold_out');
    expect(after.state.rejected.sold_out).toBe(1);
    expect(tickSale(s, at(END))).toBe(s); // sold out stays sold out
  });

  it('refuses a sale before the sale is live, including exactly one millisecond before', () => {
    expect(refused(recordSale(createFlashSale(plan), 1, 'a', at(0))).reason).toBe('not_live');
    expect(refused(recordSale(opened(), 1, 'a', at(LIVE - 1))).reason).toBe('not_live');
    // At the warm-up's end the sale is live even if no tick ran.
    expect(accepted(recordSale(opened(), 1, 'a', at(LIVE))).status).toBe('live');
  });

  it('refuses a sale after the end even if no tick ran, and accepts one a millisecond before', () => {
    const l = live();
    expect(accepted(recordSale(l, 1, 'a', at(END - 1))).sold).toBe(1);
    const late = refused(recordSale(l, 1, 'a', at(END)));
    expect(late.reason).toBe('closed');
    expect(late.state).toMatchObject({ status: 'ended', sold: 0, rejected: { closed: 1 } });
    expect(refused(recordSale(cancelSale(l, at(60_000)), 1, 'a', at(61_000))).reason).toBe('closed');
  });

  it('refuses nonsense quantities and buyer ids', () => {
    for (const q of [0, -1, 1.5, Number.NaN, Infinity]) expect(refused(recordSale(live(), q, 'a', at(LIVE))).reason).toBe('invalid_quantity');
    expect(refused(recordSale(live(), 1, '', at(LIVE))).reason).toBe('invalid_buyer');
    expect(refused(recordSale(live(), 1, 'x'.repeat(129), at(LIVE))).reason).toBe('invalid_buyer');
  });

  it('treats buyer ids like "__proto__" and "constructor" as ordinary buyers', () => {
    let s = accepted(recordSale(live(), 2, '__proto__', at(LIVE)));
    s = accepted(recordSale(s, 1, 'constructor', at(LIVE)));
    expect(Object.getPrototypeOf(s.purchases)).toBe(Object.prototype);
    expect(Object.keys(s.purchases)).toEqual(['__proto__', 'constructor']);
    expect(refused(recordSale(s, 1, '__proto__', at(LIVE))).reason).toBe('over_limit');
  });

  it('never changes the state it was given', () => {
    const l = live();
    const snapshot = structuredClone(l);
    recordSale(l, 1, 'a', at(LIVE));
    recordSale(l, 9, 'a', at(LIVE));
    cancelSale(l, at(LIVE));
    expect(l).toEqual(snapshot);
  });
});

describe('countdown', () => {
  it('counts to going live during warm-up and to the end while live, from instants', () => {
    const s = opened();
    expect(saleCountdown(createFlashSale(plan), at(0))).toBeNull();
    expect(saleCountdown(s, at(0))).toEqual({ phase: 'to_live', at: at(LIVE), remainingMs: 30_000 });
    expect(saleCountdown(s, at(12_345))).toEqual({ phase: 'to_live', at: at(LIVE), remainingMs: 17_655 });
    // Derived without a tick: at the warm-up's end the countdown is already the live one.
    expect(saleCountdown(s, at(LIVE))).toEqual({ phase: 'to_end', at: at(END), remainingMs: 180_000 });
    expect(saleCountdown(s, at(END - 1))).toEqual({ phase: 'to_end', at: at(END), remainingMs: 1 });
    expect(saleCountdown(s, at(END))).toBeNull();
  });

  it('reports the status at an instant', () => {
    const s = opened();
    expect([0, LIVE - 1, LIVE, END - 1, END].map((t) => saleStatusAt(s, at(t)))).toEqual(['warmup', 'warmup', 'live', 'live', 'ended']);
  });
});
