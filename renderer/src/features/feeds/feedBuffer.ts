import type { FeedEvent, FeedEventOf } from '../../../../shared/feeds/events.ts';
import { FEED_VIEW_COMMENTS } from '../../../../shared/protocol/feeds-live.ts';

export type CommentEvent = FeedEventOf<'comment'>;
export type OrderEvent = FeedEventOf<'order'>;
export type GiftEvent = FeedEventOf<'gift'>;
/** Shown events that are neither comments, orders nor gifts: refunds, relay gaps, stream end. */
export type OtherEvent = FeedEventOf<'orderUpdate' | 'gap' | 'streamEnd'>;

/**
 * A comment as the panel holds it. `seq` counts comments as they arrive (1, 2, …) and keeps counting as old ones
 * fall off, so "how many came after the one I was looking at" is a comparison. The entry object is created once
 * and kept while the comment is held: memoized rows and per-comment caches key on it.
 */
export interface CommentEntry {
  readonly seq: number;
  readonly event: CommentEvent;
}

export const BUFFER_CAPACITY = { comments: FEED_VIEW_COMMENTS, orders: 100, gifts: 100, others: 50 } as const;
export type BufferCapacity = { readonly [K in keyof typeof BUFFER_CAPACITY]: number };

/** The feed events this page holds, oldest first in every list. Immutable: each batch gives a new state. */
export interface FeedBuffer {
  readonly comments: readonly CommentEntry[];
  readonly orders: readonly OrderEvent[];
  readonly gifts: readonly GiftEvent[];
  readonly others: readonly OtherEvent[];
  /** Sequence number of the last comment added; 0 before any. */
  readonly lastSeq: number;
  /** Ids of every event held, in any list: the dedupe keys. */
  readonly ids: ReadonlySet<string>;
  /** Events dropped because an event with the same id was already held (for diagnostics). */
  readonly duplicates: number;
}

export const EMPTY_FEED_BUFFER: FeedBuffer = {
  comments: [],
  orders: [],
  gifts: [],
  others: [],
  lastSeq: 0,
  ids: new Set(),
  duplicates: 0,
};

export interface FeedBatch {
  events: readonly FeedEvent[];
  backlog: boolean;
}

/** Keeps the last `capacity` items; returns `list` itself when nothing was added. */
function keepLast<T>(list: readonly T[], added: readonly T[], capacity: number, evicted: (item: T) => void): readonly T[] {
  if (added.length === 0) return list;
  const all = list.length === 0 ? added : list.concat(added);
  if (all.length <= capacity) return all;
  const cut = all.length - capacity;
  for (let i = 0; i < cut; i++) evicted(all[i] as T);
  return all.slice(cut);
}

/**
 * Applies one `feed.batch`. A backlog batch (the first after every connect) replaces the whole buffer: it is the
 * engine's own recent history. Comments still held keep their entries (and sequence numbers) across a reconnect
 * when that keeps the order of sequence numbers intact. Events whose id is already held are dropped; the lists are
 * cut to their capacity, oldest first.
 */
export function applyFeedBatch(prev: FeedBuffer, batch: FeedBatch, capacity: BufferCapacity = BUFFER_CAPACITY): FeedBuffer {
  const base = batch.backlog ? { ...EMPTY_FEED_BUFFER, lastSeq: prev.lastSeq, duplicates: prev.duplicates } : prev;
  const previousEntries = batch.backlog ? new Map(prev.comments.map((e) => [e.event.id, e])) : null;
  if (!batch.backlog && batch.events.length === 0) return prev;

  const ids = new Set(base.ids);
  const comments: CommentEntry[] = [];
  const orders: OrderEvent[] = [];
  const gifts: GiftEvent[] = [];
  const others: OtherEvent[] = [];
  let lastSeq = base.lastSeq;
  let duplicates = base.duplicates;
  /** While replaying a backlog: the highest sequence number handed out so far in this pass. */
  let highestInPass = 0;

  for (const event of batch.events) {
    if (ids.has(event.id)) {
      duplicates += 1;
      continue;
    }
    ids.add(event.id);
    switch (event.type) {
      case 'comment': {
        const kept = previousEntries?.get(event.id);
        if (kept !== undefined && kept.seq > highestInPass) {
          comments.push(kept);
          highestInPass = kept.seq;
        } else {
          lastSeq += 1;
          highestInPass = lastSeq;
          comments.push({ seq: lastSeq, event });
        }
        break;
      }
      case 'order':
        orders.push(event);
        break;
      case 'gift':
        gifts.push(event);
        break;
      case 'orderUpdate':
      case 'gap':
      case 'streamEnd':
        others.push(event);
        break;
      default:
        // Viewer counts, likes, follows… only move the metrics; the engine does not send them, but do not hold them.
        ids.delete(event.id);
        break;
    }
  }

  const forget = (id: string) => ids.delete(id);
  return {
    comments: keepLast(base.comments, comments, capacity.comments, (e) => forget(e.event.id)),
    orders: keepLast(base.orders, orders, capacity.orders, (e) => forget(e.id)),
    gifts: keepLast(base.gifts, gifts, capacity.gifts, (e) => forget(e.id)),
    others: keepLast(base.others, others, capacity.others, (e) => forget(e.id)),
    lastSeq,
    ids,
    duplicates,
  };
}
