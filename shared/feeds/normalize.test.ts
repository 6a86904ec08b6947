import { describe, expect, it } from 'vitest';
import { FeedEvent, TEXT_LIMITS } from './events.ts';
import { isRejection, normalizeCuedeck, normalizeTikTok, tiktokStreamEnd, type NormalizeContext, type NormalizeResult } from './normalize.ts';

const ctx: NormalizeContext = { feedId: 'main', platform: 'tiktok', now: 1_000_000, seq: 7 };
const common = { platform: 'douyin', msgId: 'm1', time: 999_000 };
const user = { userId: 'u1', nickname: '小红' };

/** Asserts an accepted result that is a valid FeedEvent and returns it. */
function accepted(result: NormalizeResult): FeedEvent {
  if (isRejection(result)) throw new Error(`rejected: ${result.rejected} ${result.detail ?? ''}`);
  expect(FeedEvent.parse(result)).toEqual(result);
  return result;
}

describe('normalizeCuedeck', () => {
  it('maps a comment with a stable id, both clocks and detected intent', () => {
    const event = accepted(normalizeCuedeck('comment', { ...common, ...user, text: ' 这个怎么买？ ' }, { ...ctx, platform: 'other' }));
    expect(event).toEqual({
      type: 'comment',
      id: 'douyin:comment:m1',
      feedId: 'main',
      platform: 'douyin',
      at: 1_000_000,
      platformTime: 999_000,
      userId: 'u1',
      nickname: '小红',
      text: '这个怎么买？',
      isQuestion: true,
      purchaseIntent: true,
    });
  });

  it('gives the same id whichever feed delivered the message', () => {
    const a = accepted(normalizeCuedeck('like', { ...common, ...user, count: 3 }, ctx));
    const b = accepted(normalizeCuedeck('like', { ...common, ...user, count: 3 }, { ...ctx, feedId: 'backup', now: 5 }));
    expect(a.id).toBe(b.id);
  });

  it('maps every event of the protocol', () => {
    const cases: [string, object, Partial<FeedEvent>][] = [
      ['viewers', { ...common, current: 1200, cumulative: 50_000 }, { type: 'viewers', current: 1200, cumulative: 50_000 }],
      ['like', { ...common, ...user, count: 5, total: 900 }, { type: 'like', count: 5, total: 900 }],
      ['gift', { ...common, ...user, giftName: '小心心', count: 2, value: 2 }, { type: 'gift', giftName: '小心心', count: 2, value: 2 }],
      ['follow', { ...common, ...user }, { type: 'follow', userId: 'u1' }],
      ['share', { ...common, ...user }, { type: 'share', userId: 'u1' }],
      ['enter', { ...common, ...user }, { type: 'enter', nickname: '小红' }],
      [
        'order',
        { ...common, userId: 'u1', orderId: 'o-9', sku: 'SKU-1', quantity: 2, amount: 199.8, currency: 'CNY', status: 'paid' },
        { type: 'order', id: 'douyin:order:o-9', orderId: 'o-9', quantity: 2, amount: 199.8, currency: 'CNY', status: 'paid' },
      ],
      ['order_update', { ...common, orderId: 'o-9', status: 'refunded' }, { type: 'orderUpdate', id: 'douyin:orderUpdate:o-9:refunded', status: 'refunded' }],
      ['stream_end', common, { type: 'streamEnd', id: 'douyin:streamEnd:m1' }],
    ];
    for (const [name, payload, expected] of cases) {
      expect(accepted(normalizeCuedeck(name, payload, ctx)), name).toMatchObject(expected);
    }
  });

  it('cuts long comments and nicknames and flags the event instead of refusing it', () => {
    const event = accepted(normalizeCuedeck('comment', { ...common, userId: 'u1', nickname: 'n'.repeat(100), text: 'x'.repeat(5000) }, ctx));
    expect(event).toMatchObject({ truncated: true, nickname: 'n'.repeat(TEXT_LIMITS.nickname), text: 'x'.repeat(TEXT_LIMITS.comment) });
  });

  it('falls back to the user id for a blank or invisible nickname', () => {
    expect(accepted(normalizeCuedeck('enter', { ...common, userId: 'u1', nickname: '  ' }, ctx))).toMatchObject({ nickname: 'u1' });
    expect(accepted(normalizeCuedeck('enter', { ...common, userId: 'u1', nickname: '\u200B\u202E' }, ctx))).toMatchObject({ nickname: 'u1' });
  });

  it('refuses by reason without throwing', () => {
    const reasons = (event: string, payload: unknown) => {
      const r = normalizeCuedeck(event, payload, ctx);
      return isRejection(r) ? r.rejected : 'accepted';
    };
    expect(reasons('comment', null)).toBe('not_object');
    expect(reasons('comment', 'hello')).toBe('not_object');
    expect(reasons('comment', [1, 2])).toBe('not_object');
    expect(reasons('comment', 42)).toBe('not_object');
    expect(reasons('comment', Buffer.from('\u0000\u00ff binary'))).toBe('not_object');
    expect(reasons('comment', new Uint8Array([0, 1, 2]).buffer)).toBe('not_object');
    expect(reasons('comment', { ...common, ...user, text: 42 })).toBe('schema');
    expect(reasons('comment', { ...common, ...user })).toBe('schema');
    expect(reasons('comment', { ...common, ...user, text: 'hi', platform: 'myspace' })).toBe('schema');
    expect(reasons('viewers', { ...common, current: -1 })).toBe('schema');
    expect(reasons('viewers', { ...common, current: Number.NaN })).toBe('schema');
    expect(reasons('order', { ...common, userId: 'u', orderId: 'o', sku: 's', quantity: 1, amount: 1, currency: 'yuan', status: 'paid' })).toBe('schema');
    expect(reasons('comment', { ...common, ...user, text: 'x'.repeat(1_000_000) })).toBe('too_large');
    expect(reasons('comment', { ...common, userId: 'u', nickname: 'x'.repeat(100_000), text: 'hi' })).toBe('too_large');
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'x'.repeat(10_000)]) {
      expect(reasons(name, { ...common })).toBe('unknown_event');
    }
  });

  it('names the failing field in the detail', () => {
    const r = normalizeCuedeck('comment', { ...common, ...user, text: 42 }, ctx);
    expect(r).toMatchObject({ rejected: 'schema' });
    expect(isRejection(r) && r.detail).toContain('text');
  });

  it('is immune to prototype-pollution keys', () => {
    const payload: unknown = JSON.parse(
      '{"__proto__":{"polluted":true,"text":"injected"},"constructor":{"prototype":{"polluted":true}},"platform":"douyin","msgId":"m","time":1,"userId":"u","nickname":"n","text":"hi"}',
    );
    const event = accepted(normalizeCuedeck('comment', payload, ctx));
    expect(event).toMatchObject({ text: 'hi' });
    expect(Object.getPrototypeOf(event)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('normalizeTikTok', () => {
  const tUser = { userId: '6506646277295882242', uniqueId: 'gu12246', nickname: 'Shîñ', msgId: '7301', createTime: '1683800000000' };

  it('maps chat with TikTok ids as strings and createTime as the platform time', () => {
    const event = accepted(
      normalizeTikTok('chat', { ...tUser, comment: 'how much is it?', followRole: 1, userBadges: [{ type: 'image' }], profilePictureUrl: 'https://x' }, ctx),
    );
    expect(event).toEqual({
      type: 'comment',
      id: 'tiktok:comment:7301',
      feedId: 'main',
      platform: 'tiktok',
      at: 1_000_000,
      platformTime: 1_683_800_000_000,
      userId: '6506646277295882242',
      nickname: 'Shîñ',
      text: 'how much is it?',
      isQuestion: true,
      purchaseIntent: true,
    });
    expect(event).not.toHaveProperty('userBadges');
  });

  it('accepts numeric ids and uses the handle when userId is missing', () => {
    expect(accepted(normalizeTikTok('member', { userId: 42, nickname: 'a', msgId: 9 }, ctx))).toMatchObject({ type: 'enter', userId: '42', id: 'tiktok:enter:9' });
    expect(accepted(normalizeTikTok('member', { uniqueId: 'handle', msgId: '1' }, ctx))).toMatchObject({ userId: 'handle', nickname: 'handle' });
  });

  it('counts a gift streak once, at its end', () => {
    const gift = { ...tUser, giftId: 5655, giftName: 'Rose', diamondCount: 1, giftType: 1 };
    expect(normalizeTikTok('gift', { ...gift, repeatCount: 3, repeatEnd: false }, ctx)).toEqual({ rejected: 'streak_in_progress' });
    expect(accepted(normalizeTikTok('gift', { ...gift, repeatCount: 7, repeatEnd: true }, ctx))).toMatchObject({ type: 'gift', giftName: 'Rose', count: 7, value: 7 });
    // A non-streakable gift is final even with repeatEnd false.
    expect(accepted(normalizeTikTok('gift', { ...gift, giftType: 2, diamondCount: 100, repeatCount: 1, repeatEnd: false }, ctx))).toMatchObject({ count: 1, value: 100 });
    expect(accepted(normalizeTikTok('gift', { ...tUser, giftId: 1 }, ctx))).toMatchObject({ giftName: '#1', count: 1 });
  });

  it('maps likes, follows, shares, questions and viewer counts', () => {
    expect(accepted(normalizeTikTok('like', { ...tUser, likeCount: 15, totalLikeCount: 3000 }, ctx))).toMatchObject({ type: 'like', count: 15, total: 3000 });
    expect(accepted(normalizeTikTok('social', { ...tUser, displayType: 'pm_main_follow_message_viewer_2', label: '{0:user} followed the host' }, ctx))).toMatchObject({
      type: 'follow',
      id: 'tiktok:follow:7301',
    });
    // The same follow forwarded both as `social` and as `follow` gets one id, so dedupe keeps one.
    expect(accepted(normalizeTikTok('follow', tUser, ctx)).id).toBe('tiktok:follow:7301');
    expect(accepted(normalizeTikTok('social', { ...tUser, displayType: 'pm_mt_guidance_share' }, ctx))).toMatchObject({ type: 'share' });
    expect(normalizeTikTok('social', { ...tUser, displayType: 'pm_mt_something_else' }, ctx)).toMatchObject({ rejected: 'ignored' });
    expect(accepted(normalizeTikTok('questionNew', { ...tUser, questionText: 'Ship to Canada' }, ctx))).toMatchObject({
      type: 'comment',
      id: 'tiktok:question:7301',
      isQuestion: true,
    });
    expect(accepted(normalizeTikTok('roomUser', { viewerCount: 321, topViewers: [{ user: {} }] }, ctx))).toMatchObject({ type: 'viewers', current: 321 });
  });

  it('builds ids for messages without msgId: from user and time, else unique to the connection', () => {
    const noId = { ...tUser, msgId: undefined };
    expect(accepted(normalizeTikTok('like', { ...noId, likeCount: 1 }, ctx)).id).toBe('tiktok:like:6506646277295882242@1683800000000');
    const a = accepted(normalizeTikTok('roomUser', { viewerCount: 1 }, ctx));
    const b = accepted(normalizeTikTok('roomUser', { viewerCount: 1 }, { ...ctx, seq: 8 }));
    expect(a.id).not.toBe(b.id);
  });

  it('drops an odd createTime rather than the message', () => {
    const event = accepted(normalizeTikTok('chat', { ...tUser, createTime: 'yesterday', comment: 'hi' }, ctx));
    expect(event).not.toHaveProperty('platformTime');
  });

  it('refuses by reason', () => {
    const reason = (event: string, payload: unknown) => {
      const r = normalizeTikTok(event, payload, ctx);
      return isRejection(r) ? r.rejected : 'accepted';
    };
    expect(reason('chat', { comment: 'no user' })).toBe('schema');
    expect(reason('chat', { ...tUser, comment: { toString: 'x' } })).toBe('schema');
    expect(reason('like', { ...tUser, likeCount: '5' })).toBe('schema');
    expect(reason('chat', { ...tUser, comment: 'x'.repeat(100_000) })).toBe('too_large');
    expect(reason('emote', {})).toBe('ignored');
    expect(reason('linkMicBattle', {})).toBe('ignored');
    expect(reason('chat_v2', {})).toBe('unknown_event');
    expect(reason('__proto__', {})).toBe('unknown_event');
    expect(reason('roomUser', undefined)).toBe('not_object');
  });

  it('makes a streamEnd event for the feed', () => {
    expect(accepted(tiktokStreamEnd(ctx))).toMatchObject({ type: 'streamEnd', platform: 'tiktok', feedId: 'main' });
  });
});
