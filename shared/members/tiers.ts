import { z } from 'zod';
import { AutoTagRules } from './auto-tags.ts';
import { TIERS, toFen, type MemberTier, type MemberTotals, type TierAssessment, type TierCheck } from './member.ts';

/**
 * The tier thresholds are business rules: configurable, defaulting to the operations plan. Every numeric criterion is
 * strict ("above"): a member with exactly the threshold does not qualify. A purchase window is inclusive: a purchase
 * exactly N calendar months ago still counts.
 */
export const TierRules = z
  .object({
    vip: z
      .object({
        /** Yuan spent in the spend window. */
        spendAbove: z.number().nonnegative().max(1e9).default(5000),
        interactionRatePercentAbove: z.number().min(0).max(100).default(30),
        communityActivitiesAbove: z.number().int().nonnegative().max(1e6).default(10),
      })
      .prefault({}),
    silver: z
      .object({
        purchaseWithinMonths: z.number().int().min(1).max(120).default(3),
        watchMinutesAbove: z.number().nonnegative().max(1e6).default(15),
      })
      .prefault({}),
    spendWindowMonths: z.number().int().min(1).max(120).default(12),
    /** The plan's intended shares in percent, to compare the actual distribution against. */
    targetShares: z
      .object({ vip: z.number().min(0).max(100).default(15), silver: z.number().min(0).max(100).default(35), bronze: z.number().min(0).max(100).default(50) })
      .prefault({})
      .refine((s) => Math.abs(s.vip + s.silver + s.bronze - 100) < 1e-9, { message: 'target shares must add up to 100' }),
    /** Thresholds of the automatic behaviour tags (auto-tags.ts). */
    autoTags: AutoTagRules,
  })
  .prefault({});
export type TierRules = z.infer<typeof TierRules>;
export type TierRulesInput = z.input<typeof TierRules>;

export const DEFAULT_TIER_RULES: TierRules = TierRules.parse({});

/** The figures tiers are decided on. */
export type TierInput = Pick<MemberTotals, 'spend12m' | 'lastPurchaseAt' | 'sessionsWatched' | 'interactiveSessions' | 'watchMs' | 'communityActivities'>;

let lastMonthsBefore = { at: Number.NaN, months: Number.NaN, result: Number.NaN };

/** The same instant `months` calendar months earlier (UTC), the day clamped to the target month (31 May − 3 → 28/29 Feb). */
export function monthsBefore(at: number, months: number): number {
  // Tier passes ask this for the same `now` tens of thousands of times.
  if (lastMonthsBefore.at === at && lastMonthsBefore.months === months) return lastMonthsBefore.result;
  const result = computeMonthsBefore(at, months);
  lastMonthsBefore = { at, months, result };
  return result;
}

function computeMonthsBefore(at: number, months: number): number {
  const d = new Date(at);
  const firstOfTarget = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - months, 1));
  const lastDay = new Date(Date.UTC(firstOfTarget.getUTCFullYear(), firstOfTarget.getUTCMonth() + 1, 0)).getUTCDate();
  return Date.UTC(
    firstOfTarget.getUTCFullYear(),
    firstOfTarget.getUTCMonth(),
    Math.min(d.getUTCDate(), lastDay),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
    d.getUTCMilliseconds(),
  );
}

const MINUTE = 60_000;
const pct = (v: number) => `${(Math.round(v * 10) / 10).toString()}%`;
const yuan = (v: number) => v.toFixed(2);
const day = (at: number) => new Date(at).toISOString().slice(0, 10);

function check(tier: TierCheck['tier'], criterion: TierCheck['criterion'], met: boolean, actual: number | null, threshold: number, text: string): TierCheck {
  return { tier, criterion, met, actual, threshold, text: `${text} ${met ? 'met' : 'missed'}` };
}

interface Measured {
  spendFen: number;
  ratePercent: number;
  since: number;
  watchMinutes: number;
  met: { spend: boolean; rate: boolean; community: boolean; recent: boolean; watch: boolean };
}

function measure(totals: TierInput, rules: TierRules, now: number): Measured {
  const { vip, silver } = rules;
  // Compare in fen and with integer cross-multiplication so the thresholds are exact (no 0.3 * 10 drift).
  const spendFen = toFen(totals.spend12m);
  const since = monthsBefore(now, silver.purchaseWithinMonths);
  return {
    spendFen,
    ratePercent: totals.sessionsWatched > 0 ? (totals.interactiveSessions * 100) / totals.sessionsWatched : 0,
    since,
    watchMinutes: totals.watchMs / MINUTE,
    met: {
      spend: spendFen > toFen(vip.spendAbove),
      rate: totals.sessionsWatched > 0 && totals.interactiveSessions * 100 > vip.interactionRatePercentAbove * totals.sessionsWatched,
      community: totals.communityActivities > vip.communityActivitiesAbove,
      recent: totals.lastPurchaseAt !== null && totals.lastPurchaseAt >= since && totals.lastPurchaseAt <= now,
      watch: totals.watchMs > silver.watchMinutesAbove * MINUTE,
    },
  };
}

