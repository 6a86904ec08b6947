import type { z } from 'zod';
import { CUEDECK_RELAY_EVENTS, type CuedeckRelayEventName } from './cuedeck-relay-protocol.ts';
import { detectPurchaseIntent, detectQuestion } from './detect.ts';
import type { RejectReason } from './diagnostics.ts';
import { TEXT_LIMITS, type FeedEvent, type Platform } from './events.ts';
import { clampText, looksBlank } from './text.ts';
import { TIKTOK_DATA_EVENTS, TIKTOK_IGNORED_EVENTS, isGiftStreakInProgress, type TikTokDataEventName } from './tiktok-protocol.ts';

export interface Rejection {
  rejected: RejectReason;
  /** Short, for diagnostics only; never contains payload text. */
  detail?: string;
}
export type NormalizeResult = FeedEvent | Rejection;

export function isRejection(result: NormalizeResult): result is Rejection {
  return 'rejected' in result;
}

export interface NormalizeContext {
  feedId: string;
  /** The feed's platform: used when the protocol does not name one (TikTok). */
  platform: Platform;
  /** Engine clock at receipt. */
  now: number;
  /** A per-connection counter; makes ids for the rare messages that carry no id of their own. */
  seq: number;
}

const EVENT_NAME_MAX = 64;

/** Event names are looked up in Maps, never as object keys: `constructor` or `__proto__` must not resolve. */
const cuedeckSchemas = new Map<string, z.ZodType>(Object.entries(CUEDECK_RELAY_EVENTS));
const tiktokSchemas = new Map<string, z.ZodType>(Object.entries(TIKTOK_DATA_EVENTS));

/** Validate the payload's shape; classify failures so diagnostics can count them. */
function parse<T>(schema: z.ZodType<T>, payload: unknown): { data: T } | Rejection {
  // Binary attachments (socket.io delivers them as Buffer / ArrayBuffer) are not JSON objects either.
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload) || ArrayBuffer.isView(payload) || payload instanceof ArrayBuffer) {
    return { rejected: 'not_object' };
  }
  const result = schema.safeParse(payload);
  if (result.success) return { data: result.data };
  const issues = result.error.issues;
  if (issues.some((i) => i.code === 'too_big' && i.origin === 'string')) return { rejected: 'too_large' };
  const first = issues[0];
  return { rejected: 'schema', detail: first ? `${first.path.join('.') || '(root)'}: ${first.message}`.slice(0, 200) : undefined };
}

function unknownEvent(event: string): Rejection {
  return { rejected: 'unknown_event', detail: event.slice(0, EVENT_NAME_MAX) };
}

interface UserIn {
  userId: string;
  nickname: string;
}

/** User fields with the nickname cut to its limit; falls back to the id when the name is blank. */
function userOut({ userId, nickname }: UserIn) {
  const name = clampText(nickname, TEXT_LIMITS.nickname);
  const out = { userId, nickname: looksBlank(name.text) ? userId.slice(0, TEXT_LIMITS.nickname) : name.text };
  return name.truncated ? { ...out, truncated: true as const } : out;
}

function commentOut(text: string, flaggedQuestion: boolean | undefined) {
  const clamped = clampText(text, TEXT_LIMITS.comment);
  const isQuestion = flaggedQuestion ?? detectQuestion(clamped.text);
  return {
    text: clamped.text,
    isQuestion,
    ...(detectPurchaseIntent(clamped.text) ? { purchaseIntent: true as const } : {}),
    ...(clamped.truncated ? { truncated: true as const } : {}),
  };
}

const optionalTime = (t: number | undefined) => (t !== undefined && t > 0 ? { platformTime: t } : {});

/** Map one Cuedeck-protocol message. Pure; never throws. */
export function normalizeCuedeck(event: string, payload: unknown, ctx: NormalizeContext): NormalizeResult {
  const schema = cuedeckSchemas.get(event);
  if (!schema) return unknownEvent(event);
  const parsed = parse(schema, payload);
  if ('rejected' in parsed) return parsed;
  return mapCuedeck(event as CuedeckRelayEventName, parsed.data, ctx);
}

