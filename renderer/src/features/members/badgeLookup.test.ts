import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FeedEvent } from '../../../../shared/feeds/events.ts';
import { identityKey, type MemberCard, type MemberTier } from '../../../../shared/members/member.ts';
import { comment } from '../feeds/testEvents.ts';
import { accountsOf, BadgeLookup, type Account } from './badgeLookup.ts';
import { LruCache } from './lru.ts';

const card = (memberId: string, tier: MemberTier): MemberCard => ({
  memberId,
  displayName: memberId,
  tier,
  promotedUntil: null,
  lifetimeSpend: 100,
  spend12m: 80,
  orders: 2,
  lastPurchaseAt: null,
  sessionsWatched: 3,
});

const acc = (userId: string): Account => ({ platform: 'douyin', userId });

function setup(known: Record<string, MemberCard> = {}, options: { batchSize?: number; cacheSize?: number; maxQueue?: number; fail?: boolean } = {}) {
  const calls: Account[][] = [];
  let fail = options.fail === true;
  const lookup = new BadgeLookup({
    fetch: (accounts) => {
      calls.push(accounts);
      if (fail) return Promise.reject(new Error('offline'));
      const out: Record<string, MemberCard> = {};
      for (const a of accounts) {
        const key = identityKey(a.platform, a.userId);
        const c = known[key];
        if (c !== undefined) out[key] = c;
      }
      return Promise.resolve(out);
    },
    ...options,
  });
  return { lookup, calls, setFail: (v: boolean) => (fail = v) };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(1_000_000);
});
afterEach(() => vi.useRealTimers());

describe('accountsOf', () => {
  it('takes comments and arrivals, once per account, and nothing else', () => {
    const events: FeedEvent[] = [
      comment('1', 'a', { userId: 'u1' }),
      comment('2', 'b', { userId: 'u1' }),
      { type: 'enter', id: 'e', feedId: 'f', platform: 'taobao', at: 1, userId: 'u1', nickname: 'n' },
      { type: 'like', id: 'l', feedId: 'f', platform: 'douyin', at: 1, userId: 'u9', nickname: 'n', count: 1 },
    ];
    expect(accountsOf(events)).toEqual([
      { platform: 'douyin', userId: 'u1' },
      { platform: 'taobao', userId: 'u1' },
    ]);
  });
});

