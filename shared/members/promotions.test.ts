import { describe, expect, it } from 'vitest';
import {
  duePromotionEdges,
  effectiveTier,
  isPromotionActive,
  liftedTier,
  promotionReason,
  promotionStatus,
  type LoggedPromotion,
  type PromotionSpan,
} from './promotions.ts';

const H = 3_600_000;
const START = Date.UTC(2025, 5, 1, 0, 0, 0); // 618 season opens 2025-06-01 00:00 UTC
const END = Date.UTC(2025, 5, 20, 0, 0, 0);
const p = (over: Partial<PromotionSpan> = {}): PromotionSpan => ({ lift: 'step', startsAt: START, endsAt: END, revokedAt: null, ...over });
const logged = (over: Partial<LoggedPromotion> = {}): LoggedPromotion => ({ ...p(over), startLogged: false, endLogged: false, ...over });

describe('liftedTier', () => {
  it('+1 tier is one above the computed tier, VIP stays VIP; a fixed lift is that tier', () => {
    expect(liftedTier('step', 'bronze')).toBe('silver');
    expect(liftedTier('step', 'silver')).toBe('vip');
    expect(liftedTier('step', 'vip')).toBe('vip');
    expect(liftedTier('vip', 'bronze')).toBe('vip');
    expect(liftedTier('silver', 'vip')).toBe('silver');
  });
});

describe('active window: from startsAt inclusive to endsAt exclusive', () => {
  it('is not active a millisecond before the start, is at exactly the start, is a millisecond before the end, is not at the end', () => {
    expect(isPromotionActive(p(), START - 1)).toBe(false);
    expect(isPromotionActive(p(), START)).toBe(true);
    expect(isPromotionActive(p(), END - 1)).toBe(true);
    expect(isPromotionActive(p(), END)).toBe(false);
    expect(promotionStatus(p(), START - 1)).toBe('scheduled');
    expect(promotionStatus(p(), START)).toBe('active');
    expect(promotionStatus(p(), END - 1)).toBe('active');
    expect(promotionStatus(p(), END)).toBe('ended');
  });

  it('a revoked promotion stops at exactly the revocation', () => {
    const revoked = p({ revokedAt: START + 5 * H });
    expect(isPromotionActive(revoked, START + 5 * H - 1)).toBe(true);
    expect(isPromotionActive(revoked, START + 5 * H)).toBe(false);
    expect(promotionStatus(revoked, START + 5 * H - 1)).toBe('active');
    expect(promotionStatus(revoked, START + 5 * H)).toBe('revoked');
    // Revoked before it started: never active.
    const cancelled = p({ revokedAt: START - H });
    expect(isPromotionActive(cancelled, START)).toBe(false);
    expect(promotionStatus(cancelled, START)).toBe('revoked');
  });
});

describe('effectiveTier', () => {
  it('is the higher of computed and promoted', () => {
    expect(effectiveTier('bronze', [p({ lift: 'silver' })], START)).toMatchObject({ tier: 'silver' });
    // Already above the promoted tier: the promotion does not lift, so it is not named.
    expect(effectiveTier('vip', [p({ lift: 'silver' })], START)).toEqual({ tier: 'vip', promotion: null });
    expect(effectiveTier('silver', [p({ lift: 'silver' })], START)).toEqual({ tier: 'silver', promotion: null });
  });

  it('falls back to the computed tier at exactly the end', () => {
    const promo = p();
    expect(effectiveTier('bronze', [promo], END - 1)).toEqual({ tier: 'silver', promotion: promo });
    expect(effectiveTier('bronze', [promo], END)).toEqual({ tier: 'bronze', promotion: null });
  });

  it('+1 follows the computed tier while it is active', () => {
    const promo = p();
    expect(effectiveTier('bronze', [promo], START).tier).toBe('silver');
    expect(effectiveTier('silver', [promo], START).tier).toBe('vip');
  });

  it('with overlapping promotions takes the highest lift, and on a tie the one lasting longest', () => {
    const festival = p({ lift: 'step', endsAt: END });
    const vipWeek = p({ lift: 'vip', startsAt: START + 24 * H, endsAt: START + 8 * 24 * H });
    const longer = p({ lift: 'silver', endsAt: END + 24 * H });
    expect(effectiveTier('bronze', [festival, vipWeek], START).promotion).toBe(festival);
    expect(effectiveTier('bronze', [festival, vipWeek], START + 24 * H)).toEqual({ tier: 'vip', promotion: vipWeek });
    expect(effectiveTier('bronze', [festival, vipWeek], START + 8 * 24 * H)).toEqual({ tier: 'silver', promotion: festival });
    expect(effectiveTier('bronze', [festival, longer], START).promotion).toBe(longer);
    expect(effectiveTier('bronze', [longer, festival], START).promotion).toBe(longer);
    // One ends, the other carries on: no drop at the first one's end.
    expect(effectiveTier('bronze', [festival, longer], END)).toEqual({ tier: 'silver', promotion: longer });
  });
});

