import { describe, expect, it } from 'vitest';
import { buildReview, minuteCurve } from './review.ts';
import type { EventRow, SessionRow } from './session-repository.ts';

const T0 = 1_700_000_000_000;
let seq = 0;
const row = (at: number, kind: string, data: Record<string, unknown>): EventRow => ({ seq: ++seq, at, kind, ref: null, data: JSON.stringify(data) });
const order = (at: number, orderId: string, amount: number) =>
  row(at, 'feed.order', { type: 'order', id: `douyin:order:${orderId}`, feedId: 'f', platform: 'douyin', at, orderId, userId: `u-${orderId}`, nickname: 'n', sku: 'S', quantity: 1, amount, currency: 'CNY', status: 'paid' });
const refund = (at: number, orderId: string) => row(at, 'feed.orderUpdate', { type: 'orderUpdate', id: `douyin:orderUpdate:${orderId}`, feedId: 'f', platform: 'douyin', at, orderId, status: 'refunded' });

describe('review figures', () => {
  it('leave refunded orders out of minutes and segments, so they add up to the key figures', () => {
    const events = [
      row(T0 + 1000, 'run', { status: 'running', segmentId: 'a', segmentIndex: 0, segmentStartedAt: T0 }),
      order(T0 + 10_000, 'o1', 100),
      order(T0 + 20_000, 'o2', 50),
      order(T0 + 70_000, 'o3', 30),
      refund(T0 + 80_000, 'o2'),
      row(T0 + 90_000, 'run', { status: 'ended', segmentId: 'a', segmentIndex: 0, segmentStartedAt: T0 }),
    ];
    const session: SessionRow = {
      id: 's',
      kind: 'broadcast',
      title: 't',
      show_json: JSON.stringify({ id: 'show', title: 't', segments: [{ id: 'a', kind: 'opening', title: 'A', plannedDurationMs: 60_000, flashSales: [] }], products: [] }),
      started_at: T0,
      ended_at: T0 + 120_000,
      summary_json: null,
      costs_json: null,
    };
    const review = buildReview({ session, events, now: T0 + 120_000 });
    const minutes = minuteCurve(events.map((e) => ({ at: e.at, kind: e.kind, data: JSON.parse(e.data) as Record<string, unknown> })), T0, T0 + 120_000);
    expect(minutes.map((m) => [m.orders, m.gmv])).toEqual([
      [1, 100],
      [1, 30],
    ]);
    expect(review.metrics.gmv).toBe(130);
    expect(review.segments[0]).toMatchObject({ orders: 2, gmv: 130 });
    expect(review.minutes.reduce((t, m) => t + m.gmv, 0)).toBe(review.metrics.gmv);
  });
});
