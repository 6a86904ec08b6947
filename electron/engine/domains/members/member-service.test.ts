import { describe, expect, it } from 'vitest';
import { monthsBefore } from '../../../../shared/members/tiers.ts';
import { MemberRepository } from './member-repository.ts';
import { sortableIds } from './member-service.ts';
import { addEvents, addSession, count, DAY, dump, ev, failure, harness, MIN, T0 } from './__tests__/db-fixture.ts';

const csv = (...lines: string[]) => lines.join('\r\n') + '\r\n';

/** A broadcast with three viewers: u1 watches 20 min and buys, u2 comments, u3 only enters. */
function showWithThree(h: ReturnType<typeof harness>, id = 's1', start = T0) {
  addSession(h.db, { id, startedAt: start, endedAt: start + 60 * MIN, title: `Show ${id}` });
  addEvents(h.db, id, [
    ev.enter('u1', start + MIN, '小红'),
    ev.comment('u1', start + 5 * MIN, '小红'),
    ev.order('u1', start + 21 * MIN, `${id}-o1`, 199),
    ev.comment('u2', start + 2 * MIN),
    ev.comment('u2', start + 3 * MIN),
    ev.enter('u3', start + 10 * MIN),
    ev.viewers(start + 30 * MIN, 3),
  ]);
}

const member = (h: ReturnType<typeof harness>, platform: string, userId: string) => {
  const id = (h.db.prepare('SELECT member_id FROM member_identities WHERE platform = ? AND platform_user_id = ?').get(platform, userId) as { member_id: string } | undefined)?.member_id;
  return id === undefined ? undefined : h.service.member(id);
};

describe('member KPIs', () => {
  it('LTV over buyers, repurchase, and churn from the "lapsed" tag once a buyer stops buying', async () => {
    const h = harness();
    showWithThree(h, 's1', T0);
    h.service.feedBack('s1');
    showWithThree(h, 's2', T0 + DAY);
    h.service.feedBack('s2');
    // u1 bought in both shows (199 each); u2 and u3 never bought.
    expect(h.service.health()).toEqual({ members: 3, buyers: 1, ltv: 398, repeatBuyers: 1, repeatRate: 1, lapsed: 0, churnRate: 0 });
    h.clock.now = T0 + 200 * DAY;
    await h.service.recomputeTiers();
    expect(h.service.health()).toMatchObject({ buyers: 1, lapsed: 1, churnRate: 1 });
  });
});

