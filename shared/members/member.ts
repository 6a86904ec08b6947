import { z } from 'zod';
import { ID_MAX, Platform, TEXT_LIMITS } from '../feeds/events.ts';
import { AutoTag } from './auto-tags.ts';
import { MemberPromotion } from './promotions.ts';

/** Core/VIP (核心用户), silver (潜力用户) and bronze (基础用户). */
export const MemberTier = z.enum(['vip', 'silver', 'bronze']);
export type MemberTier = z.infer<typeof MemberTier>;
export const TIERS: readonly MemberTier[] = MemberTier.options;

/** Spend is counted in one currency: there are no exchange rates here, so orders in others count as purchases only. */
export const SPEND_CURRENCY = 'CNY';

/** How many past nicknames an identity keeps (oldest dropped first). */
export const NICKNAME_HISTORY = 20;

export const MEMBER_LIMITS = { id: 100, tag: 64, tagsPerMember: 100, communityId: 128 } as const;

/** Unified member ids come from a CRM / community back office or are generated; printable, no separators. */
export const MemberId = z
  .string()
  .trim()
  .min(1)
  .max(MEMBER_LIMITS.id)
  .regex(/^[^\s|,]+$/, { message: 'must not contain spaces, commas or "|"' });

export const Tag = z
  .string()
  .trim()
  .min(1)
  .max(MEMBER_LIMITS.tag)
  .regex(/^[^|]+$/, { message: 'must not contain "|"' });

export const CommunityId = z.string().trim().min(1).max(MEMBER_LIMITS.communityId).regex(/^[^\s|]+$/, { message: 'must not contain spaces or "|"' });
export const PlatformUserId = z.string().trim().min(1).max(ID_MAX);
export const Nickname = z.string().trim().max(TEXT_LIMITS.nickname);

/** A live-platform account linked to the member. */
export const MemberIdentity = z.object({
  platform: Platform,
  platformUserId: z.string(),
  nickname: z.string(),
  /** Every nickname seen, oldest first, the current one last. */
  nicknames: z.array(z.string()),
  firstSeenAt: z.number(),
});
export type MemberIdentity = z.infer<typeof MemberIdentity>;

/**
 * What a member did, summed over sessions and orders. Money is in yuan (SPEND_CURRENCY) with 2 decimals.
 * Interaction rate = sessions with at least one interaction (comment, like, gift, follow, share, order) / sessions watched.
 */
export const MemberTotals = z.object({
  lifetimeSpend: z.number(),
  /** Paid orders in the spend window (12 months by default) as of `spendAsOf`. */
  spend12m: z.number(),
  spendAsOf: z.number(),
  /** Paid orders (refunded and cancelled ones are not counted), any currency. */
  orders: z.number().int(),
  firstPurchaseAt: z.number().nullable(),
  lastPurchaseAt: z.number().nullable(),
  sessionsWatched: z.number().int(),
  interactiveSessions: z.number().int(),
  watchMs: z.number().int(),
  watchMinutes: z.number(),
  comments: z.number().int(),
  interactions: z.number().int(),
  /** interactiveSessions / sessionsWatched; null before the first session. */
  interactionRate: z.number().nullable(),
  communityActivities: z.number().int(),
  communityAsOf: z.number().nullable(),
  /** Comments that were questions (marked by the platform or detected). */
  questions: z.number().int(),
  /** Sessions the member came into at night (see NIGHT in auto-tags.ts). */
  nightSessions: z.number().int(),
  /** Paid orders placed while a flash sale of the product was live (known only for orders seen in a show). */
  flashSaleOrders: z.number().int(),
});
export type MemberTotals = z.infer<typeof MemberTotals>;

export const TierChange = z.object({
  at: z.number(),
  /** Null for the member's first tier. */
  from: MemberTier.nullable(),
  to: MemberTier,
  reason: z.string(),
  /** `rules`: the computed tier moved; `promotion`: a temporary promotion was granted, started, ended or revoked (from/to are effective tiers). */
  kind: z.enum(['rules', 'promotion']),
});
export type TierChange = z.infer<typeof TierChange>;

export const TierCheck = z.object({
  tier: z.enum(['vip', 'silver']),
  criterion: z.enum(['spend', 'interactionRate', 'communityActivities', 'recentPurchase', 'watchTime']),
  met: z.boolean(),
  /** The member's figure (yuan, percent, count, minutes; for recentPurchase the purchase time or null). */
  actual: z.number().nullable(),
  /** The rule's figure (for recentPurchase: the earliest time that still counts). */
  threshold: z.number(),
  text: z.string(),
});
export type TierCheck = z.infer<typeof TierCheck>;

