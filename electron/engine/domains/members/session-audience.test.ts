import { describe, expect, it } from 'vitest';
import { addEvents, addSession, DAY, ev, harness, MIN, T0 } from './__tests__/db-fixture.ts';
import { SessionAudienceReader } from './session-audience.ts';

describe('a broadcast’s audience in member records', () => {
  it('counts attendees by tier, first-time buyers, and repurchases within 7 and 30 days after the show', () => {
    const h = harness();
    const reader = new SessionAudienceReader(h.db);
    // An earlier show where "old" bought once.
    addSession(h.db, { id: 'before', startedAt: T0 - 10 * DAY });
    addEvents(h.db, 'before', [ev.enter('old', T0 - 10 * DAY), ev.order('old', T0 - 10 * DAY + MIN, 'o-0', 100)]);
    h.service.feedBack('before');

    const showEnd = T0 + 2 * 60 * MIN;
    addSession(h.db, { id: 'show', startedAt: T0, endedAt: showEnd });
    addEvents(h.db, 'show', [
      ev.enter('old', T0),
      ev.enter('new1', T0),
      ev.enter('new2', T0 + 30 * MIN),
      ev.comment('lurker', T0 + MIN),
      ev.order('old', T0 + 10 * MIN, 'o-1', 200),
      ev.order('new1', T0 + 11 * MIN, 'o-2', 300),
      ev.order('new2', T0 + 40 * MIN, 'o-3', 50),
    ]);
    expect(reader.read('show', { startedAt: T0, endedAt: showEnd }, showEnd).fedBackAt).toBeNull();
    h.service.feedBack('show');

    // new1 buys again 3 days later, new2 after 20 days, in a later show.
    addSession(h.db, { id: 'later', startedAt: showEnd + 3 * DAY });
    addEvents(h.db, 'later', [ev.order('new1', showEnd + 3 * DAY, 'o-4', 80)]);
    h.service.feedBack('later');
    addSession(h.db, { id: 'later2', startedAt: showEnd + 20 * DAY });
    addEvents(h.db, 'later2', [ev.order('new2', showEnd + 20 * DAY, 'o-5', 80)]);
    h.service.feedBack('later2');

    const soon = reader.read('show', { startedAt: T0, endedAt: showEnd }, showEnd + 10 * DAY);
    expect(soon.members).toBe(4);
    expect(Object.values(soon.tiers).reduce((a, b) => a + b, 0)).toBe(4);
    expect(soon.buyers).toBe(3);
    expect(soon.firstTimeBuyers).toBe(2);
    expect(soon.firstPurchaseRate).toBeCloseTo(2 / 3);
    expect(soon.repurchase).toEqual([
      { days: 7, buyers: 1, rate: 1 / 3, complete: true },
      { days: 30, buyers: 2, rate: 2 / 3, complete: false },
    ]);
    expect(soon.averageWatchMs).toBeGreaterThan(0);
    expect(soon.newMembers).toBe(3);
    expect(soon.orders).toEqual({ live: 3, liveAmount: 550, refunded: 0, refundedAmount: 0, shopOnly: 0, shopOnlyAmount: 0, netAmount: 550 });

    // Afterwards: one live order refunded, and the shop's export brings an order of the show's time the feed missed.
    h.db.prepare("UPDATE member_orders SET status = 'refunded' WHERE order_id = 'o-2'").run();
    h.db
      .prepare(
        `INSERT INTO member_orders (platform, order_id, member_id, platform_user_id, session_id, source, quantity, amount_fen, currency, status, paid_at, updated_at)
         SELECT 'douyin', 'shop-9', member_id, platform_user_id, NULL, 'import', 1, 12000, 'CNY', 'paid', ?, ? FROM member_orders WHERE order_id = 'o-1'`,
      )
      .run(T0 + 50 * MIN, T0 + 50 * MIN);
    // An order of the same hour from another channel (not a platform this show ran on) is none of its business.
    h.db
      .prepare(
        `INSERT INTO member_orders (platform, order_id, member_id, platform_user_id, session_id, source, quantity, amount_fen, currency, status, paid_at, updated_at)
         SELECT 'taobao', 'shop-10', member_id, 'tb-1', NULL, 'import', 1, 99900, 'CNY', 'paid', ?, ? FROM member_orders WHERE order_id = 'o-1'`,
      )
      .run(T0 + 51 * MIN, T0 + 51 * MIN);
    expect(reader.read('show', { startedAt: T0, endedAt: showEnd }, showEnd + 10 * DAY).orders).toEqual({
      live: 3,
      liveAmount: 550,
      refunded: 1,
      refundedAmount: 300,
      shopOnly: 1,
      shopOnlyAmount: 120,
      netAmount: 370,
    });
  });
});
