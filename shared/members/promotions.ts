import { z } from 'zod';
import type { MemberTier } from './member.ts';

// member.ts imports this module: only types come back from it, so there is no cycle at load time.
const Tier = z.enum(['vip', 'silver', 'bronze']);

/*
 * Temporary promotions (临时升级): for a festival or a campaign the operations lead lifts a member, or a selection of
 * members, for a period. While a promotion is active the member's effective tier is the higher of the tier the rules
 * give (the computed tier) and the promoted one. Everything is decided from recorded instants and the time asked
 * about, never from a timer: a promotion is active from `startsAt` inclusive to `endsAt` exclusive (at exactly
 * `endsAt` it is over), or until it was revoked. When it ends the member simply falls back to whatever the rules give
 * at that time.
 */

/** `step`: one tier above the computed tier, whatever that is at the time (VIP stays VIP); or a fixed tier. */
export const PromotionLift = z.enum(['step', 'silver', 'vip']);
export type PromotionLift = z.infer<typeof PromotionLift>;

/** The longest promotion one grant may give (a festival season, not a permanent upgrade). */
export const PROMOTION_MAX_DAYS = 366;
export const PROMOTION_MAX_MS = PROMOTION_MAX_DAYS * 86_400_000;

/** The instants of one member's promotion. */
export interface PromotionSpan {
  lift: PromotionLift;
  startsAt: number;
  endsAt: number;
  /** When it was revoked early, or null. */
  revokedAt: number | null;
}

export type PromotionStatus = 'scheduled' | 'active' | 'ended' | 'revoked';

const RANK: Record<MemberTier, number> = { bronze: 0, silver: 1, vip: 2 };
const BY_RANK: readonly MemberTier[] = ['bronze', 'silver', 'vip'];

export const tierRank = (tier: MemberTier): number => RANK[tier];

export function higherTier(a: MemberTier, b: MemberTier): MemberTier {
  return RANK[b] > RANK[a] ? b : a;
}

/** The tier a lift gives a member whose computed tier is `computed`. */
export function liftedTier(lift: PromotionLift, computed: MemberTier): MemberTier {
  return lift === 'step' ? (BY_RANK[Math.min(RANK[computed] + 1, BY_RANK.length - 1)] ?? computed) : lift;
}

/** The instant the promotion stops counting: its end, or its revocation when that came first. */
export function promotionEndsAt(p: PromotionSpan): number {
  return p.revokedAt !== null && p.revokedAt < p.endsAt ? p.revokedAt : p.endsAt;
}

/** Active from startsAt (inclusive) to its end (exclusive). */
export function isPromotionActive(p: PromotionSpan, now: number): boolean {
  return p.startsAt <= now && now < promotionEndsAt(p);
}

export function promotionStatus(p: PromotionSpan, now: number): PromotionStatus {
  if (p.revokedAt !== null && p.revokedAt < p.endsAt && now >= p.revokedAt) return 'revoked';
  if (now >= p.endsAt) return 'ended';
  return now < p.startsAt ? 'scheduled' : 'active';
}

export interface Effective<P> {
  tier: MemberTier;
  /** The active promotion that lifts the member above the computed tier (the one lasting longest on a tie), or null. */
  promotion: P | null;
}

/** The member's tier at `now`: the higher of `computed` and what each promotion active at `now` gives. */
export function effectiveTier<P extends PromotionSpan>(computed: MemberTier, promotions: readonly P[], now: number): Effective<P> {
  let tier = computed;
  let by: P | null = null;
  for (const p of promotions) {
    if (!isPromotionActive(p, now)) continue;
    const lifted = liftedTier(p.lift, computed);
    if (RANK[lifted] <= RANK[computed]) continue;
    if (RANK[lifted] > RANK[tier] || (by !== null && RANK[lifted] === RANK[tier] && promotionEndsAt(p) > promotionEndsAt(by))) {
      tier = lifted;
      by = p;
    }
  }
  return { tier, promotion: by };
}

/** A stored promotion and which of its edges are already in the tier history. */
export interface LoggedPromotion extends PromotionSpan {
  startLogged: boolean;
  endLogged: boolean;
}

