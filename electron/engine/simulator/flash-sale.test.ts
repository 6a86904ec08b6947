import { describe, expect, it } from 'vitest';
import { FlashSale } from './flash-sale.ts';

describe('FlashSale', () => {
  it('spreads demand × stock attempts as a spike that fades', () => {
    const sale = new FlashSale({ sku: 'S', quantity: 100, perCustomerLimit: 2, price: 9.9, demand: 2, rushMs: 2000 }, 0);
    const perSecond: number[] = [];
    for (let s = 0; s < 20; s++) perSecond.push(sale.attemptsBetween(s * 1000, (s + 1) * 1000));
    expect(perSecond.reduce((a, b) => a + b, 0)).toBe(200);
    expect(perSecond[0]).toBeGreaterThan(perSecond[2] ?? 0);
    expect(perSecond[0]).toBeGreaterThan(60);
    expect(sale.finished).toBe(true);
    expect(sale.attemptsBetween(20_000, 30_000)).toBe(0);
  });

  it('sells until the stock is gone and enforces the per-customer limit', () => {
    const sale = new FlashSale({ sku: 'S', quantity: 3, perCustomerLimit: 2, price: 19.9 }, 1000);
    expect(sale.attempt('a', 2, 1001)).toEqual({ result: 'paid', quantity: 2, amount: 39.8 });
    expect(sale.attempt('a', 1, 1002)).toEqual({ result: 'over_limit' });
    expect(sale.attempt('b', 2, 1003)).toEqual({ result: 'out_of_stock' });
    expect(sale.attempt('b', 1, 1004)).toMatchObject({ result: 'paid' });
    expect(sale.soldOut).toBe(true);
    expect(sale.report()).toMatchObject({ sold: 3, remaining: 0, orders: 2, soldOutAt: 1004, overLimitAttempts: 1, outOfStockAttempts: 1, attempts: 4 });
  });

  it('validates its options', () => {
    expect(() => new FlashSale({ sku: '', quantity: 1, perCustomerLimit: 1, price: 1 }, 0)).toThrow();
    expect(() => new FlashSale({ sku: 'S', quantity: -1, perCustomerLimit: 1, price: 1 }, 0)).toThrow();
  });
});