describe('BadgeLookup', () => {
  it('sends one request for everything seen within a second, never one per row', async () => {
    const { lookup, calls } = setup({ 'douyin:a': card('M1', 'vip') });
    lookup.request([acc('a'), acc('b')]);
    lookup.request([acc('c'), acc('a')]);
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual([[acc('b'), acc('c'), acc('a')]]);
    expect(lookup.tier('douyin', 'a')).toBe('vip');
    expect(lookup.tier('douyin', 'b')).toBeNull();
    expect(lookup.tier('douyin', 'zzz')).toBeUndefined();
  });

  it('waits a second between requests and batches what came meanwhile', async () => {
    const { lookup, calls } = setup();
    lookup.request([acc('a')]);
    await vi.advanceTimersByTimeAsync(0);
    lookup.request([acc('b')]);
    lookup.request([acc('c')]);
    await vi.advanceTimersByTimeAsync(500);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(500);
    expect(calls).toEqual([[acc('a')], [acc('b'), acc('c')]]);
  });

  it('does not ask again about accounts it knows or is asking about', async () => {
    const { lookup, calls } = setup();
    lookup.request([acc('a')]);
    await vi.advanceTimersByTimeAsync(0);
    lookup.request([acc('a')]);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(calls).toHaveLength(1);
    expect(lookup.requests).toBe(1);
  });

  it('bounds each request and sends the rest a second later', async () => {
    const { lookup, calls } = setup({}, { batchSize: 2 });
    lookup.request(['a', 'b', 'c', 'd', 'e'].map(acc));
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.map((c) => c.length)).toEqual([2]);
    await vi.advanceTimersByTimeAsync(1_000);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls.map((c) => c.length)).toEqual([2, 2, 1]);
  });

  it('never asks for more than the engine takes', async () => {
    const { lookup, calls } = setup({}, { batchSize: 5_000, maxQueue: 3_000 });
    lookup.request(Array.from({ length: 2_500 }, (_, i) => acc(`u${i}`)));
    await vi.advanceTimersByTimeAsync(0);
    expect(calls[0]).toHaveLength(1_000);
  });

  it('drops the oldest waiting accounts when too many wait', async () => {
    const { lookup, calls } = setup({}, { maxQueue: 2 });
    lookup.request(['a', 'b', 'c'].map(acc));
    expect(lookup.queued).toBe(2);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual([[acc('b'), acc('c')]]);
  });

  it('keeps at most cacheSize answers, forgetting the least recently seen', async () => {
    const { lookup } = setup({}, { cacheSize: 2 });
    lookup.request([acc('a'), acc('b')]);
    await vi.advanceTimersByTimeAsync(0);
    lookup.request([acc('a')]); // a seen again: b is now the oldest
    lookup.request([acc('c')]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(lookup.cached).toBe(2);
    expect(lookup.tier('douyin', 'a')).toBeNull();
    expect(lookup.tier('douyin', 'b')).toBeUndefined();
    expect(lookup.tier('douyin', 'c')).toBeNull();
  });

  it('asks again after the answers grow old or are invalidated', async () => {
    const { lookup, calls } = setup();
    lookup.request([acc('a')]);
    await vi.advanceTimersByTimeAsync(0);
    lookup.invalidate();
    lookup.request([acc('a')]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    lookup.request([acc('a')]);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(3);
  });

  it('backs off after a failure, keeps what it showed, and retries an account only when seen again later', async () => {
    const { lookup, calls, setFail } = setup({ 'douyin:a': card('M1', 'silver') });
    lookup.request([acc('a')]);
    await vi.advanceTimersByTimeAsync(0);
    expect(lookup.tier('douyin', 'a')).toBe('silver');
    lookup.invalidate();
    setFail(true);
    lookup.request([acc('a'), acc('b')]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls).toHaveLength(2);
    expect(lookup.tier('douyin', 'a')).toBe('silver');
    expect(lookup.tier('douyin', 'b')).toBeNull();
    lookup.request([acc('b'), acc('c')]);
    await vi.advanceTimersByTimeAsync(4_000);
    expect(calls).toHaveLength(2); // backing off
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls[2]).toEqual([acc('c')]); // b failed a moment ago: not yet
    setFail(false);
    await vi.advanceTimersByTimeAsync(30_000);
    lookup.request([acc('b')]);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(calls.at(-1)).toEqual([acc('b')]);
  });

  it('tells its store once per answer', async () => {
    const onUpdate = vi.fn();
    const lookup = new BadgeLookup({ fetch: () => Promise.resolve({}), onUpdate });
    lookup.request([acc('a'), acc('b')]);
    await vi.advanceTimersByTimeAsync(0);
    expect(onUpdate).toHaveBeenCalledTimes(1);
    expect(lookup.version).toBe(1);
  });

  it('ignores an answer that arrives after a reset', async () => {
    let resolve: (v: Record<string, MemberCard>) => void = () => undefined;
    const lookup = new BadgeLookup({ fetch: () => new Promise((r) => (resolve = r)) });
    lookup.request([acc('a')]);
    await vi.advanceTimersByTimeAsync(0);
    lookup.reset();
    resolve({ 'douyin:a': card('M1', 'vip') });
    await vi.advanceTimersByTimeAsync(0);
    expect(lookup.tier('douyin', 'a')).toBeUndefined();
  });
});

describe('LruCache', () => {
  it('evicts the least recently used entry; peek does not count as a use', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.peek('a');
    cache.set('c', 3);
    expect([...cache.keys()]).toEqual(['b', 'c']);
    cache.get('b');
    cache.set('d', 4);
    expect([...cache.keys()]).toEqual(['b', 'd']);
    expect(() => new LruCache(0)).toThrow(RangeError);
  });
});