export const TierAssessment = z.object({ tier: MemberTier, reason: z.string(), checks: z.array(TierCheck) });
export type TierAssessment = z.infer<typeof TierAssessment>;

export const MemberOrigin = z.enum(['live', 'import', 'split']);
export type MemberOrigin = z.infer<typeof MemberOrigin>;

export const MemberSessionSummary = z.object({
  sessionId: z.string(),
  title: z.string(),
  startedAt: z.number(),
  watchMs: z.number(),
  comments: z.number(),
  interactions: z.number(),
  orders: z.number(),
  spend: z.number(),
});
export type MemberSessionSummary = z.infer<typeof MemberSessionSummary>;

/** One person across platforms and the community: the unified record. */
export const Member = z.object({
  id: z.string(),
  displayName: z.string(),
  origin: MemberOrigin,
  createdAt: z.number(),
  identities: z.array(MemberIdentity),
  communityIds: z.array(z.string()),
  /** Manual tags (imports); never changed by the automatic ones. */
  tags: z.array(z.string()),
  /** Automatic behaviour tags, replaced on every reassessment. */
  autoTags: z.array(AutoTag),
  totals: MemberTotals,
  /** The effective tier now: the higher of the computed tier and an active temporary promotion. */
  tier: MemberTier,
  /** The tier the rules give. */
  computedTier: MemberTier,
  /** Since when the computed tier holds. */
  tierSince: z.number(),
  /** Scheduled and active temporary promotions (ended and revoked ones are in the tier history). */
  promotions: z.array(MemberPromotion),
  /** The tier rules applied now (the computed tier), criterion by criterion (why the member is where they are). */
  assessment: TierAssessment,
  /** Newest first. */
  tierHistory: z.array(TierChange),
  /** Newest first, at most 20. */
  recentSessions: z.array(MemberSessionSummary),
});
export type Member = z.infer<typeof Member>;

/** A search hit. */
export const MemberSummary = z.object({
  id: z.string(),
  displayName: z.string(),
  /** Effective tier now. */
  tier: MemberTier,
  computedTier: MemberTier,
  /** End of the temporary promotion that lifts the member now, or null. */
  promotedUntil: z.number().nullable(),
  identities: z.array(z.object({ platform: Platform, platformUserId: z.string(), nickname: z.string() })),
  tags: z.array(z.string()),
  autoTags: z.array(AutoTag),
  lifetimeSpend: z.number(),
  /** Spend in the spend window (12 months by default). */
  spend12m: z.number(),
  lastPurchaseAt: z.number().nullable(),
  sessionsWatched: z.number(),
});
export type MemberSummary = z.infer<typeof MemberSummary>;

/** What the comment panel shows next to a commenter (badge). */
export const MemberCard = z.object({
  memberId: z.string(),
  displayName: z.string(),
  /** Effective tier now (a temporary promotion counts). */
  tier: MemberTier,
  /** End of the temporary promotion that lifts the member now, or null. */
  promotedUntil: z.number().nullable(),
  lifetimeSpend: z.number(),
  spend12m: z.number(),
  orders: z.number(),
  lastPurchaseAt: z.number().nullable(),
  sessionsWatched: z.number(),
});
export type MemberCard = z.infer<typeof MemberCard>;

export const LOOKUP_MAX = 1000;
export const LookupRequest = z.array(z.object({ platform: Platform, userId: z.string().min(1).max(ID_MAX) })).max(LOOKUP_MAX);
export type LookupRequest = z.infer<typeof LookupRequest>;
/** Keyed by identityKey(platform, userId); platform users with no member are absent. */
export const LookupResult = z.object({ members: z.record(z.string(), MemberCard) });
export type LookupResult = z.infer<typeof LookupResult>;

/** `platform:userId`; platforms never contain ':' so the first one separates. */
export function identityKey(platform: string, userId: string): string {
  return `${platform}:${userId}`;
}

/** Money is stored in fen (1/100 yuan) so sums and the "> 5000" comparison are exact. */
export const toFen = (yuan: number): number => Math.round(yuan * 100);
export const fromFen = (fen: number): number => fen / 100;
