import { describe, expect, it } from 'vitest';
import type { FeedEvent } from '../../../../shared/feeds/events.ts';
import { EMPTY_FEED_BUFFER, applyFeedBatch, type BufferCapacity, type FeedBuffer } from './feedBuffer.ts';
import { comment, gift, order } from './testEvents.ts';

const SMALL: BufferCapacity = { comments: 3, orders: 2, gifts: 2, others: 2 };
const live = (events: FeedEvent[]) => ({ events, backlog: false });
const backlog = (events: FeedEvent[]) => ({ events, backlog: true });
const ids = (b: FeedBuffer) => b.comments.map((e) => e.event.id);

describe('applyFeedBatch', () => {
  it('appends comments in arrival order, numbering them', () => {
    const b = applyFeedBatch(EMPTY_FEED_BUFFER, live([comment('a'), comment('b')]));
    expect(ids(b)).toEqual(['a', 'b']);
    expect(b.comments.map((e) => e.seq)).toEqual([1, 2]);
    expect(b.lastSeq).toBe(2);
  });

  it('sorts orders, gifts and other shown events into their own lists', () => {
    const refund: FeedEvent = { type: 'orderUpdate', id: 'r1', feedId: 'f', platform: 'douyin', at: 1, orderId: 'o1', status: 'refunded' };
    const b = applyFeedBatch(EMPTY_FEED_BUFFER, live([comment('a'), order('o1'), gift('g1'), refund]));
    expect(ids(b)).toEqual(['a']);
    expect(b.orders.map((e) => e.id)).toEqual(['o1']);
    expect(b.gifts.map((e) => e.id)).toEqual(['g1']);
    expect(b.others.map((e) => e.id)).toEqual(['r1']);
    expect([...b.ids].sort()).toEqual(['a', 'g1', 'o1', 'r1']);
  });

  it('does not hold events the panels do not show', () => {
    const viewers: FeedEvent = { type: 'viewers', id: 'v1', feedId: 'f', platform: 'douyin', at: 1, current: 10 };
    const b = applyFeedBatch(EMPTY_FEED_BUFFER, live([viewers]));
    expect(b.ids.size).toBe(0);
    expect(b.comments).toEqual([]);
  });

  it('drops an id it already holds, within a batch and across batches', () => {
    let b = applyFeedBatch(EMPTY_FEED_BUFFER, live([comment('a'), comment('a', 'resent')]));
    b = applyFeedBatch(b, live([comment('a'), comment('b'), order('o1'), order('o1')]));
    expect(ids(b)).toEqual(['a', 'b']);
    expect(b.comments[0]?.event.text).toBe('text a');
    expect(b.orders).toHaveLength(1);
    expect(b.duplicates).toBe(3);
  });

  it('keeps only the newest up to capacity, and forgets the ids it dropped', () => {
    let b = applyFeedBatch(EMPTY_FEED_BUFFER, live([comment('a'), comment('b'), comment('c')]), SMALL);
    b = applyFeedBatch(b, live([comment('d'), comment('e')]), SMALL);
    expect(ids(b)).toEqual(['c', 'd', 'e']);
    expect(b.comments.map((e) => e.seq)).toEqual([3, 4, 5]);
    expect(b.ids.has('a')).toBe(false);
    // A dropped id is no longer a duplicate: if the engine sends it again it is new to this page.
    b = applyFeedBatch(b, live([comment('a')]), SMALL);
    expect(ids(b)).toEqual(['d', 'e', 'a']);
  });

  it('bounds a single batch larger than the capacity', () => {
    const many = Array.from({ length: 10 }, (_, i) => comment(`m${i}`));
    const b = applyFeedBatch(EMPTY_FEED_BUFFER, live(many), SMALL);
    expect(ids(b)).toEqual(['m7', 'm8', 'm9']);
    expect(b.ids.size).toBe(3);
    expect(b.lastSeq).toBe(10);
  });

  it('bounds orders and gifts separately from comments', () => {
    const b = applyFeedBatch(EMPTY_FEED_BUFFER, live([order('o1'), order('o2'), order('o3'), gift('g1'), gift('g2'), gift('g3'), comment('a')]), SMALL);
    expect(b.orders.map((e) => e.id)).toEqual(['o2', 'o3']);
    expect(b.gifts.map((e) => e.id)).toEqual(['g2', 'g3']);
    expect(ids(b)).toEqual(['a']);
  });

  it('holds at most 1,000 comments by default', () => {
    let b = EMPTY_FEED_BUFFER;
    for (let batch = 0; batch < 25; batch++) b = applyFeedBatch(b, live(Array.from({ length: 100 }, (_, i) => comment(`x${batch}-${i}`))));
    expect(b.comments).toHaveLength(1_000);
    expect(b.comments[0]?.event.id).toBe('x15-0');
    expect(b.ids.size).toBe(1_000);
  });

  it('replaces everything with a backlog batch', () => {
    let b = applyFeedBatch(EMPTY_FEED_BUFFER, live([comment('a'), comment('b'), order('o1'), gift('g1')]));
    b = applyFeedBatch(b, backlog([comment('x'), order('o2')]));
    expect(ids(b)).toEqual(['x']);
    expect(b.orders.map((e) => e.id)).toEqual(['o2']);
    expect(b.gifts).toEqual([]);
    expect([...b.ids].sort()).toEqual(['o2', 'x']);
  });

  it('empties the buffer on an empty backlog (a restarted engine)', () => {
    const b = applyFeedBatch(applyFeedBatch(EMPTY_FEED_BUFFER, live([comment('a')])), backlog([]));
    expect(b.comments).toEqual([]);
    expect(b.ids.size).toBe(0);
  });

  it('keeps sequence numbers growing across a backlog, reusing entries of comments still held', () => {
    let b = applyFeedBatch(EMPTY_FEED_BUFFER, live([comment('a'), comment('b')]));
    const heldB = b.comments[1];
    b = applyFeedBatch(b, backlog([comment('b'), comment('c')]));
    expect(ids(b)).toEqual(['b', 'c']);
    expect(b.comments[0]).toBe(heldB); // same object: its row and caches survive the reconnect
    expect(b.comments.map((e) => e.seq)).toEqual([2, 3]);
  });

  it('gives a new number to a held comment that would break the order after a backlog', () => {
    let b = applyFeedBatch(EMPTY_FEED_BUFFER, live([comment('a')]));
    b = applyFeedBatch(b, backlog([comment('z'), comment('a')]));
    const seqs = b.comments.map((e) => e.seq);
    expect(ids(b)).toEqual(['z', 'a']);
    expect(seqs[1]).toBeGreaterThan(seqs[0] ?? Infinity);
  });

  it('returns the same state for an empty live batch', () => {
    const b = applyFeedBatch(EMPTY_FEED_BUFFER, live([comment('a')]));
    expect(applyFeedBatch(b, live([]))).toBe(b);
  });

  it('does not change the previous state', () => {
    const before = applyFeedBatch(EMPTY_FEED_BUFFER, live([comment('a')]));
    const snapshot = { comments: [...before.comments], ids: [...before.ids] };
    applyFeedBatch(before, live([comment('b')]));
    applyFeedBatch(before, backlog([comment('c')]));
    expect([...before.comments]).toEqual(snapshot.comments);
    expect([...before.ids]).toEqual(snapshot.ids);
  });
});
