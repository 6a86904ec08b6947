import { describe, expect, it } from 'vitest';
import { DEFAULT_AUTO_TAG_RULES } from './auto-tags.ts';
import { assignTier, DEFAULT_TIER_RULES, effectiveTierCounts, monthsBefore, TierRules, tierShares, type TierInput } from './tiers.ts';

const NOW = Date.UTC(2025, 5, 15, 10, 0, 0); // 2025-06-15 10:00 UTC
const MIN = 60_000;

/** A member who clears every criterion by a little. */
const vip: TierInput = { spend12m: 5000.01, lastPurchaseAt: NOW - 1000, sessionsWatched: 10, interactiveSessions: 4, watchMs: 15 * MIN + 1, communityActivities: 11 };
const tier = (over: Partial<TierInput>) => assignTier({ ...vip, ...over }, DEFAULT_TIER_RULES, NOW);

describe('default rules', () => {
  it('are the operations plan numbers', () => {
    expect(DEFAULT_TIER_RULES).toEqual({
      vip: { spendAbove: 5000, interactionRatePercentAbove: 30, communityActivitiesAbove: 10 },
      silver: { purchaseWithinMonths: 3, watchMinutesAbove: 15 },
      spendWindowMonths: 12,
      targetShares: { vip: 15, silver: 35, bronze: 50 },
      autoTags: DEFAULT_AUTO_TAG_RULES,
    });
  });

  it('fill in what a partial rule set leaves out and refuse shares that do not add up', () => {
    expect(TierRules.parse({ vip: { spendAbove: 8000 } }).vip).toEqual({ spendAbove: 8000, interactionRatePercentAbove: 30, communityActivitiesAbove: 10 });
    expect(TierRules.safeParse({ targetShares: { vip: 20, silver: 35, bronze: 50 } }).success).toBe(false);
  });
});

describe('assignTier boundaries (strict ">")', () => {
  it('is vip just above every threshold', () => {
    const a = tier({});
    expect(a.tier).toBe('vip');
    expect(a.reason).toMatch(/^vip: 12-month spend 5000.01 > 5000 met; interaction rate 40% > 30% met; community activities 11 > 10 met$/);
  });

  it('exactly 5000 yuan is not above 5000', () => {
    const a = tier({ spend12m: 5000 });
    expect(a.tier).toBe('silver');
    expect(a.checks.find((c) => c.criterion === 'spend')).toMatchObject({ met: false, actual: 5000, threshold: 5000 });
    expect(a.reason).toContain('not vip: 12-month spend 5000.00 > 5000 missed');
  });

  it('exactly 30 % interaction rate is not above 30 %', () => {
    expect(tier({ sessionsWatched: 10, interactiveSessions: 3 }).tier).toBe('silver');
    expect(tier({ sessionsWatched: 1000, interactiveSessions: 301 }).tier).toBe('vip');
    expect(tier({ sessionsWatched: 0, interactiveSessions: 0 }).tier).toBe('silver');
  });

  it('exactly 10 community activities is not above 10', () => {
    expect(tier({ communityActivities: 10 }).tier).toBe('silver');
  });

  it('exactly 15 minutes of watch time is not above 15', () => {
    const common = { spend12m: 100 };
    expect(tier({ ...common, watchMs: 15 * MIN }).tier).toBe('bronze');
    expect(tier({ ...common, watchMs: 15 * MIN + 1 }).tier).toBe('silver');
  });

  it('a purchase exactly 3 calendar months ago still counts; a millisecond earlier does not', () => {
    const edge = Date.UTC(2025, 2, 15, 10, 0, 0); // 2025-03-15 10:00 UTC
    expect(monthsBefore(NOW, 3)).toBe(edge);
    expect(tier({ spend12m: 100, lastPurchaseAt: edge }).tier).toBe('silver');
    const missed = tier({ spend12m: 100, lastPurchaseAt: edge - 1 });
    expect(missed.tier).toBe('bronze');
    expect(missed.reason).toMatch(/not silver \(purchase in the last 3 months \(last 2025-03-15\) missed\)/);
    expect(tier({ spend12m: 100, lastPurchaseAt: null }).tier).toBe('bronze');
  });

  it('vip needs no recent purchase; bronze is everyone else', () => {
    expect(tier({ lastPurchaseAt: null, watchMs: 0 }).tier).toBe('vip');
    const a = assignTier({ spend12m: 0, lastPurchaseAt: null, sessionsWatched: 0, interactiveSessions: 0, watchMs: 0, communityActivities: 0 }, DEFAULT_TIER_RULES, NOW);
    expect(a.tier).toBe('bronze');
    expect(a.checks.every((c) => !c.met)).toBe(true);
  });

  it('follows configured thresholds', () => {
    const rules = TierRules.parse({ vip: { spendAbove: 10_000 }, silver: { watchMinutesAbove: 5, purchaseWithinMonths: 1 } });
    expect(assignTier(vip, rules, NOW).tier).toBe('silver');
    expect(assignTier({ ...vip, spend12m: 0, watchMs: 5 * MIN + 1 }, rules, NOW).tier).toBe('silver');
  });
});

describe('monthsBefore', () => {
  it('clamps to the end of a shorter month', () => {
    expect(new Date(monthsBefore(Date.UTC(2025, 4, 31, 8), 3)).toISOString()).toBe('2025-02-28T08:00:00.000Z');
    expect(new Date(monthsBefore(Date.UTC(2024, 4, 31, 8), 3)).toISOString()).toBe('2024-02-29T08:00:00.000Z');
    expect(new Date(monthsBefore(Date.UTC(2025, 0, 10), 12)).toISOString()).toBe('2024-01-10T00:00:00.000Z');
  });
});

describe('tierShares', () => {
  it('compares the distribution with the plan', () => {
    const s = tierShares({ vip: 10, silver: 40, bronze: 50 });
    expect(s.total).toBe(100);
    expect(s.promoted).toBe(0);
    expect(s.tiers).toEqual([
      { tier: 'vip', count: 10, share: 0.1, target: 0.15, deviation: expect.closeTo(-0.05, 9) as number, promoted: 0 },
      { tier: 'silver', count: 40, share: 0.4, target: 0.35, deviation: expect.closeTo(0.05, 9) as number, promoted: 0 },
      { tier: 'bronze', count: 50, share: 0.5, target: 0.5, deviation: 0, promoted: 0 },
    ]);
    expect(tierShares({}).tiers[0]).toEqual({ tier: 'vip', count: 0, share: null, target: 0.15, deviation: null, promoted: 0 });
  });

  it('counts by effective tier: promoted members move up and are counted as promoted', () => {
    const { counts, promoted } = effectiveTierCounts({ vip: 1, silver: 2, bronze: 7 }, [
      { from: 'bronze', to: 'silver' },
      { from: 'bronze', to: 'vip' },
      { from: 'silver', to: 'vip' },
      { from: 'vip', to: 'vip' }, // a promotion that does not lift (already there) moves nobody
    ]);
    expect(counts).toEqual({ vip: 3, silver: 2, bronze: 5 });
    expect(promoted).toEqual({ vip: 2, silver: 1, bronze: 0 });
    const s = tierShares(counts, DEFAULT_TIER_RULES, promoted);
    expect(s.total).toBe(10);
    expect(s.promoted).toBe(3);
    expect(s.tiers.map((t) => [t.tier, t.count, t.promoted])).toEqual([
      ['vip', 3, 2],
      ['silver', 2, 1],
      ['bronze', 5, 0],
    ]);
  });
});
