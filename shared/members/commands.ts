import { z } from 'zod';
import { Platform } from '../feeds/events.ts';
import { AutoTag } from './auto-tags.ts';
import { MemberId, MemberTier, PlatformUserId, Tag } from './member.ts';
import { PROMOTION_MAX_MS, PromotionLift } from './promotions.ts';
import { TierRules } from './tiers.ts';

const reason = z.string().trim().min(1).max(500);

/**
 * Member commands, to be listed in the protocol's Command union (`...MembersCommands`). Feed-back and the tier
 * rules are the analyst's; merge and split fix the unified ids by hand, each leaving an audit row.
 */
export const MembersFeedBackCommand = z.object({
  type: z.literal('members.feedBack'),
  sessionId: z.string().min(1).max(100),
  /** Work out what would change and write nothing. */
  dryRun: z.boolean().default(false),
});
export const MembersRecomputeTiersCommand = z.object({ type: z.literal('members.recomputeTiers') });
export const MembersMergeCommand = z.object({ type: z.literal('members.merge'), targetId: MemberId, sourceId: MemberId, reason });
export const MembersSplitCommand = z.object({
  type: z.literal('members.split'),
  memberId: MemberId,
  platform: Platform,
  platformUserId: PlatformUserId,
  reason,
});
export const MembersSetTierRulesCommand = z.object({ type: z.literal('members.setTierRules'), rules: TierRules });

/** Members chosen by what they are now; every filter given must hold (at least one is needed). */
export const PromotionSelection = z
  .object({
    /** The tier the rules give (a member lifted by another promotion is counted at their computed tier). */
    tier: MemberTier.optional(),
    /** A manual tag, exactly (case-insensitive for ASCII). */
    tag: Tag.optional(),
    autoTag: AutoTag.optional(),
  })
  .refine((s) => s.tier !== undefined || s.tag !== undefined || s.autoTag !== undefined, { message: 'choose at least a tier, a tag or an automatic tag' });
export type PromotionSelection = z.infer<typeof PromotionSelection>;

/** How many members one grant may name by id (a bigger group is a selection). */
export const PROMOTION_IDS_MAX = 1000;
const instant = z.number().int().min(0).max(8.64e15);

/**
 * A temporary promotion for a period (a festival, a campaign): to the members named, or to every member the selection
 * matches at the time of the grant. `startsAt` defaults to now; the end must be after the start (and in the future:
 * the engine checks that) and at most PROMOTION_MAX_DAYS later.
 */
export const MembersGrantPromotionCommand = z
  .object({
    type: z.literal('members.grantPromotion'),
    target: z.union([z.object({ memberIds: z.array(MemberId).min(1).max(PROMOTION_IDS_MAX) }), z.object({ selection: PromotionSelection })]),
    lift: PromotionLift,
    startsAt: instant.optional(),
    endsAt: instant,
    reason,
  })
  .superRefine((c, ctx) => {
    if (c.startsAt === undefined) return;
    if (c.endsAt <= c.startsAt) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'must be after startsAt' });
    else if (c.endsAt - c.startsAt > PROMOTION_MAX_MS) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'a promotion lasts at most 366 days' });
  });

/** Ends a promotion early: the whole grant, or one member's part of it. */
export const MembersRevokePromotionCommand = z.object({
  type: z.literal('members.revokePromotion'),
  grantId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  memberId: MemberId.optional(),
  note: z.string().trim().max(500).optional(),
});

export const MembersCommands = [
  MembersFeedBackCommand,
  MembersRecomputeTiersCommand,
  MembersMergeCommand,
  MembersSplitCommand,
  MembersSetTierRulesCommand,
  MembersGrantPromotionCommand,
  MembersRevokePromotionCommand,
] as const;
export const MembersCommand = z.discriminatedUnion('type', MembersCommands);
export type MembersCommand = z.infer<typeof MembersCommand>;
export type MembersCommandType = MembersCommand['type'];
