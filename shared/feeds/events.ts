import { z } from 'zod';

/** Platforms a feed can carry. `other` keeps an unknown relay usable instead of refusing it. */
export const Platform = z.enum(['douyin', 'tiktok', 'taobao', 'kuaishou', 'bilibili', 'xiaohongshu', 'wechat_channels', 'other']);
export type Platform = z.infer<typeof Platform>;

/** Display limits. Longer text is cut (and flagged) rather than refused: a long comment is still a comment. */
export const TEXT_LIMITS = { nickname: 64, comment: 500, giftName: 64, sku: 128 } as const;

/** Ids are dedupe keys, never shown cut: an over-long id is refused instead. */
export const ID_MAX = 128;

const Id = z.string().min(1).max(ID_MAX);
const Count = z.number().int().nonnegative();

const base = {
  /** Stable dedupe key: `platform:type:messageId` (order ids for orders), the same whichever relay delivered it. */
  id: z.string().min(1).max(400),
  /** The relay connection it came through. */
  feedId: z.string().min(1),
  platform: Platform,
  /** Engine clock when it was received: the only time every event has and the one the metrics use. */
  at: z.number(),
  /** The platform's own time, when the relay gave one (clocks differ; for display and reconciliation). */
  platformTime: z.number().optional(),
};

const user = {
  userId: Id,
  nickname: z.string().max(TEXT_LIMITS.nickname),
  /** Set when some text of this event was cut to its display limit. */
  truncated: z.literal(true).optional(),
};

export const CommentEvent = z.object({
  type: z.literal('comment'),
  ...base,
  ...user,
  text: z.string().max(TEXT_LIMITS.comment),
  /** Marked as a question by the platform (TikTok's Q&A) or by detect.ts. */
  isQuestion: z.boolean().optional(),
  /** Asks how to buy, whether it is in stock, or says they bought (detect.ts). */
  purchaseIntent: z.literal(true).optional(),
});

export const ViewersEvent = z.object({
  type: z.literal('viewers'),
  ...base,
  current: Count,
  /** Views since the stream started, when the platform reports it (Douyin's total_pv_for_anchor). */
  cumulative: Count.optional(),
});

export const LikeEvent = z.object({ type: z.literal('like'), ...base, ...user, count: Count, total: Count.optional() });

export const GiftEvent = z.object({
  type: z.literal('gift'),
  ...base,
  ...user,
  giftName: z.string().max(TEXT_LIMITS.giftName),
  count: z.number().int().positive(),
  /** Total value of the batch in the platform's coins (TikTok diamonds), when known. */
  value: z.number().nonnegative().optional(),
});

export const FollowEvent = z.object({ type: z.literal('follow'), ...base, ...user });
export const ShareEvent = z.object({ type: z.literal('share'), ...base, ...user });
export const EnterEvent = z.object({ type: z.literal('enter'), ...base, ...user });

export const OrderEvent = z.object({
  type: z.literal('order'),
  ...base,
  orderId: Id,
  userId: Id,
  nickname: z.string().max(TEXT_LIMITS.nickname).optional(),
  truncated: z.literal(true).optional(),
  sku: z.string().min(1).max(TEXT_LIMITS.sku),
  quantity: z.number().int().positive(),
  /** Amount paid for the whole order, in major units (yuan for CNY). */
  amount: z.number().nonnegative(),
  /** ISO 4217 code. */
  currency: z.string().regex(/^[A-Z]{3}$/),
  status: z.literal('paid'),
});

export const OrderUpdateEvent = z.object({
  type: z.literal('orderUpdate'),
  ...base,
  orderId: Id,
  status: z.enum(['refunded', 'cancelled']),
});

export const StreamEndEvent = z.object({ type: z.literal('streamEnd'), ...base });

/** A stretch during which a feed delivered nothing because its relay link was down: data may be missing. */
export const GapEvent = z.object({
  type: z.literal('gap'),
  ...base,
  fromAt: z.number(),
  toAt: z.number(),
  reason: z.string().max(200),
});

/** What the rest of Cuedeck consumes, whatever platform or relay protocol it came from. */
export const FeedEvent = z.discriminatedUnion('type', [
  CommentEvent,
  ViewersEvent,
  LikeEvent,
  GiftEvent,
  FollowEvent,
  ShareEvent,
  EnterEvent,
  OrderEvent,
  OrderUpdateEvent,
  StreamEndEvent,
  GapEvent,
]);
export type FeedEvent = z.infer<typeof FeedEvent>;
export type FeedEventType = FeedEvent['type'];
export type FeedEventOf<T extends FeedEventType> = Extract<FeedEvent, { type: T }>;

/** Events that name a viewer who did something (used for unique-viewer and interaction counts). */
export type UserEvent = FeedEventOf<'comment' | 'like' | 'gift' | 'follow' | 'share' | 'enter'>;
