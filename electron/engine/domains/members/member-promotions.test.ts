import { describe, expect, it } from 'vitest';
import { addEvents, addSession, DAY, ev, failure, harness, MIN, T0, type Harness } from './__tests__/db-fixture.ts';

const HOUR = 60 * MIN;
const csv = (...lines: string[]) => lines.join('\r\n') + '\r\n';

/** C1 bronze (nothing), C2 silver (a recent purchase and 20 min watched), C3 bronze with the manual tag "festival". */
function seeded(): Harness {
  const h = harness();
  h.service.import('members', 'apply', csv('member_id,nickname,tags', 'C1,Ann,', 'C2,Bo,', 'C3,Cy,festival'));
  h.service.import('identities', 'apply', csv('member_id,platform,platform_user_id', 'C1,douyin,u1', 'C2,douyin,u2', 'C3,douyin,u3'));
  addSession(h.db, { id: 's1', startedAt: T0, endedAt: T0 + HOUR });
  addEvents(h.db, 's1', [ev.enter('u2', T0 + MIN), ev.order('u2', T0 + 21 * MIN, 'o2', 199)]);
  h.service.feedBack('s1');
  return h;
}

const tier = (h: Harness, id: string) => h.service.member(id)?.tier;
const promotionRows = (h: Harness, id: string) => (h.service.member(id)?.tierHistory ?? []).filter((c) => c.kind === 'promotion');