describe('feedBack', () => {
  it('creates members for new accounts and adds their session figures', () => {
    const h = harness();
    showWithThree(h);
    const result = h.service.feedBack('s1');
    expect(result).toMatchObject({
      sessionId: 's1',
      dryRun: false,
      alreadyAppliedAt: null,
      attendees: 3,
      members: 3,
      newMembers: 3,
      delta: { sessionsWatched: 3, interactiveSessions: 2, watchMs: 21 * MIN, comments: 3, interactions: 4, orders: 1, refunds: 0, spend: 199 },
    });
    expect(result.tierMoves).toEqual(expect.arrayContaining([{ from: null, to: 'silver', count: 1 }, { from: null, to: 'bronze', count: 2 }]));
    const u1 = member(h, 'douyin', 'u1');
    expect(u1).toMatchObject({ displayName: '小红', origin: 'live', tier: 'silver' });
    expect(u1?.totals).toMatchObject({ lifetimeSpend: 199, spend12m: 199, orders: 1, lastPurchaseAt: T0 + 21 * MIN, sessionsWatched: 1, watchMs: 20 * MIN, watchMinutes: 20 });
    expect(u1?.tierHistory).toEqual([{ at: h.clock.now, from: null, to: 'silver', reason: expect.stringMatching(/^session "Show s1" \(2025-06-01\): silver: purchase in the last 3 months/) as string, kind: 'rules' }]);
    expect(u1?.recentSessions).toEqual([{ sessionId: 's1', title: 'Show s1', startedAt: T0, watchMs: 20 * MIN, comments: 1, interactions: 2, orders: 1, spend: 199 }]);
    expect(member(h, 'douyin', 'u3')?.totals).toMatchObject({ sessionsWatched: 1, interactiveSessions: 0, interactionRate: 0, watchMs: 0 });
  });

  it('happens exactly once: a second run changes nothing', () => {
    const h = harness();
    showWithThree(h);
    h.service.feedBack('s1');
    const before = dump(h.db);
    h.clock.now += DAY;
    const again = h.service.feedBack('s1');
    expect(again.alreadyAppliedAt).toBe(T0 + 3 * 60 * MIN);
    expect(again.members).toBe(0);
    expect(dump(h.db)).toEqual(before);
    expect(h.service.feedBack('s1', { dryRun: true }).alreadyAppliedAt).not.toBeNull();
  });

  it('dry run reports exactly what the real run then does, and writes nothing', () => {
    const h = harness();
    showWithThree(h);
    const before = dump(h.db);
    const dry = h.service.feedBack('s1', { dryRun: true });
    expect(dump(h.db)).toEqual(before);
    expect(h.changes).toEqual([]);
    const real = h.service.feedBack('s1');
    expect({ ...dry, dryRun: false, examples: [] }).toEqual({ ...real, examples: [] });
  });

  it('refuses rehearsals and never writes for them', () => {
    const h = harness();
    addSession(h.db, { id: 'r1', kind: 'rehearsal', title: 'Drill' });
    addEvents(h.db, 'r1', [ev.comment('u1', T0 + MIN), ev.order('u1', T0 + 2 * MIN, 'o1', 9999)]);
    const before = dump(h.db);
    for (const dryRun of [false, true]) {
      const f = failure(() => h.service.feedBack('r1', { dryRun }));
      expect(f.code).toBe('conflict');
      expect(f.message).toMatch(/rehearsal.*never touch member records/);
    }
    expect(dump(h.db)).toEqual(before);
    expect(count(h.db, 'members')).toBe(0);
  });

  it('refuses to apply a session that is still running and unknown sessions', () => {
    const h = harness();
    addSession(h.db, { id: 'live', endedAt: null });
    addEvents(h.db, 'live', [ev.comment('u1', T0 + MIN)]);
    expect(failure(() => h.service.feedBack('live')).code).toBe('conflict');
    expect(h.service.feedBack('live', { dryRun: true }).newMembers).toBe(1);
    expect(count(h.db, 'members')).toBe(0);
    expect(failure(() => h.service.feedBack('nope')).code).toBe('not_found');
  });

  it('adds up across sessions and recognises returning viewers', () => {
    const h = harness();
    showWithThree(h, 's1', T0);
    showWithThree(h, 's2', T0 + DAY);
    h.clock.now = T0 + DAY + 3 * 60 * MIN;
    h.service.feedBack('s1');
    const second = h.service.feedBack('s2');
    expect(second.newMembers).toBe(0);
    expect(member(h, 'douyin', 'u1')?.totals).toMatchObject({ sessionsWatched: 2, orders: 2, lifetimeSpend: 398, watchMs: 40 * MIN, comments: 2 });
    expect(count(h.db, 'members')).toBe(3);
  });

  it('subtracts refunds, including of orders from an earlier session by someone not watching now', () => {
    const h = harness();
    showWithThree(h, 's1', T0);
    h.service.feedBack('s1');
    addSession(h.db, { id: 's2', startedAt: T0 + DAY, endedAt: T0 + DAY + 60 * MIN });
    addEvents(h.db, 's2', [ev.comment('u9', T0 + DAY + MIN), ev.refund('s1-o1', T0 + DAY + 2 * MIN), ev.order('u9', T0 + DAY + 3 * MIN, 'x', 50), ev.refund('x', T0 + DAY + 4 * MIN)]);
    h.clock.now = T0 + DAY + 2 * 60 * MIN;
    const r = h.service.feedBack('s2');
    expect(r.delta).toMatchObject({ orders: 0, refunds: 2, spend: -199 });
    expect(member(h, 'douyin', 'u1')?.totals).toMatchObject({ lifetimeSpend: 0, orders: 0, lastPurchaseAt: null, sessionsWatched: 1 });
    expect(member(h, 'douyin', 'u9')?.totals).toMatchObject({ lifetimeSpend: 0, orders: 0 });
  });

  it('counts an order once whether the shop export or the live feed brought it first', () => {
    const h = harness();
    const imported = h.service.import('orders', 'apply', csv('order_id,platform,platform_user_id,amount,status,paid_at', 's1-o1,douyin,u1,199.00,paid,2025-06-01 20:21:00'));
    expect(imported.ok).toBe(true);
    showWithThree(h);
    const r = h.service.feedBack('s1');
    expect(r.delta.orders).toBe(0);
    expect(r.newMembers).toBe(2);
    expect(member(h, 'douyin', 'u1')?.totals).toMatchObject({ orders: 1, lifetimeSpend: 199, sessionsWatched: 1 });
    // And the other way round: the export after the feed changes nothing when it agrees.
    const again = h.service.import('orders', 'apply', csv('order_id,platform,platform_user_id,amount,status,paid_at', 's1-o1,douyin,u1,199.00,paid,2025-06-01 20:21:00'));
    expect(again.ok && again.outcome.counts).toMatchObject({ unchanged: 1, create: 0 });
  });

  it('keeps incremental totals equal to a recount from the source tables', () => {
    const h = harness();
    showWithThree(h, 's1', T0);
    showWithThree(h, 's2', T0 + DAY);
    h.clock.now = T0 + 2 * DAY;
    h.service.feedBack('s1');
    h.service.feedBack('s2');
    const repo = new MemberRepository(h.db);
    const ids = (h.db.prepare('SELECT id FROM members').all() as { id: string }[]).map((r) => r.id);
    expect(ids).toHaveLength(3);
    for (const id of ids) {
      const { updated_at: _u, spend_as_of: _s, ...incremental } = repo.member(id) ?? {};
      repo.refreshTotals(id, monthsBefore(h.clock.now, 12), h.clock.now);
      const { updated_at: _u2, spend_as_of: _s2, ...recounted } = repo.member(id) ?? {};
      expect(recounted).toEqual(incremental);
    }
  });

  it('skips malformed rows (an imported session may carry them) instead of failing', () => {
    const h = harness();
    addSession(h.db, { id: 's1' });
    addEvents(h.db, 's1', [ev.comment('u1', T0 + MIN)]);
    const insert = h.db.prepare("INSERT INTO events (session_id, seq, at, kind, ref, data) VALUES ('s1', ?, ?, ?, NULL, ?)");
    insert.run(100, T0 + 2 * MIN, 'feed.comment', '{not json');
    insert.run(101, T0 + 3 * MIN, 'feed.order', '{"platform":"douyin"}');
    insert.run(102, T0 + 4 * MIN, 'feed.like', '{"platform":"myspace","userId":"x"}');
    expect(h.service.feedBack('s1')).toMatchObject({ attendees: 1, skippedEvents: 3 });
  });

  it('records nickname changes in the account history', () => {
    const h = harness();
    showWithThree(h, 's1', T0);
    h.service.feedBack('s1');
    addSession(h.db, { id: 's2', startedAt: T0 + DAY });
    addEvents(h.db, 's2', [ev.comment('u1', T0 + DAY + MIN, '小红🌸')]);
    h.service.feedBack('s2');
    expect(member(h, 'douyin', 'u1')?.identities[0]).toMatchObject({ nickname: '小红🌸', nicknames: ['小红', '小红🌸'] });
  });
});

