import { describe, expect, it } from 'vitest';
import { FeedConfig } from './feed-config.ts';
import { FeedDiagnostics, FeedStatus } from './diagnostics.ts';
import { CuedeckRelayHello } from './cuedeck-relay-protocol.ts';
import { SetUniqueIdArgs, isGiftStreakInProgress } from './tiktok-protocol.ts';

describe('FeedConfig', () => {
  const base = { id: 'main', label: 'Douyin main', url: 'http://127.0.0.1:7590', platform: 'douyin', protocol: 'cuedeck' };

  it('accepts relay URLs and asks TikTok relays for the streamer handle', () => {
    expect(FeedConfig.parse(base)).toEqual(base);
    expect(FeedConfig.parse({ ...base, url: 'wss://relay.example:443/x' }).url).toBe('wss://relay.example:443/x');
    const tiktok = FeedConfig.safeParse({ ...base, protocol: 'tiktok' });
    expect(tiktok.success).toBe(false);
    expect(tiktok.error?.issues[0]?.path).toEqual(['uniqueId']);
    expect(FeedConfig.parse({ ...base, platform: 'tiktok', protocol: 'tiktok', uniqueId: ' streamer ' }).uniqueId).toBe('streamer');
  });

  it('refuses other schemes and blank labels', () => {
    expect(FeedConfig.safeParse({ ...base, url: 'javascript:alert(1)' }).success).toBe(false);
    expect(FeedConfig.safeParse({ ...base, url: 'file:///etc/passwd' }).success).toBe(false);
    expect(FeedConfig.safeParse({ ...base, label: '  ' }).success).toBe(false);
  });
});

describe('status and diagnostics schemas', () => {
  it('require a reason when offline', () => {
    expect(FeedStatus.safeParse({ phase: 'offline', since: 1 }).success).toBe(false);
    expect(FeedStatus.parse({ phase: 'offline', since: 1, reason: 'unreachable' })).toBeTruthy();
    const d = { feedId: 'a', label: 'A', platform: 'douyin', protocol: 'cuedeck', url: 'http://x:1', status: { phase: 'connected', since: 1 }, accepted: 1, rejected: { schema: 2 } };
    expect(FeedDiagnostics.parse(d)).toEqual(d);
    expect(FeedDiagnostics.safeParse({ ...d, rejected: { made_up: 1 } }).success).toBe(false);
  });
});

describe('protocol helpers', () => {
  it('recognise the Cuedeck hello and TikTok setUniqueId arguments', () => {
    expect(CuedeckRelayHello.safeParse({ protocol: 'cuedeck-relay', version: 1 }).success).toBe(true);
    expect(CuedeckRelayHello.safeParse({ protocol: 'tiktok-chat-reader' }).success).toBe(false);
    expect(SetUniqueIdArgs.parse(['streamer', { enableExtendedGiftInfo: true }])).toEqual(['streamer', {}]);
    expect(SetUniqueIdArgs.parse(['streamer'])).toEqual(['streamer']);
    expect(SetUniqueIdArgs.safeParse([{ $gt: '' }]).success).toBe(false);
    expect(SetUniqueIdArgs.safeParse(['']).success).toBe(false);
  });

  it('know a running gift streak from a finished or non-streakable gift', () => {
    expect(isGiftStreakInProgress({ repeatEnd: false, giftType: 1 })).toBe(true);
    expect(isGiftStreakInProgress({ repeatEnd: false })).toBe(true);
    expect(isGiftStreakInProgress({ repeatEnd: true, giftType: 1 })).toBe(false);
    expect(isGiftStreakInProgress({ repeatEnd: false, giftType: 2 })).toBe(false);
    expect(isGiftStreakInProgress({})).toBe(false);
  });
});
