import { describe, expect, it } from 'vitest';
import { aggregateAttendance, watchMs, type RawEvent } from './attendance.ts';

const raw = (at: number, kind: string, data: Record<string, unknown>): RawEvent => ({ at, kind, data: JSON.stringify(data) });
const user = (userId: string, extra: Record<string, unknown> = {}) => ({ platform: 'douyin', userId, nickname: userId, ...extra });

describe('aggregateAttendance', () => {
  it('counts per account: span, comments, interactions, orders and refunds', () => {
    const a = aggregateAttendance([
      raw(100, 'feed.enter', user('u1')),
      raw(200, 'feed.comment', user('u1', { nickname: 'new name' })),
      raw(250, 'feed.viewers', { platform: 'douyin', current: 10 }),
      raw(300, 'feed.like', user('u1')),
      raw(400, 'feed.order', { ...user('u1'), orderId: 'o1', sku: 'S', quantity: 1, amount: 99.9, currency: 'CNY' }),
      raw(450, 'feed.order', { ...user('u2'), orderId: 'o2', sku: 'S', quantity: 2, amount: 10, currency: 'CNY' }),
      raw(500, 'feed.orderUpdate', { platform: 'douyin', orderId: 'o2', status: 'refunded' }),
      raw(600, 'feed.orderUpdate', { platform: 'douyin', orderId: 'older', status: 'cancelled' }),
      raw(700, 'feed.comment', { platform: 'douyin', nickname: 'no user id' }),
      raw(800, 'feed.comment', { platform: 'myspace', userId: 'x' }),
      { at: 900, kind: 'feed.comment', data: '{not json' },
    ]);
    expect(a.skipped).toBe(3);
    expect(a.lastAt).toBe(900);
    expect(a.laterUpdates).toEqual([{ platform: 'douyin', orderId: 'older', status: 'cancelled' }]);
    const u1 = a.accounts.get('douyin:u1');
    expect(u1).toMatchObject({ nickname: 'u1', firstAt: 100, lastAt: 400, comments: 1, interactions: 3 });
    expect(u1?.orders).toEqual([{ platform: 'douyin', orderId: 'o1', userId: 'u1', sku: 'S', quantity: 1, amountFen: 9990, currency: 'CNY', at: 400, status: 'paid' }]);
    expect(a.accounts.get('douyin:u2')?.orders[0]?.status).toBe('refunded');
  });

  it('keeps the same user id on two platforms apart', () => {
    const a = aggregateAttendance([raw(1, 'feed.enter', user('same')), raw(2, 'feed.enter', { ...user('same'), platform: 'taobao' })]);
    expect([...a.accounts.keys()]).toEqual(['douyin:same', 'taobao:same']);
  });
});

describe('watchMs', () => {
  const span = { from: 1000, to: 5000 };
  it('is the span from first to last event, clamped to the session', () => {
    expect(watchMs([{ firstAt: 2000, lastAt: 3000 }], span)).toBe(1000);
    expect(watchMs([{ firstAt: 0, lastAt: 9000 }], span)).toBe(4000);
    expect(watchMs([{ firstAt: 2000, lastAt: 2000 }], span)).toBe(0);
  });
  it('takes the union of one member’s accounts', () => {
    expect(watchMs([{ firstAt: 1000, lastAt: 3000 }, { firstAt: 2000, lastAt: 4000 }], span)).toBe(3000);
    expect(watchMs([{ firstAt: 1000, lastAt: 2000 }, { firstAt: 3000, lastAt: 4000 }], span)).toBe(2000);
  });
});