function mapCuedeck(event: CuedeckRelayEventName, data: unknown, ctx: NormalizeContext): FeedEvent {
  // The schema for `event` has just accepted `data`; the casts below restate that, per event.
  const m = data as { platform: Platform; msgId: string; time: number };
  const head = (type: FeedEvent['type'], key = m.msgId) => ({
    id: `${m.platform}:${type}:${key}`,
    feedId: ctx.feedId,
    platform: m.platform,
    at: ctx.now,
    ...optionalTime(m.time),
  });
  switch (event) {
    case 'comment': {
      const d = data as z.output<typeof CUEDECK_RELAY_EVENTS.comment>;
      const user = userOut(d);
      const comment = commentOut(d.text, d.isQuestion);
      const truncated = 'truncated' in user || comment.truncated ? { truncated: true as const } : {};
      return { type: 'comment', ...head('comment'), ...user, ...comment, ...truncated };
    }
    case 'viewers': {
      const d = data as z.output<typeof CUEDECK_RELAY_EVENTS.viewers>;
      return { type: 'viewers', ...head('viewers'), current: d.current, ...(d.cumulative !== undefined ? { cumulative: d.cumulative } : {}) };
    }
    case 'like': {
      const d = data as z.output<typeof CUEDECK_RELAY_EVENTS.like>;
      return { type: 'like', ...head('like'), ...userOut(d), count: d.count, ...(d.total !== undefined ? { total: d.total } : {}) };
    }
    case 'gift': {
      const d = data as z.output<typeof CUEDECK_RELAY_EVENTS.gift>;
      const gift = clampText(d.giftName, TEXT_LIMITS.giftName);
      const user = userOut(d);
      return {
        type: 'gift',
        ...head('gift'),
        ...user,
        giftName: gift.text || 'gift',
        count: d.count,
        ...(d.value !== undefined ? { value: d.value } : {}),
        ...(gift.truncated ? { truncated: true as const } : {}),
      };
    }
    case 'follow':
    case 'share':
    case 'enter': {
      const d = data as z.output<typeof CUEDECK_RELAY_EVENTS.follow>;
      return { type: event, ...head(event), ...userOut(d) };
    }
    case 'order': {
      const d = data as z.output<typeof CUEDECK_RELAY_EVENTS.order>;
      const sku = clampText(d.sku, TEXT_LIMITS.sku);
      const name = d.nickname !== undefined ? clampText(d.nickname, TEXT_LIMITS.nickname) : undefined;
      return {
        type: 'order',
        ...head('order', d.orderId),
        orderId: d.orderId,
        userId: d.userId,
        ...(name?.text ? { nickname: name.text } : {}),
        sku: sku.text || d.orderId.slice(0, TEXT_LIMITS.sku),
        quantity: d.quantity,
        amount: d.amount,
        currency: d.currency,
        status: 'paid',
        ...(sku.truncated || name?.truncated ? { truncated: true as const } : {}),
      };
    }
    case 'order_update': {
      const d = data as z.output<typeof CUEDECK_RELAY_EVENTS.order_update>;
      return { type: 'orderUpdate', ...head('orderUpdate', `${d.orderId}:${d.status}`), orderId: d.orderId, status: d.status };
    }
    case 'stream_end':
      return { type: 'streamEnd', ...head('streamEnd') };
  }
}

interface TikTokUser {
  userId?: string | undefined;
  uniqueId?: string | undefined;
  nickname?: string | undefined;
  msgId?: string | undefined;
  createTime?: number | undefined;
}

/** Map one TikTok-Chat-Reader message (data events only; the connection handles control events). */
export function normalizeTikTok(event: string, payload: unknown, ctx: NormalizeContext): NormalizeResult {
  const schema = tiktokSchemas.get(event);
  if (!schema) return TIKTOK_IGNORED_EVENTS.has(event) ? { rejected: 'ignored', detail: event } : unknownEvent(event);
  const parsed = parse(schema, payload);
  if ('rejected' in parsed) return parsed;
  return mapTikTok(event as TikTokDataEventName, parsed.data, ctx);
}

