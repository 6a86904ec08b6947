import { z } from 'zod';
import { ID_MAX } from './events.ts';
import { RAW_NAME_MAX, RAW_TEXT_MAX } from './text.ts';

/**
 * The TikTok-Chat-Reader relay protocol (socket.io), the most widely deployed one. Its payloads are
 * TikTok-Live-Connector's message objects with many more fields than we use: unknown fields are stripped
 * (never copied), the fields we read are type-checked.
 */

/**
 * Handshake `auth` Cuedeck sends to TikTok-Chat-Reader relays. They ignore it; Cuedeck's simulator uses it to
 * hold events until the client has joined a room.
 */
export const TIKTOK_CLIENT_HELLO = { protocol: 'tiktok-chat-reader' } as const;

/** Client → relay: join a live room by the streamer's handle. */
export const TIKTOK_SET_UNIQUE_ID = 'setUniqueId';
export const SetUniqueIdArgs = z.tuple([z.string().trim().min(1).max(100), z.object({}).optional()]);

/** TikTok ids are 64-bit and arrive as strings; some relays send them as numbers. */
const IdLike = z.union([z.string().min(1).max(ID_MAX), z.number().int().nonnegative()]).transform(String);
/** `createTime` is milliseconds as a string. A missing or odd time is dropped, not fatal. */
const CreateTime = z
  .union([z.string().regex(/^\d{1,15}$/).transform(Number), z.number().int().nonnegative().max(1e14)])
  .optional()
  .catch(undefined);
const RawName = z.string().max(RAW_NAME_MAX);
const Count = z.number().int().nonnegative().max(1e12);

const userFields = {
  userId: IdLike.optional(),
  /** The handle; it stands in for userId when that is missing, so it is bounded like an id. */
  uniqueId: z.string().max(ID_MAX).optional(),
  nickname: RawName.optional(),
  msgId: IdLike.optional(),
  createTime: CreateTime,
};
type UserShaped = { userId?: string | undefined; uniqueId?: string | undefined };
const hasUser = (d: UserShaped) => d.userId !== undefined || (d.uniqueId !== undefined && d.uniqueId.length > 0);
const withUser = <S extends z.ZodObject>(schema: S) =>
  schema.refine((d) => hasUser(d as UserShaped), { message: 'needs userId or uniqueId' });

export const TikTokChat = withUser(z.object({ ...userFields, comment: z.string().max(RAW_TEXT_MAX) }));
export const TikTokMember = withUser(z.object(userFields));
export const TikTokLike = withUser(
  z.object({ ...userFields, likeCount: z.number().int().positive().max(1e6), totalLikeCount: Count.optional() }),
);
export const TikTokGift = withUser(
  z.object({
    ...userFields,
    giftId: IdLike.optional(),
    giftName: RawName.optional(),
    repeatCount: z.number().int().positive().max(1e6).default(1),
    /** false while a streak (combo) of a streakable gift is still going; the final message repeats the total. */
    repeatEnd: z.boolean().optional(),
    /** Diamonds per unit. */
    diamondCount: z.number().nonnegative().max(1e9).optional(),
    /** 1 = streakable. */
    giftType: z.number().int().optional(),
  }),
);
/** Follows and shares; `displayType` says which (e.g. `pm_main_follow_message_viewer_2`, `pm_mt_guidance_share`). */
export const TikTokSocial = withUser(z.object({ ...userFields, displayType: z.string().max(200).optional(), label: RawName.optional() }));
export const TikTokQuestion = withUser(z.object({ ...userFields, questionText: z.string().max(RAW_TEXT_MAX) }));
export const TikTokRoomUser = z.object({ viewerCount: Count, msgId: IdLike.optional(), createTime: CreateTime });
/** Room state sent once the relay has joined the room; only the id is of interest. */
export const TikTokConnected = z.object({ roomId: IdLike.optional() });
/** Reason text; relays send a string (sometimes an error object): anything else is shown as unknown. */
export const TikTokDisconnectedReason = z.string().max(RAW_NAME_MAX);

/** Relay → client events that become feed events. */
export const TIKTOK_DATA_EVENTS = {
  chat: TikTokChat,
  member: TikTokMember,
  like: TikTokLike,
  gift: TikTokGift,
  social: TikTokSocial,
  follow: TikTokMember,
  share: TikTokMember,
  questionNew: TikTokQuestion,
  roomUser: TikTokRoomUser,
} as const;
export type TikTokDataEventName = keyof typeof TIKTOK_DATA_EVENTS;

/** Relay → client connection-control events (not feed events). */
export const TIKTOK_CONTROL_EVENTS = { connected: 'tiktokConnected', disconnected: 'tiktokDisconnected', streamEnd: 'streamEnd' } as const;

/** Known events we deliberately do not use, so they are not counted as unknown. */
export const TIKTOK_IGNORED_EVENTS: ReadonlySet<string> = new Set([
  'linkMicBattle',
  'linkMicArmies',
  'liveIntro',
  'emote',
  'envelope',
  'subscribe',
  'statistic',
]);

/** Is this gift message an unfinished streak? Count it only at its end (TikTok-Live-Connector's rule). */
export function isGiftStreakInProgress(gift: { repeatEnd?: boolean | undefined; giftType?: number | undefined }): boolean {
  return gift.repeatEnd === false && (gift.giftType === undefined || gift.giftType === 1);
}

/** For a typed socket.io server imitating a TikTok-Chat-Reader relay. */
export interface TikTokServerEvents {
  tiktokConnected: (state: { roomId: string; isConnected: boolean }) => void;
  tiktokDisconnected: (reason: string) => void;
  streamEnd: () => void;
  chat: (data: z.input<typeof TikTokChat>) => void;
  member: (data: z.input<typeof TikTokMember>) => void;
  like: (data: z.input<typeof TikTokLike>) => void;
  gift: (data: z.input<typeof TikTokGift>) => void;
  social: (data: z.input<typeof TikTokSocial>) => void;
  questionNew: (data: z.input<typeof TikTokQuestion>) => void;
  roomUser: (data: z.input<typeof TikTokRoomUser> & { topViewers: unknown[] }) => void;
}
