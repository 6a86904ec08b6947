import { describe, expect, it } from 'vitest';
import type { FeedEvent } from './events.ts';
import { LiveMetrics, MetricsSnapshot } from './metrics.ts';

let n = 0;
const head = (at: number, feedId = 'f1') => ({ id: `x:${n++}`, feedId, platform: 'douyin' as const, at });
const viewers = (at: number, current: number, feedId = 'f1', cumulative?: number): FeedEvent => ({
  type: 'viewers',
  ...head(at, feedId),
  current,
  ...(cumulative !== undefined ? { cumulative } : {}),
});
const comment = (at: number, userId: string, text = 'hi', isQuestion = false): FeedEvent => ({
  type: 'comment',
  ...head(at),
  userId,
  nickname: userId,
  text,
  isQuestion,
});
const enter = (at: number, userId: string): FeedEvent => ({ type: 'enter', ...head(at), userId, nickname: userId });
const order = (at: number, orderId: string, userId: string, amount: number, quantity = 1, currency = 'CNY'): FeedEvent => ({
  type: 'order',
  ...head(at),
  orderId,
  userId,
  sku: 'SKU',
  quantity,
  amount,
  currency,
  status: 'paid',
});
const update = (at: number, orderId: string, status: 'refunded' | 'cancelled'): FeedEvent => ({ type: 'orderUpdate', ...head(at), orderId, status });

function fold(events: FeedEvent[], options = {}): LiveMetrics {
  const metrics = new LiveMetrics(options);
  for (const e of events) metrics.apply(e);
  return metrics;
}

describe('LiveMetrics: viewers', () => {
  it('tracks now, peak and a time-weighted average', () => {
    // 100 viewers for 60 s, then 400 for 20 s: average (100·60 + 400·20) / 80 = 175.
    const m = fold([viewers(0, 100), viewers(60_000, 400)]);
    const s = m.snapshot(80_000);
    expect(s.viewers).toEqual({ now: 400, peak: 400, average: 175, cumulative: null });
    m.apply(viewers(80_000, 50));
    expect(m.snapshot(80_000).viewers).toMatchObject({ now: 50, peak: 400, average: 175 });
  });

  it('adds simulcast feeds and sums cumulative views where reported', () => {
    const s = fold([viewers(0, 100, 'douyin', 5000), viewers(0, 30, 'tiktok'), viewers(10, 120, 'douyin', 5100)]).snapshot(10);
    expect(s.viewers.now).toBe(150);
    expect(s.viewers.cumulative).toBe(5100);
  });

  it('turns the viewer light yellow at 15% and red at 30% down within two minutes', () => {
    const m = fold([viewers(0, 1000), viewers(30_000, 1000)]);
    expect(m.snapshot(30_000).lights.viewers).toBe('green');
    m.apply(viewers(60_000, 840));
    expect(m.snapshot(60_000).lights.viewers).toBe('yellow');
    m.apply(viewers(90_000, 690));
    expect(m.snapshot(90_000).lights.viewers).toBe('red');
    // Three minutes later the 1000 is out of the window: 690 steady is the new normal.
    m.apply(viewers(270_000, 690));
    expect(m.snapshot(270_000).lights.viewers).toBe('green');
  });

  it('takes its thresholds as parameters', () => {
    const m = fold([viewers(0, 1000), viewers(1000, 940)], { viewerLight: { windowMs: 60_000, yellow: 0.05, red: 0.5, minBaseline: 1 } });
    expect(m.snapshot(1000).lights.viewers).toBe('yellow');
  });

  it('says nothing while the audience is too small to judge', () => {
    expect(fold([viewers(0, 10), viewers(1000, 2)]).snapshot(1000).lights.viewers).toBe('none');
  });
});

