import { describe, expect, it } from 'vitest';
import type { SaleOutcome } from '../../../../shared/protocol/index.ts';
import { markerDetail, saleMark } from './markerText.ts';

const sales: SaleOutcome[] = [
  { planId: 'fs-1', productId: 'p', productName: '玻尿酸精华 30ml', status: 'soldout', quantity: 200, sold: 200, orders: 163, openedAt: 1, closedAt: 2 },
];

describe('saleMark', () => {
  it('names the product and the status of a flash-sale mark', () => {
    expect(saleMark({ at: 1, kind: 'sale', label: 'fs-1: live' }, sales)).toEqual({ productName: '玻尿酸精华 30ml', status: 'live' });
  });

  it('leaves other marks and unknown sales alone', () => {
    expect(saleMark({ at: 1, kind: 'pin', label: 'fs-1: live' }, sales)).toBeNull();
    expect(saleMark({ at: 1, kind: 'sale', label: 'fs-9: live' }, sales)).toBeNull();
    expect(saleMark({ at: 1, kind: 'sale', label: 'no status' }, sales)).toBeNull();
  });
});

describe('markerDetail', () => {
  it('words a sale mark with the product and the status in the page language', () => {
    expect(markerDetail({ at: 1, kind: 'sale', label: 'fs-1: soldout' }, sales, (s) => `<${s}>`)).toBe('玻尿酸精华 30ml · <soldout>');
    expect(markerDetail({ at: 1, kind: 'gap', label: 'relay reconnect' }, sales, (s) => s)).toBe('relay reconnect');
  });

  it('keeps an override in a nickname from reversing the comment after it', () => {
    expect(markerDetail({ at: 1, kind: 'pin', label: '\u202Enimda: 已拍两瓶' }, sales, (s) => s)).toBe('nimda: 已拍两瓶');
  });
});
