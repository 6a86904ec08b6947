import type { CuedeckRelayEventName, CuedeckRelayPayloads } from '../../../shared/feeds/cuedeck-relay-protocol.ts';
import type { Platform } from '../../../shared/feeds/events.ts';
import type { TikTokServerEvents } from '../../../shared/feeds/tiktok-protocol.ts';
import type { SimMessage, SimUser } from './messages.ts';

/** A message ready for `socket.emit(event, ...args)`. */
export interface WireMessage {
  event: string;
  args: unknown[];
}

function wire<K extends CuedeckRelayEventName>(event: K, payload: CuedeckRelayPayloads[K]): WireMessage {
  return { event, args: [payload] };
}

function tiktok<K extends keyof TikTokServerEvents>(event: K, ...args: Parameters<TikTokServerEvents[K]>): WireMessage {
  return { event, args };
}

/** Cuedeck relay protocol. Gift streak steps are not sent: this protocol only carries final counts. */
export function encodeCuedeck(m: SimMessage, platform: Platform): WireMessage | null {
  const common = { platform, msgId: m.msgId, time: m.time };
  const user = (u: SimUser) => ({ userId: u.userId, nickname: u.nickname });
  switch (m.kind) {
    case 'comment':
      return wire('comment', { ...common, ...user(m.user), text: m.text, ...(m.viaQuestionBox ? { isQuestion: true } : {}) });
    case 'viewers':
      return wire('viewers', { ...common, current: m.current, cumulative: m.cumulative });
    case 'like':
      return wire('like', { ...common, ...user(m.user), count: m.count, total: m.total });
    case 'gift':
      if (!m.repeatEnd && m.giftType === 1) return null;
      return wire('gift', { ...common, ...user(m.user), giftName: m.giftName, count: m.repeatCount, value: m.diamondCount * m.repeatCount });
    case 'follow':
    case 'share':
    case 'enter':
      return wire(m.kind, { ...common, ...user(m.user) });
    case 'order':
      return wire('order', {
        ...common,
        ...user(m.user),
        orderId: m.orderId,
        sku: m.sku,
        quantity: m.quantity,
        amount: m.amount,
        currency: m.currency,
        status: 'paid',
      });
    case 'order_update':
      return wire('order_update', { ...common, orderId: m.orderId, status: m.status });
    case 'stream_end':
      return wire('stream_end', common);
  }
}

/** TikTok-Chat-Reader protocol, with the extra fields real relays send. It has no orders. */
export function encodeTikTok(m: SimMessage): WireMessage | null {
  const user = (u: SimUser) => ({
    userId: u.userId,
    uniqueId: u.uniqueId,
    nickname: u.nickname,
    msgId: m.msgId,
    createTime: String(m.time),
    profilePictureUrl: `https://example.invalid/avatar/${u.userId}.webp`,
    followRole: 0,
    userBadges: [],
    isModerator: false,
    isSubscriber: false,
  });
  switch (m.kind) {
    case 'comment':
      return m.viaQuestionBox ? tiktok('questionNew', { ...user(m.user), questionText: m.text }) : tiktok('chat', { ...user(m.user), comment: m.text });
    case 'viewers':
      return tiktok('roomUser', { viewerCount: m.current, topViewers: [], msgId: m.msgId, createTime: String(m.time) });
    case 'like':
      return tiktok('like', { ...user(m.user), likeCount: m.count, totalLikeCount: m.total });
    case 'gift':
      return tiktok('gift', {
        ...user(m.user),
        giftId: m.giftId,
        giftName: m.giftName,
        diamondCount: m.diamondCount,
        giftType: m.giftType,
        repeatCount: m.repeatCount,
        repeatEnd: m.repeatEnd,
      });
    case 'follow':
      return tiktok('social', { ...user(m.user), displayType: 'pm_main_follow_message_viewer_2', label: '{0:user} followed the LIVE creator' });
    case 'share':
      return tiktok('social', { ...user(m.user), displayType: 'pm_mt_guidance_share', label: '{0:user} shared the LIVE' });
    case 'enter': {
      const joined = { ...user(m.user), actionId: 1 };
      return tiktok('member', joined);
    }
    case 'stream_end':
      return tiktok('streamEnd');
    case 'order':
    case 'order_update':
      return null;
  }
}
