import { describe, expect, it } from 'vitest';
import type { FeedEvent } from '../../../../shared/feeds/events.ts';
import type { MemberTier } from '../../../../shared/members/member.ts';
import { comment } from '../feeds/testEvents.ts';
import { ArrivalTracker, type TierOf } from './vipArrivals.ts';

const T0 = 1_700_000_000_000;
const enter = (id: string, userId: string, at = T0): FeedEvent => ({ type: 'enter', id, feedId: 'f', platform: 'douyin', at, userId, nickname: `n-${userId}` });
const said = (id: string, userId: string, at = T0) => comment(id, 'hi', { userId, at });
const tiers =
  (known: Record<string, MemberTier | null>): TierOf =>
  (_platform, userId) =>
    Object.hasOwn(known, userId) ? known[userId] : undefined;

describe('ArrivalTracker', () => {
  it('announces a VIP on their first comment only', () => {
    const tracker = new ArrivalTracker();
    const tierOf = tiers({ vip1: 'vip', s1: 'silver', nobody: null });
    const first = tracker.observe([said('c1', 'vip1'), said('c2', 's1'), said('c3', 'vip1'), said('c4', 'nobody')], tierOf, T0);
    expect(first.map((a) => [a.eventId, a.via, a.key])).toEqual([['c1', 'comment', 'douyin:vip1']]);
    expect(tracker.observe([said('c5', 'vip1')], tierOf, T0)).toEqual([]);
  });

  it('announces an enter, and then not their first comment', () => {
    const tracker = new ArrivalTracker();
    const tierOf = tiers({ v: 'vip' });
    expect(tracker.observe([enter('e1', 'v')], tierOf, T0).map((a) => a.via)).toEqual(['enter']);
    expect(tracker.observe([said('c1', 'v')], tierOf, T0)).toEqual([]);
  });

  it('waits for tiers still being looked up, then announces the VIPs among them', () => {
    const tracker = new ArrivalTracker();
    const known: Record<string, MemberTier | null> = {};
    expect(tracker.observe([said('c1', 'a'), said('c2', 'b'), said('c3', 'a')], tiers(known), T0)).toEqual([]);
    expect(tracker.awaiting).toBe(2);
    known.a = 'vip';
    expect(tracker.resolve(tiers(known), T0 + 1_000).map((a) => a.eventId)).toEqual(['c1']);
    expect(tracker.awaiting).toBe(1);
    known.b = 'bronze';
    expect(tracker.resolve(tiers(known), T0 + 2_000)).toEqual([]);
    expect(tracker.awaiting).toBe(0);
  });

  it('does not announce arrivals that are old news (a backlog after a reload)', () => {
    const tracker = new ArrivalTracker({ recentMs: 60_000 });
    expect(tracker.observe([said('c1', 'v', T0)], tiers({ v: 'vip' }), T0 + 61_000)).toEqual([]);
    tracker.observe([said('c2', 'w', T0)], tiers({}), T0);
    expect(tracker.resolve(tiers({ w: 'vip' }), T0 + 61_000)).toEqual([]);
    expect(tracker.awaiting).toBe(0);
  });

  it('starts afresh with each session and ignores what came before it started', () => {
    const tracker = new ArrivalTracker();
    const tierOf = tiers({ v: 'vip' });
    tracker.setSession(T0);
    expect(tracker.observe([said('c0', 'v', T0 - 1)], tierOf, T0)).toEqual([]);
    expect(tracker.observe([said('c1', 'v', T0 + 5)], tierOf, T0 + 5)).toHaveLength(1);
    tracker.setSession(T0); // same session: nothing forgotten
    expect(tracker.observe([said('c2', 'v', T0 + 6)], tierOf, T0 + 6)).toEqual([]);
    tracker.setSession(T0 + 10_000);
    expect(tracker.observe([said('c3', 'v', T0 + 10_001)], tierOf, T0 + 10_001).map((a) => a.eventId)).toEqual(['c3']);
  });

  it('keeps separate platform accounts apart', () => {
    const tracker = new ArrivalTracker();
    const tierOf: TierOf = (platform) => (platform === 'taobao' ? 'vip' : null);
    const events = [said('c1', 'same'), comment('c2', 'hi', { platform: 'taobao', userId: 'same', at: T0 })];
    expect(tracker.observe(events, tierOf, T0).map((a) => a.key)).toEqual(['taobao:same']);
  });

  it('bounds what it remembers', () => {
    const tracker = new ArrivalTracker({ maxSeen: 2, maxAwaiting: 1 });
    tracker.observe([said('c1', 'a'), said('c2', 'b'), said('c3', 'c')], tiers({}), T0);
    expect(tracker.awaiting).toBe(1);
    // a was dropped while its tier was unknown: it counts as arriving when it next appears
    expect(tracker.observe([said('c4', 'a')], tiers({ a: 'vip' }), T0)).toHaveLength(1);
  });

  it('remembers only VIPs, so a busy room does not crowd an arrived VIP out', () => {
    const tracker = new ArrivalTracker({ maxSeen: 1 });
    const tierOf: TierOf = (_platform, userId) => (userId === 'v' ? 'vip' : userId.startsWith('s') ? 'silver' : null);
    expect(tracker.observe([enter('e1', 'v')], tierOf, T0)).toHaveLength(1);
    const crowd = Array.from({ length: 5_000 }, (_, i) => said(`c${i}`, i % 2 === 0 ? `s${i}` : `u${i}`));
    expect(tracker.observe(crowd, tierOf, T0)).toEqual([]);
    expect(tracker.observe([said('c-v', 'v')], tierOf, T0)).toEqual([]);
  });
});
