import type { FeedEvent } from '../../../../shared/feeds/events.ts';
import type { CommentEntry, CommentEvent } from './feedBuffer.ts';

/** Test helpers: feed events with just the fields a test cares about. */
export function comment(id: string, text = `text ${id}`, extra: Partial<CommentEvent> = {}): CommentEvent {
  return { type: 'comment', id, feedId: 'f', platform: 'douyin', at: 1_700_000_000_000, userId: `u-${id}`, nickname: `nick ${id}`, text, ...extra };
}

export function order(id: string, amount = 10): FeedEvent {
  return { type: 'order', id, feedId: 'f', platform: 'douyin', at: 1, orderId: id, userId: 'u', sku: 'SKU', quantity: 1, amount, currency: 'CNY', status: 'paid' };
}

export function gift(id: string): FeedEvent {
  return { type: 'gift', id, feedId: 'f', platform: 'douyin', at: 1, userId: 'u', nickname: 'n', giftName: 'rose', count: 1 };
}

export function entry(seq: number, text = `text ${seq}`, extra: Partial<CommentEvent> = {}): CommentEntry {
  return { seq, event: comment(`c${seq}`, text, extra) };
}
