import { z } from 'zod';
import { Platform } from '../feeds/events.ts';
import { MemberId, PlatformUserId } from './member.ts';
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

export const MembersCommands = [MembersFeedBackCommand, MembersRecomputeTiersCommand, MembersMergeCommand, MembersSplitCommand, MembersSetTierRulesCommand] as const;
export const MembersCommand = z.discriminatedUnion('type', MembersCommands);
export type MembersCommand = z.infer<typeof MembersCommand>;
export type MembersCommandType = MembersCommand['type'];