/** The tier alone, without the reason text (the hot path when most members do not move). */
export function tierOf(totals: TierInput, rules: TierRules, now: number): MemberTier {
  const { met } = measure(totals, rules, now);
  return met.spend && met.rate && met.community ? 'vip' : met.recent && met.watch ? 'silver' : 'bronze';
}

/** Which tier the figures earn under the rules at `now`, with every criterion met or missed spelled out. */
export function assignTier(totals: TierInput, rules: TierRules, now: number): TierAssessment {
  const { vip, silver } = rules;
  const { ratePercent, since, watchMinutes, met } = measure(totals, rules, now);
  const months = rules.spendWindowMonths;
  const minutes = Math.round(watchMinutes * 10) / 10;

  const vipChecks = [
    check('vip', 'spend', met.spend, totals.spend12m, vip.spendAbove, `${months}-month spend ${yuan(totals.spend12m)} > ${vip.spendAbove}`),
    check('vip', 'interactionRate', met.rate, ratePercent, vip.interactionRatePercentAbove, `interaction rate ${pct(ratePercent)} > ${vip.interactionRatePercentAbove}%`),
    check(
      'vip',
      'communityActivities',
      met.community,
      totals.communityActivities,
      vip.communityActivitiesAbove,
      `community activities ${totals.communityActivities} > ${vip.communityActivitiesAbove}`,
    ),
  ];
  const silverChecks = [
    check(
      'silver',
      'recentPurchase',
      met.recent,
      totals.lastPurchaseAt,
      since,
      `purchase in the last ${silver.purchaseWithinMonths} months (${totals.lastPurchaseAt === null ? 'none' : `last ${day(totals.lastPurchaseAt)}`})`,
    ),
    check('silver', 'watchTime', met.watch, minutes, silver.watchMinutesAbove, `watch time ${minutes.toString()} min > ${silver.watchMinutesAbove} min`),
  ];
  const tier = tierOf(totals, rules, now);
  const list = (checks: TierCheck[]) => checks.map((c) => c.text).join('; ');
  const reason =
    tier === 'vip'
      ? `vip: ${list(vipChecks)}`
      : tier === 'silver'
        ? `silver: ${list(silverChecks)} (not vip: ${list(vipChecks.filter((c) => !c.met))})`
        : `bronze: not vip (${list(vipChecks.filter((c) => !c.met))}); not silver (${list(silverChecks.filter((c) => !c.met))})`;
  return { tier, reason, checks: [...vipChecks, ...silverChecks] };
}

export const TierShare = z.object({
  tier: z.enum(['vip', 'silver', 'bronze']),
  count: z.number().int(),
  /** 0..1; null with no members. */
  share: z.number().nullable(),
  /** The plan's share, 0..1. */
  target: z.number(),
  /** share − target (percentage points / 100); null with no members. */
  deviation: z.number().nullable(),
  /** Of `count`, members who are in this tier only through a temporary promotion. */
  promoted: z.number().int(),
});
export type TierShare = z.infer<typeof TierShare>;
/** Counted by effective tier (temporary promotions included); `promoted` says how many are lifted by one. */
export const TierShares = z.object({ total: z.number().int(), promoted: z.number().int(), tiers: z.array(TierShare) });
export type TierShares = z.infer<typeof TierShares>;

/**
 * The actual distribution against the plan's ~15 / 35 / 50 %. `counts` are by effective tier; `promoted` counts, per
 * effective tier, the members lifted into it by a temporary promotion.
 */
export function tierShares(counts: Partial<Record<MemberTier, number>>, rules: TierRules = DEFAULT_TIER_RULES, promoted: Partial<Record<MemberTier, number>> = {}): TierShares {
  const total = TIERS.reduce((t, tier) => t + (counts[tier] ?? 0), 0);
  return {
    total,
    promoted: TIERS.reduce((t, tier) => t + (promoted[tier] ?? 0), 0),
    tiers: TIERS.map((tier) => {
      const count = counts[tier] ?? 0;
      const target = rules.targetShares[tier] / 100;
      const share = total > 0 ? count / total : null;
      return { tier, count, share, target, deviation: share === null ? null : share - target, promoted: promoted[tier] ?? 0 };
    }),
  };
}

/**
 * Counts by computed tier turned into counts by effective tier: each promoted member moves from their computed tier
 * to the tier the promotion gives. Answers the effective counts and, per effective tier, how many got there by promotion.
 */
export function effectiveTierCounts(
  computed: Partial<Record<MemberTier, number>>,
  lifted: Iterable<{ from: MemberTier; to: MemberTier }>,
): { counts: Record<MemberTier, number>; promoted: Record<MemberTier, number> } {
  const counts: Record<MemberTier, number> = { vip: computed.vip ?? 0, silver: computed.silver ?? 0, bronze: computed.bronze ?? 0 };
  const promoted: Record<MemberTier, number> = { vip: 0, silver: 0, bronze: 0 };
  for (const { from, to } of lifted) {
    if (from === to) continue;
    counts[from] -= 1;
    counts[to] += 1;
    promoted[to] += 1;
  }
  return { counts, promoted };
}
