import type { MemberTier } from '../../../../shared/members/member.ts';
import type { TierShares } from '../../../../shared/members/tiers.ts';
import { formatDecimal } from '../feeds/format.ts';

/** Within this many percentage points of the plan a tier counts as on plan. */
export const ON_PLAN_POINTS = 5;

export type ShareStatus = 'on' | 'over' | 'under' | 'none';

/** One tier's bar: its actual share against the plan's, as the chart draws and labels it. */
export interface TierShareBar {
  tier: MemberTier;
  count: number;
  /** Bar length, 0..100 (0 without members). */
  actualPercent: number;
  /** Where the plan's mark goes, 0..100. */
  targetPercent: number;
  /** "14.6%", "—" without members. */
  actualText: string;
  /** "15%" (plan shares are whole numbers; decimals shown when they are not). */
  targetText: string;
  /** Signed difference in percentage points: "+3.2", "−1.0", "0.0"; "—" without members. */
  deviationText: string;
  status: ShareStatus;
}

const clampPercent = (v: number) => Math.min(100, Math.max(0, v));

/** A 0..1 share as a percentage with one decimal ("14.6%"); whole numbers when `whole` and exact. */
export function formatShare(ratio: number | null, locale: string, whole = false): string {
  if (ratio === null || !Number.isFinite(ratio)) return '—';
  const percent = ratio * 100;
  const exact = Math.abs(percent - Math.round(percent)) < 1e-9;
  return `${formatDecimal(percent, whole && exact ? 0 : 1, locale)}%`;
}

/** share − target in percentage points, signed with a real minus sign; rounding that lands on zero reads "0.0". */
export function formatPoints(deviation: number | null, locale: string): string {
  if (deviation === null || !Number.isFinite(deviation)) return '—';
  const tenths = Math.round(deviation * 1_000);
  if (tenths === 0) return formatDecimal(0, 1, locale);
  return `${tenths > 0 ? '+' : '−'}${formatDecimal(Math.abs(tenths) / 10, 1, locale)}`;
}

/** Whether a tier is within `points` of the plan, above it or below it. */
export function shareStatus(deviation: number | null, points = ON_PLAN_POINTS): ShareStatus {
  if (deviation === null || !Number.isFinite(deviation)) return 'none';
  // compare in tenths of a point so 0.05 counts as exactly five points
  const tenths = Math.round(deviation * 1_000);
  if (Math.abs(tenths) <= points * 10) return 'on';
  return tenths > 0 ? 'over' : 'under';
}

/** The chart's bars, VIP first, from the engine's tier shares. */
export function tierShareBars(shares: TierShares, locale: string, points = ON_PLAN_POINTS): TierShareBar[] {
  return shares.tiers.map((s) => ({
    tier: s.tier,
    count: s.count,
    actualPercent: s.share === null ? 0 : clampPercent(s.share * 100),
    targetPercent: clampPercent(s.target * 100),
    actualText: formatShare(s.share, locale),
    targetText: formatShare(s.target, locale, true),
    deviationText: formatPoints(s.deviation, locale),
    status: shareStatus(s.deviation, points),
  }));
}