function mapTikTok(event: TikTokDataEventName, data: unknown, ctx: NormalizeContext): NormalizeResult {
  const m = data as TikTokUser;
  const head = (type: FeedEvent['type'], idType: string = type) => ({
    id: `${ctx.platform}:${idType}:${messageKey(m, ctx)}`,
    feedId: ctx.feedId,
    platform: ctx.platform,
    at: ctx.now,
    ...optionalTime(m.createTime),
  });
  // The schemas' refinement guarantees one of the two ids.
  const user = () => userOut({ userId: m.userId ?? m.uniqueId ?? '', nickname: m.nickname || m.uniqueId || '' });
  switch (event) {
    case 'chat':
    case 'questionNew': {
      const d = data as { comment?: string; questionText?: string };
      const u = user();
      const comment = commentOut(d.comment ?? d.questionText ?? '', event === 'questionNew' ? true : undefined);
      const truncated = 'truncated' in u || comment.truncated ? { truncated: true as const } : {};
      return { type: 'comment', ...head('comment', event === 'chat' ? 'comment' : 'question'), ...u, ...comment, ...truncated };
    }
    case 'member':
      return { type: 'enter', ...head('enter'), ...user() };
    case 'follow':
    case 'share':
      return { type: event, ...head(event), ...user() };
    case 'social': {
      const d = data as z.output<typeof TIKTOK_DATA_EVENTS.social>;
      const kind = d.displayType?.includes('follow') ? 'follow' : d.displayType?.includes('share') ? 'share' : undefined;
      if (!kind) return { rejected: 'ignored', detail: 'social' };
      return { type: kind, ...head(kind), ...user() };
    }
    case 'like': {
      const d = data as z.output<typeof TIKTOK_DATA_EVENTS.like>;
      return { type: 'like', ...head('like'), ...user(), count: d.likeCount, ...(d.totalLikeCount !== undefined ? { total: d.totalLikeCount } : {}) };
    }
    case 'gift': {
      const d = data as z.output<typeof TIKTOK_DATA_EVENTS.gift>;
      if (isGiftStreakInProgress(d)) return { rejected: 'streak_in_progress' };
      const gift = clampText(d.giftName ?? (d.giftId !== undefined ? `#${d.giftId}` : 'gift'), TEXT_LIMITS.giftName);
      return {
        type: 'gift',
        ...head('gift'),
        ...user(),
        giftName: gift.text || 'gift',
        count: d.repeatCount,
        ...(d.diamondCount !== undefined ? { value: d.diamondCount * d.repeatCount } : {}),
        ...(gift.truncated ? { truncated: true as const } : {}),
      };
    }
    case 'roomUser': {
      const d = data as z.output<typeof TIKTOK_DATA_EVENTS.roomUser>;
      return { type: 'viewers', ...head('viewers'), current: d.viewerCount };
    }
  }
}

/**
 * TikTok messages nearly always carry `msgId`. Without it, user + time still identifies a message across
 * relays; failing both, the id is unique to this connection (never deduped, which beats wrongly dropping).
 */
function messageKey(m: TikTokUser, ctx: NormalizeContext): string {
  if (m.msgId !== undefined) return m.msgId;
  const who = m.userId ?? m.uniqueId;
  if (who !== undefined && m.createTime) return `${who}@${m.createTime}`;
  return `~${ctx.feedId}:${ctx.now}:${ctx.seq}`;
}

/** A streamEnd from a TikTok relay (it carries no payload worth validating). */
export function tiktokStreamEnd(ctx: NormalizeContext): FeedEvent {
  return { type: 'streamEnd', id: `${ctx.platform}:streamEnd:~${ctx.feedId}:${ctx.now}:${ctx.seq}`, feedId: ctx.feedId, platform: ctx.platform, at: ctx.now };
}