describe('tiers over time', () => {
  it('a recount under way stops after its current page when the service stops (the engine is closing the database)', async () => {
    const h = harness();
    const insert = h.db.prepare("INSERT INTO members (id, origin, created_at, updated_at, tier_since) VALUES (?, 'import', 0, 0, 0)");
    h.db.exec('BEGIN');
    for (let i = 0; i < 12_000; i++) insert.run(`B${String(i).padStart(6, '0')}`);
    h.db.exec('COMMIT');
    const recount = h.service.recomputeTiers();
    h.service.stop();
    const result = await recount;
    expect(result.members).toBe(5_000);
    h.db.close();
  });

  it('recomputeTiers moves members down as purchases age, with history', async () => {
    const h = harness();
    showWithThree(h);
    h.service.feedBack('s1');
    expect(member(h, 'douyin', 'u1')?.tier).toBe('silver');
    h.clock.now = T0 + 100 * DAY;
    const r = await h.service.recomputeTiers();
    // u1's only purchase is now 100 days old: "lapsed" as well.
    expect(r).toEqual({ members: 3, changed: 1, tierMoves: [{ from: 'silver', to: 'bronze', count: 1 }], autoTagsChanged: 1, promotionEdges: 0 });
    const u1 = member(h, 'douyin', 'u1');
    expect(u1?.tier).toBe('bronze');
    expect(u1?.tierHistory[0]).toMatchObject({ from: 'silver', to: 'bronze', reason: expect.stringMatching(/^tier recount: bronze: .*purchase in the last 3 months \(last 2025-06-01\) missed/) as string });
    expect((await h.service.recomputeTiers()).changed).toBe(0);
  });

  it('a 12-month spend above 5000 with interactions and community activity makes a vip', async () => {
    const h = harness();
    h.service.import('members', 'apply', csv('member_id,community_id', 'C1,wx_1'));
    h.service.import('identities', 'apply', csv('member_id,platform,platform_user_id', 'C1,douyin,big'));
    addSession(h.db, { id: 's1' });
    addEvents(h.db, 's1', [ev.enter('big', T0 + MIN), ev.comment('big', T0 + 20 * MIN), ev.order('big', T0 + 21 * MIN, 'o-big', 5000)]);
    h.service.feedBack('s1');
    const community = (n: number) => h.service.import('community', 'apply', csv('community_id,count,as_of', `wx_1,${n},2025-06-01`));
    community(10);
    expect(h.service.member('C1')?.tier).toBe('silver'); // exactly 5000 and exactly 10: not above
    h.service.import('orders', 'apply', csv('order_id,platform,platform_user_id,amount,status,paid_at', 'o-tip,douyin,big,0.01,paid,2025-06-01'));
    expect(h.service.member('C1')?.tier).toBe('silver');
    const c = h.service.import('community', 'apply', csv('community_id,count,as_of', 'wx_1,11,2025-06-02'));
    expect(c.ok && c.outcome.tierMoves).toEqual([{ from: 'silver', to: 'vip', count: 1 }]);
    expect(h.service.member('C1')).toMatchObject({ tier: 'vip', totals: { spend12m: 5000.01, communityActivities: 11 } });
    await h.service.setTierRules({ vip: { spendAbove: 6000 } });
    expect(h.service.member('C1')?.tier).toBe('silver');
    expect(h.service.rules().vip.spendAbove).toBe(6000);
    expect(h.service.shares().tiers.map((t) => t.count)).toEqual([0, 1, 0]);
  });
});