describe('LiveMetrics: engagement', () => {
  it('counts comments in a sliding minute and questions overall', () => {
    const events = [comment(0, 'a', '多少钱', true), comment(30_000, 'b'), comment(59_000, 'a'), comment(61_000, 'c')];
    const m = fold(events);
    expect(m.snapshot(59_500).commentsPerMinute).toBe(3);
    expect(m.snapshot(61_000).commentsPerMinute).toBe(3); // the one at 0 s has left the window
    expect(m.snapshot(200_000).commentsPerMinute).toBe(0);
    expect(m.snapshot(61_000)).toMatchObject({ comments: 4, questions: 1 });
  });

  it('lights comments against the show average once the show is two minutes old', () => {
    const events: FeedEvent[] = [];
    for (let s = 0; s < 180; s++) events.push(comment(s * 1000, `u${s}`)); // 60 per minute for 3 minutes
    const m = fold(events);
    expect(m.snapshot(60_000).lights.comments).toBe('none');
    expect(m.snapshot(179_999).lights.comments).toBe('green');
    expect(m.snapshot(205_000).lights.comments).toBe('yellow'); // 34 in the last minute vs ~53 on average
    expect(m.snapshot(260_000).lights.comments).toBe('red');
  });

  it('derives unique viewers and the interaction rate from distinct users', () => {
    const events: FeedEvent[] = [
      enter(0, 'a'),
      enter(0, 'b'),
      enter(0, 'c'),
      enter(0, 'd'),
      comment(1, 'a'),
      comment(2, 'a'),
      { type: 'like', ...head(3), userId: 'b', nickname: 'b', count: 10 },
      { type: 'gift', ...head(4), userId: 'e', nickname: 'e', giftName: 'rose', count: 3, value: 30 },
      { type: 'follow', ...head(5), userId: 'a', nickname: 'a' },
      { type: 'share', ...head(6), userId: 'c', nickname: 'c' },
    ];
    const s = fold(events).snapshot(10);
    expect(s).toMatchObject({ uniqueViewers: 5, interactingUsers: 4, interactionRate: 0.8, likes: 10, gifts: 3, giftValue: 30, follows: 1, shares: 1 });
  });
});

describe('LiveMetrics: commerce', () => {
  it('sums GMV in cents and derives AOV, conversion, UV value and GPM', () => {
    const events: FeedEvent[] = [
      viewers(0, 100, 'f1', 2000),
      ...['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].map((u) => enter(0, u)),
      order(1, 'o1', 'a', 19.9),
      order(2, 'o2', 'b', 0.1, 1),
      order(3, 'o3', 'a', 0.2, 2),
    ];
    const s = fold(events).snapshot(10);
    expect(s.gmv).toBe(20.2); // no float drift
    expect(s).toMatchObject({ orders: 3, items: 4, buyers: 2, uniqueViewers: 10, conversionRate: 0.2 });
    expect(s.averageOrderValue).toBeCloseTo(20.2 / 3, 10);
    expect(s.uvValue).toBeCloseTo(2.02, 10);
    expect(s.gpm).toBeCloseTo((20.2 / 2000) * 1000, 10);
  });

  it('subtracts refunds and cancellations, even when they arrive first, and never counts an order twice', () => {
    const events: FeedEvent[] = [
      order(1, 'o1', 'a', 100),
      order(1, 'o1', 'a', 100), // resent
      order(2, 'o2', 'b', 50, 2),
      update(3, 'o2', 'refunded'),
      update(3, 'o2', 'refunded'), // resent
      update(4, 'o3', 'cancelled'), // before its order
      order(5, 'o3', 'c', 70),
    ];
    const s = fold(events).snapshot(10);
    expect(s).toMatchObject({ gmv: 100, orders: 1, items: 1, buyers: 1, refunds: 1, cancellations: 1 });
  });

  it('counts a large audience and its buyers exactly, refunds included', () => {
    const m = new LiveMetrics();
    for (let i = 0; i < 200_000; i++) m.apply(enter(i, `v${i}`));
    for (let i = 0; i < 200_000; i += 4) m.apply(comment(i, `v${i}`));
    for (let i = 0; i < 20_000; i++) m.apply(order(i, `o${i}`, `v${i % 15_000}`, 10));
    for (let i = 0; i < 15_000; i++) m.apply(update(i, `o${i}`, 'refunded')); // v0…v4999 keep one order each
    expect(m.snapshot(200_000)).toMatchObject({ uniqueViewers: 200_000, interactingUsers: 50_000, orders: 5_000, buyers: 5_000, gmv: 50_000, refunds: 15_000 });
    expect(m.snapshot(200_000).conversionRate).toBe(5_000 / 200_000);
  });

  it('keeps other currencies out of GMV', () => {
    const s = fold([order(1, 'o1', 'a', 10), order(2, 'o2', 'b', 10, 1, 'USD')]).snapshot(10);
    expect(s).toMatchObject({ gmv: 10, orders: 1, otherCurrencyOrders: 1, currency: 'CNY' });
  });

  it('reports null rates before any denominator and records gaps and the stream end', () => {
    const m = new LiveMetrics();
    const empty = m.snapshot(0);
    expect(empty).toMatchObject({ startedAt: null, interactionRate: null, conversionRate: null, uvValue: null, gpm: null, averageOrderValue: null });
    expect(MetricsSnapshot.parse(empty)).toEqual(empty);
    m.apply({ type: 'gap', ...head(5), fromAt: 1, toAt: 5, reason: 'transport close' });
    m.apply({ type: 'streamEnd', ...head(6) });
    expect(m.snapshot(6)).toMatchObject({ gaps: 1, streamEnded: true, startedAt: 5 });
  });
});