describe('granting a temporary promotion', () => {
  it('lifts the effective tier at once, keeps the computed tier, and writes the grant to the tier history', () => {
    const h = seeded();
    const now = h.clock.now;
    expect(h.service.member('C1')).toMatchObject({ tier: 'bronze', computedTier: 'bronze', promotions: [] });
    const r = h.service.grantPromotion({ target: { memberIds: ['C1'] }, lift: 'step', endsAt: now + 7 * DAY, reason: '618 festival' });
    expect(r).toEqual({ grantId: 1, members: 1 });
    const m = h.service.member('C1');
    expect(m).toMatchObject({ tier: 'silver', computedTier: 'bronze', assessment: { tier: 'bronze' } });
    expect(m?.promotions).toEqual([{ grantId: 1, lift: 'step', startsAt: now, endsAt: now + 7 * DAY, revokedAt: null, reason: '618 festival', grantedAt: now, status: 'active', tier: 'silver' }]);
    expect(m?.tierHistory[0]).toEqual({ at: now, from: 'bronze', to: 'silver', kind: 'promotion', reason: expect.stringMatching(/^temporary promotion granted: "618 festival" \(\+1 tier, /) as string });
    // Every read shows the effective tier: search, badges, the share chart.
    expect(h.service.search('C1')[0]).toMatchObject({ tier: 'silver', computedTier: 'bronze', promotedUntil: now + 7 * DAY });
    expect(h.service.lookup([{ platform: 'douyin', userId: 'u1' }]).members['douyin:u1']).toMatchObject({ tier: 'silver', promotedUntil: now + 7 * DAY });
    const shares = h.service.shares();
    expect(shares.promoted).toBe(1);
    expect(shares.tiers.map((t) => [t.tier, t.count, t.promoted])).toEqual([
      ['vip', 0, 0],
      ['silver', 2, 1],
      ['bronze', 1, 0],
    ]);
    expect(h.changes.at(-1)).toEqual({ kind: 'promotion', action: 'grant', result: r });
  });

  it('to a fixed tier never lowers anyone: a silver member granted silver stays silver, unlifted', () => {
    const h = seeded();
    h.service.grantPromotion({ target: { memberIds: ['C1', 'C2'] }, lift: 'silver', endsAt: h.clock.now + DAY, reason: 'campaign' });
    expect(h.service.member('C2')).toMatchObject({ tier: 'silver', computedTier: 'silver' });
    expect(h.service.search('C2')[0]?.promotedUntil).toBeNull();
    expect(h.service.shares().promoted).toBe(1);
  });

  it('to a selection: by computed tier, manual tag or automatic tag, counted beforehand', () => {
    const h = seeded();
    expect(h.service.selectionCount({ tier: 'bronze' })).toBe(2);
    expect(h.service.selectionCount({ tier: 'bronze', tag: 'FESTIVAL' })).toBe(1);
    expect(h.service.selectionCount({ autoTag: 'new_buyer' })).toBe(1);
    const r = h.service.grantPromotion({ target: { selection: { tier: 'bronze' } }, lift: 'vip', endsAt: h.clock.now + DAY, reason: 'Double 11' });
    expect(r.members).toBe(2);
    expect([tier(h, 'C1'), tier(h, 'C2'), tier(h, 'C3')]).toEqual(['vip', 'silver', 'vip']);
    expect(h.service.promotionGrants()).toEqual([
      expect.objectContaining({ id: r.grantId, lift: 'vip', reason: 'Double 11', target: { selection: { tier: 'bronze' } }, members: 2, openMembers: 2, status: 'active' }),
    ]);
    expect(failure(() => h.service.grantPromotion({ target: { selection: { tag: 'nobody-has-this' } }, lift: 'vip', endsAt: h.clock.now + DAY, reason: 'x' })).code).toBe('conflict');
  });

  it('refuses a period already over, unknown members, and more than 366 days', () => {
    const h = seeded();
    const now = h.clock.now;
    expect(failure(() => h.service.grantPromotion({ target: { memberIds: ['C1'] }, lift: 'step', endsAt: now, reason: 'x' })).message).toMatch(/end in the future/);
    expect(failure(() => h.service.grantPromotion({ target: { memberIds: ['C1', 'ghost'] }, lift: 'step', endsAt: now + DAY, reason: 'x' })).code).toBe('not_found');
    expect(failure(() => h.service.grantPromotion({ target: { memberIds: ['C1'] }, lift: 'step', endsAt: now + 367 * DAY, reason: 'x' })).code).toBe('bad_request');
    expect(promotionRows(h, 'C1')).toEqual([]);
  });
});

describe('expiry', () => {
  it('happens at exactly the end instant when read, without any timer, and is written once, dated at the end', () => {
    const h = seeded();
    const end = h.clock.now + 2 * HOUR;
    h.service.grantPromotion({ target: { memberIds: ['C1'] }, lift: 'step', endsAt: end, reason: '618 festival' });
    h.clock.now = end - 1;
    expect(tier(h, 'C1')).toBe('silver');
    expect(promotionRows(h, 'C1')).toHaveLength(1);
    h.clock.now = end;
    expect(h.service.lookup([{ platform: 'douyin', userId: 'u1' }]).members['douyin:u1']?.tier).toBe('bronze');
    expect(h.service.shares().promoted).toBe(0);
    h.clock.now = end + 5 * HOUR; // read well after the end: the history still says when it ended
    const m = h.service.member('C1');
    expect(m).toMatchObject({ tier: 'bronze', promotions: [] });
    expect(m?.tierHistory[0]).toMatchObject({ at: end, from: 'silver', to: 'bronze', kind: 'promotion', reason: expect.stringMatching(/^temporary promotion ended: "618 festival"/) as string });
    h.service.member('C1');
    expect(promotionRows(h, 'C1')).toHaveLength(2);
    expect(h.service.promotionGrants()).toEqual([]);
  });

  it('on the hourly recount, demoting to whatever the computed tier is then', async () => {
    const h = seeded();
    const end = h.clock.now + 100 * DAY;
    h.service.grantPromotion({ target: { memberIds: ['C2'] }, lift: 'vip', endsAt: end, reason: 'summer' });
    expect(tier(h, 'C2')).toBe('vip');
    // 100 days on, C2's only purchase is too old for silver: the promotion ends into bronze, not back to silver
    // where C2 was when it was granted.
    h.clock.now = end + HOUR;
    const r = await h.service.recomputeTiers();
    expect(r.promotionEdges).toBe(1);
    const m = h.service.member('C2');
    expect(m).toMatchObject({ tier: 'bronze', computedTier: 'bronze' });
    const history = m?.tierHistory ?? [];
    expect(history.find((c) => c.kind === 'promotion' && c.at === end)).toMatchObject({ from: 'vip', to: 'bronze' });
    expect(history.find((c) => c.kind === 'rules' && c.at === h.clock.now)).toMatchObject({ from: 'silver', to: 'bronze' });
    expect((await h.service.recomputeTiers()).promotionEdges).toBe(0);
  });

  it('of a promotion granted ahead: the grant is written when made, the start when it comes', async () => {
    const h = seeded();
    const granted = h.clock.now;
    const start = granted + DAY;
    h.service.grantPromotion({ target: { memberIds: ['C1'] }, lift: 'vip', startsAt: start, endsAt: start + DAY, reason: 'members day' });
    expect(h.service.member('C1')).toMatchObject({ tier: 'bronze', promotions: [{ status: 'scheduled', tier: 'vip' }] });
    expect(promotionRows(h, 'C1')).toEqual([expect.objectContaining({ at: granted, from: 'bronze', to: 'bronze' })]);
    h.clock.now = start;
    expect(tier(h, 'C1')).toBe('vip');
    h.clock.now = start + 3 * DAY;
    await h.service.recomputeTiers();
    expect(promotionRows(h, 'C1').map((c) => [c.at, c.from, c.to, c.reason.split(':')[0]])).toEqual([
      [start + DAY, 'vip', 'bronze', 'temporary promotion ended'],
      [start, 'bronze', 'vip', 'temporary promotion started'],
      [granted, 'bronze', 'bronze', 'temporary promotion granted'],
    ]);
  });

  it('with overlapping promotions, the member stays lifted by the one still running', () => {
    const h = seeded();
    const now = h.clock.now;
    h.service.grantPromotion({ target: { memberIds: ['C1'] }, lift: 'vip', endsAt: now + DAY, reason: 'vip week' });
    h.service.grantPromotion({ target: { memberIds: ['C1'] }, lift: 'step', endsAt: now + 3 * DAY, reason: 'festival' });
    expect(tier(h, 'C1')).toBe('vip');
    h.clock.now = now + DAY;
    expect(h.service.member('C1')).toMatchObject({ tier: 'silver', promotions: [{ reason: 'festival', status: 'active' }] });
    expect(promotionRows(h, 'C1')[0]).toMatchObject({ at: now + DAY, from: 'vip', to: 'silver' });
  });
});

describe('revoking', () => {
  it('one member early: back to the computed tier at once, written with the note; the others keep it', () => {
    const h = seeded();
    const { grantId } = h.service.grantPromotion({ target: { memberIds: ['C1', 'C3'] }, lift: 'step', endsAt: h.clock.now + DAY, reason: '618 festival' });
    h.clock.now += HOUR;
    expect(h.service.revokePromotion(grantId, 'C1', 'asked to opt out')).toEqual({ grantId, members: 1 });
    expect(h.service.member('C1')).toMatchObject({ tier: 'bronze', promotions: [] });
    expect(promotionRows(h, 'C1')[0]).toMatchObject({ at: h.clock.now, from: 'silver', to: 'bronze', reason: expect.stringMatching(/^temporary promotion revoked: .*\(asked to opt out\)$/) as string });
    expect(tier(h, 'C3')).toBe('silver');
    expect(h.service.promotionGrants()[0]).toMatchObject({ members: 2, openMembers: 1 });
    expect(failure(() => h.service.revokePromotion(grantId, 'C1')).code).toBe('conflict');
  });

  it('a whole grant; its natural end is then never written', async () => {
    const h = seeded();
    const end = h.clock.now + DAY;
    const { grantId } = h.service.grantPromotion({ target: { selection: { tier: 'bronze' } }, lift: 'step', endsAt: end, reason: '618 festival' });
    expect(h.service.revokePromotion(grantId)).toEqual({ grantId, members: 2 });
    expect([tier(h, 'C1'), tier(h, 'C3')]).toEqual(['bronze', 'bronze']);
    expect(h.service.promotionGrants()).toEqual([]);
    h.clock.now = end + DAY;
    expect((await h.service.recomputeTiers()).promotionEdges).toBe(0);
    expect(promotionRows(h, 'C1').map((c) => c.reason.split(':')[0])).toEqual(['temporary promotion revoked', 'temporary promotion granted']);
    expect(failure(() => h.service.revokePromotion(grantId)).code).toBe('conflict');
    expect(failure(() => h.service.revokePromotion(999)).code).toBe('not_found');
  });

  it('runs through the command handlers', async () => {
    const h = seeded();
    const handlers = h.service.handlers();
    await handlers['members.grantPromotion']({ type: 'members.grantPromotion', target: { memberIds: ['C1'] }, lift: 'vip', endsAt: h.clock.now + DAY, reason: 'x' });
    expect(tier(h, 'C1')).toBe('vip');
    await handlers['members.revokePromotion']({ type: 'members.revokePromotion', grantId: 1 });
    expect(tier(h, 'C1')).toBe('bronze');
  });
});

describe('merging', () => {
  it('takes the merged member’s promotions along', () => {
    const h = seeded();
    h.service.grantPromotion({ target: { memberIds: ['C3'] }, lift: 'vip', endsAt: h.clock.now + DAY, reason: 'gift' });
    h.service.merge('C1', 'C3', 'same person');
    expect(h.service.member('C1')).toMatchObject({ tier: 'vip', promotions: [{ reason: 'gift' }] });
  });
});