describe('imports', () => {
  const ORDERS = csv(
    'order_id,platform,platform_user_id,sku,quantity,amount,currency,status,paid_at',
    'A1,douyin,u1,S,1,120.00,CNY,paid,2025-05-20 10:00:00',
    'A2,taobao,t1,S,2,80.50,CNY,paid,2025-05-21 10:00:00',
    'A3,taobao,t1,S,1,30,CNY,refunded,2025-05-22 10:00:00',
  );

  it('previews without writing, then applies the same', () => {
    const h = harness();
    const before = dump(h.db);
    const preview = h.service.import('orders', 'preview', ORDERS);
    expect(dump(h.db)).toEqual(before);
    expect(preview).toMatchObject({ ok: true, outcome: { mode: 'preview', applied: false, rows: 3, newMembers: 2, counts: { create: 3 } } });
    const applied = h.service.import('orders', 'apply', ORDERS);
    expect(applied).toMatchObject({ ok: true, outcome: { mode: 'apply', applied: true, rows: 3, newMembers: 2, counts: { create: 3 } } });
    expect(preview.ok && applied.ok && preview.outcome.changes).toEqual(applied.ok && applied.outcome.changes);
    expect(member(h, 'taobao', 't1')?.totals).toMatchObject({ orders: 1, lifetimeSpend: 80.5 });
  });

  it('re-importing the same file changes nothing', () => {
    const h = harness();
    for (const [kind, text] of [
      ['members', csv('member_id,nickname,tags,community_id', 'C1,Ann,vip-event|skin,wx_1', 'C2,Bo,,')],
      ['identities', csv('member_id,platform,platform_user_id,nickname', 'C1,douyin,u1,ann_dy', 'C2,taobao,t2,bo')],
      ['community', csv('member_id,count,as_of', 'C1,4,2025-06-01', 'C2,1,2025-06-01')],
      ['orders', ORDERS],
    ] as const) {
      expect(h.service.import(kind, 'apply', text).ok).toBe(true);
      const before = dump(h.db);
      const again = h.service.import(kind, 'apply', text);
      expect(again.ok && again.outcome).toMatchObject({ newMembers: 0, tierMoves: [], changes: [] });
      expect(again.ok && again.outcome.counts.unchanged).toBe(again.ok ? again.outcome.rows : -1);
      expect(dump(h.db)).toEqual(before);
    }
  });

  it('an import with any error changes nothing and lists every error with its line', () => {
    const h = harness();
    h.service.import('members', 'apply', csv('member_id,community_id', 'C1,wx_1'));
    const before = dump(h.db);
    // Syntax-level errors (from the pure validator).
    const bad = h.service.import('orders', 'apply', csv('order_id,platform,platform_user_id,amount,status,paid_at', 'o1,douyin,u1,10,paid,2025-06-01', 'o2,douyin,u2,ten,paid,2025-06-01'));
    expect(bad).toEqual({ ok: false, errors: [{ line: 3, field: 'amount', message: expect.stringContaining('"ten" is not an amount') as string }] });
    // Errors only the database can find, after rows that would otherwise have been written.
    const conflict = h.service.import('members', 'apply', csv('member_id,nickname,community_id', 'C5,New,', 'C6,Other,wx_1', 'C1,Renamed,'));
    expect(conflict).toEqual({ ok: false, errors: [{ line: 3, field: 'community_id', message: 'community id "wx_1" belongs to member "C1"; merge the two members instead' }] });
    const unknown = h.service.import('community', 'preview', csv('member_id,community_id,count,as_of', 'C1,,3,2025-06-01', 'C404,,3,2025-06-01', ',wx_404,1,2025-06-01'));
    expect(unknown.ok === false && unknown.errors.map((e) => [e.line, e.field])).toEqual([
      [3, 'member_id'],
      [4, 'community_id'],
    ]);
    expect(dump(h.db)).toEqual(before);
  });

  it('refuses an order whose buyer differs from the one on record', () => {
    const h = harness();
    h.service.import('orders', 'apply', ORDERS);
    const r = h.service.import('orders', 'apply', csv('order_id,platform,platform_user_id,amount,status,paid_at', 'A1,douyin,someone-else,120,paid,2025-05-20 10:00:00'));
    expect(r).toEqual({ ok: false, errors: [{ line: 2, field: 'platform_user_id', message: 'order "A1" was bought by "u1", not "someone-else"' }] });
  });

  it('updates an order the shop reports refunded later', () => {
    const h = harness();
    h.service.import('orders', 'apply', ORDERS);
    const r = h.service.import('orders', 'apply', ORDERS.replace('A2,taobao,t1,S,2,80.50,CNY,paid', 'A2,taobao,t1,S,2,80.50,CNY,已退款'));
    expect(r.ok && r.outcome.changes).toEqual([{ line: 3, action: 'update', key: 'taobao:A2', detail: 'status paid → refunded' }]);
    expect(member(h, 'taobao', 't1')?.totals).toMatchObject({ orders: 0, lifetimeSpend: 0 });
  });

  it('skips community counts older than the stored one', () => {
    const h = harness();
    h.service.import('members', 'apply', csv('member_id', 'C1'));
    h.service.import('community', 'apply', csv('member_id,count,as_of', 'C1,8,2025-06-10'));
    const r = h.service.import('community', 'apply', csv('member_id,count,as_of', 'C1,3,2025-05-01'));
    expect(r.ok && r.outcome.counts.stale).toBe(1);
    expect(h.service.member('C1')?.totals.communityActivities).toBe(8);
  });

  it('moves a live-created account to the unified id and folds the empty record in', () => {
    const h = harness();
    showWithThree(h);
    h.service.feedBack('s1');
    const liveId = member(h, 'douyin', 'u1')?.id ?? '';
    h.service.import('members', 'apply', csv('member_id,nickname,tags', 'CRM-7,Hong,skin'));
    const r = h.service.import('identities', 'apply', csv('member_id,platform,platform_user_id', 'CRM-7,douyin,u1', 'CRM-7,taobao,hong_tb'));
    expect(r.ok && r.outcome.counts).toMatchObject({ move: 1, create: 1 });
    expect(h.service.member(liveId)).toBeUndefined();
    const unified = h.service.member('CRM-7');
    expect(unified).toMatchObject({ displayName: 'Hong', tags: ['skin'], tier: 'silver', totals: { orders: 1, lifetimeSpend: 199, sessionsWatched: 1, watchMs: 20 * MIN } });
    expect(unified?.identities.map((i) => `${i.platform}:${i.platformUserId}`)).toEqual(['douyin:u1', 'taobao:hong_tb']);
    expect(h.service.audits('CRM-7').map((a) => [a.kind, a.source_id, a.account])).toEqual([
      ['move', liveId, 'douyin:u1'],
      ['merge', liveId, null],
    ]);
  });
});