describe('duePromotionEdges', () => {
  it('owes nothing before the end of a promotion whose grant already started it', () => {
    expect(duePromotionEdges('bronze', [logged({ startLogged: true })], END - 1)).toEqual([]);
  });

  it('owes the end from exactly the end instant, dated at it, down to whatever the computed tier is then', () => {
    const promo = logged({ startLogged: true });
    expect(duePromotionEdges('bronze', [promo], END)).toEqual([{ promotion: promo, edge: 'end', at: END, from: 'silver', to: 'bronze' }]);
    // The member earned silver meanwhile: +1 had them at VIP, they drop to silver, not to where they started.
    expect(duePromotionEdges('silver', [promo], END + 5 * H)).toEqual([{ promotion: promo, edge: 'end', at: END, from: 'vip', to: 'silver' }]);
    // A fixed lift to silver for a member who is silver by now: ended, no change of tier.
    const fixed = logged({ lift: 'silver', startLogged: true });
    expect(duePromotionEdges('silver', [fixed], END)).toMatchObject([{ edge: 'end', from: 'silver', to: 'silver' }]);
  });

  it('owes the start of a promotion granted ahead from exactly its start', () => {
    const ahead = logged();
    expect(duePromotionEdges('bronze', [ahead], START - 1)).toEqual([]);
    expect(duePromotionEdges('bronze', [ahead], START)).toEqual([{ promotion: ahead, edge: 'start', at: START, from: 'bronze', to: 'silver' }]);
    // Missed the whole period (nobody read or recounted): both, in order.
    expect(duePromotionEdges('bronze', [ahead], END + H).map((e) => [e.edge, e.at, e.from, e.to])).toEqual([
      ['start', START, 'bronze', 'silver'],
      ['end', END, 'silver', 'bronze'],
    ]);
  });

  it('owes nothing already written, and no natural end or start for a revoked promotion', () => {
    expect(duePromotionEdges('bronze', [logged({ startLogged: true, endLogged: true })], END + H)).toEqual([]);
    expect(duePromotionEdges('bronze', [logged({ startLogged: true, revokedAt: START + H })], END + H)).toEqual([]);
    expect(duePromotionEdges('bronze', [logged({ revokedAt: START - H })], END + H)).toEqual([]);
  });

  it('with overlapping promotions, an end under another promotion is no drop', () => {
    const first = logged({ lift: 'vip', startLogged: true, endsAt: START + 24 * H });
    const second = logged({ lift: 'step', startLogged: true, endsAt: END });
    expect(duePromotionEdges('bronze', [first, second], END).map((e) => [e.at, e.from, e.to])).toEqual([
      [START + 24 * H, 'vip', 'silver'],
      [END, 'silver', 'bronze'],
    ]);
  });
});

describe('reasons', () => {
  it('name the promotion, its lift and its period', () => {
    const what = { lift: 'step' as const, startsAt: START, endsAt: END, reason: '618 festival' };
    expect(promotionReason('grant', what)).toBe('temporary promotion granted: "618 festival" (+1 tier, 2025-06-01T00:00Z – 2025-06-20T00:00Z)');
    expect(promotionReason('end', what)).toMatch(/^temporary promotion ended: "618 festival" .*; back to the tier the rules give$/);
    expect(promotionReason('revoke', { ...what, lift: 'vip' }, 'campaign cancelled')).toBe(
      'temporary promotion revoked: "618 festival" (to vip, 2025-06-01T00:00Z – 2025-06-20T00:00Z) (campaign cancelled)',
    );
  });
});
