import { z } from 'zod';
import { ID_MAX, Platform } from './events.ts';
import { RAW_NAME_MAX, RAW_TEXT_MAX } from './text.ts';

/**
 * Cuedeck's own relay protocol over socket.io (documented in assets/relay-protocol.md). A relay re-emits one
 * platform's live room; every message names its platform, a message id unique on that platform, and its time.
 */
export const CUEDECK_RELAY_PROTOCOL = 'cuedeck-relay';
export const CUEDECK_RELAY_VERSION = 1;

/** socket.io handshake `auth` a Cuedeck client sends, so a relay speaking several protocols knows which to use. */
export const CuedeckRelayHello = z.object({ protocol: z.literal(CUEDECK_RELAY_PROTOCOL), version: z.number().int() });
export type CuedeckRelayHello = z.infer<typeof CuedeckRelayHello>;

const Id = z.string().min(1).max(ID_MAX);
/** Milliseconds since the Unix epoch. */
const Time = z.number().int().nonnegative().max(1e14);
const RawName = z.string().max(RAW_NAME_MAX);
const Count = z.number().int().nonnegative().max(1e12);

const common = { platform: Platform, msgId: Id, time: Time };
const user = { userId: Id, nickname: RawName };

export const RelayComment = z.object({ ...common, ...user, text: z.string().max(RAW_TEXT_MAX), isQuestion: z.boolean().optional() });
export const RelayViewers = z.object({ ...common, current: Count, cumulative: Count.optional() });
export const RelayLike = z.object({ ...common, ...user, count: z.number().int().positive().max(1e6), total: Count.optional() });
export const RelayGift = z.object({
  ...common,
  ...user,
  giftName: RawName,
  count: z.number().int().positive().max(1e6),
  /** Total value of the batch in platform coins. */
  value: z.number().nonnegative().max(1e12).optional(),
});
export const RelayUserAction = z.object({ ...common, ...user });
export const RelayOrder = z.object({
  ...common,
  userId: Id,
  nickname: RawName.optional(),
  orderId: Id,
  sku: z.string().min(1).max(RAW_NAME_MAX),
  quantity: z.number().int().positive().max(100_000),
  /** Paid for the whole order, major units (yuan). */
  amount: z.number().nonnegative().max(1e9),
  currency: z.string().regex(/^[A-Z]{3}$/),
  status: z.literal('paid'),
});
export const RelayOrderUpdate = z.object({ ...common, orderId: Id, status: z.enum(['refunded', 'cancelled']) });
export const RelayStreamEnd = z.object(common);

/** Relay → client events and their payload schemas. */
export const CUEDECK_RELAY_EVENTS = {
  comment: RelayComment,
  viewers: RelayViewers,
  like: RelayLike,
  gift: RelayGift,
  follow: RelayUserAction,
  share: RelayUserAction,
  enter: RelayUserAction,
  order: RelayOrder,
  order_update: RelayOrderUpdate,
  stream_end: RelayStreamEnd,
} as const;
export type CuedeckRelayEventName = keyof typeof CUEDECK_RELAY_EVENTS;
export const CUEDECK_RELAY_EVENT_NAMES = Object.keys(CUEDECK_RELAY_EVENTS) as CuedeckRelayEventName[];

/** Payloads as a relay sends them (input side of the schemas). */
export type CuedeckRelayPayloads = { [K in CuedeckRelayEventName]: z.input<(typeof CUEDECK_RELAY_EVENTS)[K]> };

/** For a typed socket.io server speaking this protocol. */
export type CuedeckRelayServerEvents = { [K in CuedeckRelayEventName]: (payload: CuedeckRelayPayloads[K]) => void };