describe('merge and split', () => {
  function twoRecordsOfOnePerson() {
    const h = harness();
    addSession(h.db, { id: 's1', startedAt: T0, endedAt: T0 + 60 * MIN });
    addEvents(h.db, 's1', [
      ev.enter('dy1', T0 + MIN, 'Ann'),
      ev.comment('dy1', T0 + 10 * MIN, 'Ann'),
      ev.order('dy1', T0 + 11 * MIN, 'o1', 300),
      ev.enter('tb1', T0 + 5 * MIN, 'ann_tb', 'taobao'),
      ev.comment('tb1', T0 + 20 * MIN, 'ann_tb', 'taobao'),
    ]);
    addSession(h.db, { id: 's2', startedAt: T0 + DAY, endedAt: T0 + DAY + 60 * MIN });
    addEvents(h.db, 's2', [ev.enter('tb1', T0 + DAY + MIN, 'ann_tb', 'taobao'), ev.order('tb1', T0 + DAY + 30 * MIN, 'o2', 50, 'taobao')]);
    h.clock.now = T0 + 2 * DAY;
    h.service.feedBack('s1');
    h.service.feedBack('s2');
    const a = member(h, 'douyin', 'dy1')?.id ?? '';
    const b = member(h, 'taobao', 'tb1')?.id ?? '';
    return { h, a, b };
  }

  it('merge moves accounts and totals, combines a shared session, and leaves an audit row', () => {
    const { h, a, b } = twoRecordsOfOnePerson();
    const r = h.service.merge(a, b, 'same phone number');
    expect(r).toEqual({ targetId: a, sourceId: b, identitiesMoved: 1, tier: 'silver' });
    expect(h.service.member(b)).toBeUndefined();
    const m = h.service.member(a);
    expect(m?.identities.map((i) => i.platform)).toEqual(['douyin', 'taobao']);
    // s1 was watched on both platforms: one session, union of 1–10 min and 5–20 min = 19 min; s2 adds 29 min.
    expect(m?.totals).toMatchObject({ sessionsWatched: 2, orders: 2, lifetimeSpend: 350, watchMs: (19 + 29) * MIN, comments: 2 });
    const audit = h.service.audits(a);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ kind: 'merge', target_id: a, source_id: b, reason: 'same phone number', details: { accounts: ['taobao:tb1'], moved: { accounts: 1, orders: 1, sessions: 2 } } });
    expect(m?.tierHistory[0]?.reason).toMatch(/^merged .* \(same phone number\)/);
  });

  it('split takes one account with its own orders and sessions into a new member', () => {
    const { h, a, b } = twoRecordsOfOnePerson();
    h.service.merge(a, b, 'same phone number');
    const r = h.service.split(a, 'taobao', 'tb1', 'different people after all');
    expect(r).toMatchObject({ memberId: a, ordersMoved: 1, sessionsMoved: 1 });
    const split = h.service.member(r.newMemberId);
    expect(split).toMatchObject({ origin: 'split', displayName: 'ann_tb', totals: { orders: 1, lifetimeSpend: 50, sessionsWatched: 1 } });
    // The combined s1 row cannot be told apart, so it stays with the original member.
    expect(h.service.member(a)?.totals).toMatchObject({ orders: 1, lifetimeSpend: 300, sessionsWatched: 1 });
    expect(h.service.audits(a).map((x) => x.kind)).toEqual(['merge', 'split']);
    expect(split?.tierHistory[0]).toMatchObject({ from: null, reason: expect.stringMatching(/^split from/) as string });
  });

  it('refuses nonsense', () => {
    const { h, a, b } = twoRecordsOfOnePerson();
    expect(failure(() => h.service.merge(a, a, 'x')).code).toBe('bad_request');
    expect(failure(() => h.service.merge(a, 'ghost', 'x')).code).toBe('not_found');
    expect(failure(() => h.service.split(a, 'douyin', 'dy1', 'x')).code).toBe('conflict');
    expect(failure(() => h.service.split(b, 'douyin', 'dy1', 'x')).code).toBe('not_found');
  });
});