export interface PromotionEdge<P> {
  promotion: P;
  edge: 'start' | 'end';
  at: number;
  /** The effective tier just before `at` and at `at`, under the computed tier given. */
  from: MemberTier;
  to: MemberTier;
}

/**
 * The tier-history entries a member's promotions owe by `now`, oldest first: the start of each promotion granted
 * ahead of time, and the natural end of each (a revocation is written when it happens). The tiers either side of each
 * instant are worked out with `computed`, the tier the rules give now: a member whose promotion ended while they
 * were away falls back to what they have earned by now. A promotion revoked before it started owes no start.
 */
export function duePromotionEdges<P extends LoggedPromotion>(computed: MemberTier, promotions: readonly P[], now: number): PromotionEdge<P>[] {
  const edges: PromotionEdge<P>[] = [];
  const entry = (promotion: P, edge: 'start' | 'end', at: number) =>
    edges.push({ promotion, edge, at, from: effectiveTier(computed, promotions, at - 1).tier, to: effectiveTier(computed, promotions, at).tier });
  for (const p of promotions) {
    if (!p.startLogged && p.startsAt <= now && p.startsAt < promotionEndsAt(p)) entry(p, 'start', p.startsAt);
    if (!p.endLogged && p.endsAt <= now && promotionEndsAt(p) === p.endsAt) entry(p, 'end', p.endsAt);
  }
  return edges.sort((a, b) => a.at - b.at || (a.edge === b.edge ? 0 : a.edge === 'end' ? -1 : 1));
}

const when = (at: number) => new Date(at).toISOString().replace(/:\d\d\.\d{3}Z$/, 'Z');
const LIFT_TEXT: Record<PromotionLift, string> = { step: '+1 tier', silver: 'to silver', vip: 'to vip' };

/** What a promotion is, for reasons and lists: `"618 festival" (+1 tier, 2025-06-01T00:00Z – 2025-06-20T00:00Z)`. */
export function describePromotion(p: Pick<PromotionSpan, 'lift' | 'startsAt' | 'endsAt'> & { reason: string }): string {
  return `"${p.reason}" (${LIFT_TEXT[p.lift]}, ${when(p.startsAt)} – ${when(p.endsAt)})`;
}

/** The tier-history reason of one promotion edge. */
export function promotionReason(edge: 'grant' | 'start' | 'end' | 'revoke', p: Pick<PromotionSpan, 'lift' | 'startsAt' | 'endsAt'> & { reason: string }, note?: string): string {
  const what = describePromotion(p);
  switch (edge) {
    case 'grant':
      return `temporary promotion granted: ${what}`;
    case 'start':
      return `temporary promotion started: ${what}`;
    case 'end':
      return `temporary promotion ended: ${what}; back to the tier the rules give`;
    case 'revoke':
      return `temporary promotion revoked: ${what}${note ? ` (${note})` : ''}`;
  }
}

/** One grant as the lists show it: to one member or to a selection, and how many of its members are still open. */
export const PromotionGrant = z.object({
  id: z.number().int(),
  lift: PromotionLift,
  startsAt: z.number(),
  endsAt: z.number(),
  reason: z.string(),
  grantedAt: z.number(),
  /** What was chosen: member ids (up to the first 20) or the selection's filters. */
  target: z.union([z.object({ memberIds: z.array(z.string()), more: z.number().int() }), z.object({ selection: z.record(z.string(), z.string()) })]),
  /** Members whose promotion from this grant is not over yet (not ended, not revoked). */
  openMembers: z.number().int(),
  members: z.number().int(),
  status: z.enum(['scheduled', 'active', 'ended', 'revoked']),
});
export type PromotionGrant = z.infer<typeof PromotionGrant>;

/** One member's promotion, as the member card lists it. */
export const MemberPromotion = z.object({
  grantId: z.number().int(),
  lift: PromotionLift,
  startsAt: z.number(),
  endsAt: z.number(),
  revokedAt: z.number().nullable(),
  reason: z.string(),
  grantedAt: z.number(),
  status: z.enum(['scheduled', 'active', 'ended', 'revoked']),
  /** The tier it gives now (under today's computed tier). */
  tier: Tier,
});
export type MemberPromotion = z.infer<typeof MemberPromotion>;
