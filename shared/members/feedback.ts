import { z } from 'zod';
import { MemberTier } from './member.ts';
import { TierMove } from './import.ts';

/** What feeding one session back into the member records changed, or would change (dry run). */
export const FeedBackResult = z.object({
  sessionId: z.string(),
  dryRun: z.boolean(),
  /** Set when the session was already fed back: nothing changed this time. */
  alreadyAppliedAt: z.number().nullable(),
  /** Platform accounts seen in the session's feed. */
  attendees: z.number().int(),
  /** Members the session touched (several accounts of one member count once). */
  members: z.number().int(),
  newMembers: z.number().int(),
  /** Feed events that named no valid account and were left out. */
  skippedEvents: z.number().int(),
  delta: z.object({
    sessionsWatched: z.number().int(),
    interactiveSessions: z.number().int(),
    watchMs: z.number(),
    comments: z.number().int(),
    interactions: z.number().int(),
    /** Paid orders newly counted (orders a shop export already brought are not counted again). */
    orders: z.number().int(),
    /** Orders refunded or cancelled in this session (they may have been paid in an earlier one). */
    refunds: z.number().int(),
    /** Net change of lifetime spend, yuan. */
    spend: z.number(),
  }),
  tierMoves: z.array(TierMove),
  /** A few of the moves, for the confirmation dialog. */
  examples: z.array(z.object({ memberId: z.string(), displayName: z.string(), from: MemberTier.nullable(), to: MemberTier, reason: z.string() })),
});
export type FeedBackResult = z.infer<typeof FeedBackResult>;

export const RecomputeResult = z.object({
  members: z.number().int(),
  /** Members whose computed tier or spend window moved. */
  changed: z.number().int(),
  tierMoves: z.array(TierMove),
  /** Members whose automatic tags changed. */
  autoTagsChanged: z.number().int(),
  /** Promotion starts and ends written to the tier history. */
  promotionEdges: z.number().int(),
});
export type RecomputeResult = z.infer<typeof RecomputeResult>;

export const MergeResult = z.object({ targetId: z.string(), sourceId: z.string(), identitiesMoved: z.number().int(), tier: MemberTier });
export type MergeResult = z.infer<typeof MergeResult>;

export const SplitResult = z.object({ memberId: z.string(), newMemberId: z.string(), ordersMoved: z.number().int(), sessionsMoved: z.number().int() });
export type SplitResult = z.infer<typeof SplitResult>;

export const GrantResult = z.object({ grantId: z.number().int(), members: z.number().int() });
export type GrantResult = z.infer<typeof GrantResult>;

export const RevokeResult = z.object({ grantId: z.number().int(), members: z.number().int() });
export type RevokeResult = z.infer<typeof RevokeResult>;