describe('search and lookup', () => {
  function seeded() {
    const h = harness();
    h.service.import('members', 'apply', csv('member_id,nickname,tags,community_id', 'C100,Alice,skin|100%_real,wx_alice', 'C101,Bob,hair,wx_bob', 'X9,小红,skin,'));
    h.service.import('identities', 'apply', csv('member_id,platform,platform_user_id,nickname', 'C100,douyin,dy_alice,alice_dy', 'C101,taobao,tb_bob,bobby', 'X9,douyin,hong,小红书达人'));
    return h;
  }

  it('finds by any id, nickname, name or tag, exact matches first', () => {
    const h = seeded();
    const ids = (q: string) => h.service.search(q).map((m) => m.id);
    expect(ids('C101')).toEqual(['C101']);
    expect(ids('C10')).toEqual(['C100', 'C101']);
    expect(ids('c10')).toEqual([]); // ids are case-sensitive
    expect(ids('ALI')).toEqual(['C100']); // names are not
    expect(ids('dy_alice')).toEqual(['C100']);
    expect(ids('wx_bob')).toEqual(['C101']);
    expect(ids('bobby')).toEqual(['C101']);
    expect(ids('小红')).toEqual(['X9']);
    expect(ids('skin').sort()).toEqual(['C100', 'X9']);
    expect(ids('nobody')).toEqual([]);
    expect(h.service.search('Alice')[0]).toMatchObject({ id: 'C100', displayName: 'Alice', tier: 'bronze', identities: [{ platform: 'douyin', platformUserId: 'dy_alice', nickname: 'alice_dy' }], tags: ['100%_real', 'skin'] });
  });

  it('treats % and _ literally', () => {
    const h = seeded();
    expect(h.service.search('%').map((m) => m.id)).toEqual([]);
    expect(h.service.search('_').map((m) => m.id)).toEqual([]);
    expect(h.service.search('100%_').map((m) => m.id)).toEqual(['C100']);
    expect(h.service.search('wx%').map((m) => m.id)).toEqual([]);
  });

  it('uses an index for every kind of query', () => {
    const h = seeded();
    const queries = [
      "SELECT id FROM members WHERE id GLOB 'C1*'",
      "SELECT member_id FROM member_identities WHERE platform_user_id GLOB 'dy[*]*'",
      "SELECT member_id FROM member_communities WHERE community_id GLOB 'wx*'",
      "SELECT id FROM members WHERE display_name LIKE 'al%' ESCAPE '\\'",
      "SELECT member_id FROM member_identities WHERE nickname LIKE 'al%' ESCAPE '\\'",
      "SELECT member_id FROM member_tags WHERE tag LIKE 'sk%' ESCAPE '\\'",
      "SELECT member_id FROM member_identities WHERE platform = 'douyin' AND platform_user_id = 'x'",
    ];
    for (const q of queries) {
      const plan = (h.db.prepare(`EXPLAIN QUERY PLAN ${q}`).all() as { detail: string }[]).map((p) => p.detail).join();
      expect(plan, q).toMatch(/^SEARCH .* USING (COVERING INDEX|INDEX|PRIMARY KEY)/);
    }
  });

  it('looks up badges for many commenters at once', () => {
    const h = seeded();
    const r = h.service.lookup([
      { platform: 'douyin', userId: 'dy_alice' },
      { platform: 'taobao', userId: 'tb_bob' },
      { platform: 'douyin', userId: 'stranger' },
    ]);
    expect(Object.keys(r.members)).toEqual(['douyin:dy_alice', 'taobao:tb_bob']);
    expect(r.members['douyin:dy_alice']).toEqual({ memberId: 'C100', displayName: 'Alice', tier: 'bronze', promotedUntil: null, lifetimeSpend: 0, spend12m: 0, orders: 0, lastPurchaseAt: null, sessionsWatched: 0 });
  });

  it('exports every member; the export reads back as a members import that changes nothing', () => {
    const h = seeded();
    const text = h.service.exportCsv();
    expect(text.startsWith('\uFEFFmember_id,nickname,tags,community_id,tier,')).toBe(true);
    expect(text).toContain('C100,Alice,100%_real|skin,wx_alice,bronze,');
    const before = dump(h.db);
    const again = h.service.import('members', 'apply', text);
    expect(again.ok && again.outcome.counts.unchanged).toBe(3);
    expect(dump(h.db)).toEqual(before);
  });
});

describe('handlers', () => {
  it('run the member commands', async () => {
    const h = harness();
    showWithThree(h);
    const handlers = h.service.handlers();
    await handlers['members.feedBack']({ type: 'members.feedBack', sessionId: 's1', dryRun: true });
    expect(count(h.db, 'members')).toBe(0);
    await handlers['members.feedBack']({ type: 'members.feedBack', sessionId: 's1', dryRun: false });
    expect(count(h.db, 'members')).toBe(3);
    await handlers['members.recomputeTiers']({ type: 'members.recomputeTiers' });
    expect(h.changes.map((c) => c.kind)).toEqual(['feedBack', 'recompute']);
  });
});

describe('sortableIds', () => {
  it('sort in creation order, also within one millisecond, and never repeat', () => {
    let now = 1_750_000_000_000;
    const next = sortableIds(() => now);
    const ids = Array.from({ length: 2000 }, (_, i) => {
      if (i === 1000) now += 1;
      return next();
    });
    expect(new Set(ids).size).toBe(2000);
    expect([...ids].sort()).toEqual(ids);
    expect(ids[0]).toMatch(/^M[0-9a-z]{17}$/);
  });
});
