import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FeedStatus } from '../../../../shared/feeds/diagnostics.ts';
import type { FeedEvent } from '../../../../shared/feeds/events.ts';
import { FEED_VIEW_COMMENTS } from '../../../../shared/protocol/index.ts';
import { migrate } from '../../db/database.ts';
import { createLogger } from '../../log.ts';
import { NoticeBus } from '../../state/notices.ts';
import { placeholderState, TEST_ENGINE_INFO } from '../../state/initial-state.ts';
import { StateHub } from '../../state/state-hub.ts';
import { SettingsRepository } from '../settings/settings-repository.ts';
import type { FeedConnection, FeedConnectionSink } from './feed-hub.ts';
import { FEED_FLUSH_MS, FeedsService } from './feeds-service.ts';

const T0 = 1_700_000_000_000;
let db: DatabaseSync;

const base = (id: string) => ({ id, feedId: 'relay', platform: 'douyin' as const, at: T0 });
const enter = (id: string, userId: string): FeedEvent => ({ type: 'enter', ...base(id), userId, nickname: `n-${userId}` });
const comment = (id: string, userId: string, text = 'hi'): FeedEvent => ({ type: 'comment', ...base(id), userId, nickname: `n-${userId}`, text });
const like = (id: string, userId: string): FeedEvent => ({ type: 'like', ...base(id), userId, nickname: userId, count: 1 });

function setup(isVip?: (platform: string, userId: string) => boolean) {
  const settings = new SettingsRepository(db);
  const hub = new StateHub(placeholderState(TEST_ENGINE_INFO));
  const batches: FeedEvent[][] = [];
  let sink: FeedConnectionSink | null = null;
  const status: FeedStatus = { phase: 'connected', since: T0 };
  const feeds = new FeedsService({
    hub,
    settings,
    notices: new NoticeBus(),
    log: createLogger('test', () => undefined),
    broadcast: (events) => batches.push(events),
    onOrder: () => undefined,
    now: () => T0,
    ...(isVip ? { isVip } : {}),
    createConnection: (_config, s): FeedConnection => {
      sink = s;
      return { status, stats: { received: 0, accepted: 0, rejected: {} }, start: () => undefined, stop: () => undefined };
    },
  });
  hub.set({ feeds: feeds.initialState() });
  feeds.start();
  feeds.add({ id: 'relay', label: 'Relay', url: 'http://relay:1', platform: 'douyin', protocol: 'cuedeck' });
  const deliver = (...events: FeedEvent[]) => {
    for (const e of events) sink?.onEvent(e);
    vi.advanceTimersByTime(FEED_FLUSH_MS);
  };
  return { feeds, hub, batches, deliver };
}

beforeEach(() => {
  vi.useFakeTimers();
  db = new DatabaseSync(':memory:');
  migrate(db);
});
afterEach(() => {
  vi.useRealTimers();
  db.close();
});

describe('FeedsService: what reaches the views', () => {
  it('sends the arrival of a VIP member, and no one else’s', async () => {
    const asked: string[] = [];
    const { feeds, hub, batches, deliver } = setup((platform, userId) => {
      asked.push(`${platform}:${userId}`);
      return userId === 'vip1';
    });
    deliver(enter('e1', 'guest'), enter('e2', 'vip1'), comment('c1', 'guest'), like('l1', 'vip1'));
    expect(batches.flat().map((e) => e.id)).toEqual(['e2', 'c1']);
    expect(feeds.backlog().map((e) => e.id)).toEqual(['e2', 'c1']);
    // Only arrivals are checked against the member records; every one still counts as a viewer.
    expect(asked).toEqual(['douyin:guest', 'douyin:vip1']);
    vi.advanceTimersByTime(1000);
    expect(hub.state.feeds.metrics.uniqueViewers).toBe(2);
    await feeds.stop();
  });

  it('sends no arrivals without member records, and keeps the feed going when they cannot be read', async () => {
    const none = setup();
    none.deliver(enter('e1', 'vip1'), comment('c1', 'vip1'));
    expect(none.batches.flat().map((e) => e.id)).toEqual(['c1']);
    await none.feeds.stop();

    const broken = setup(() => {
      throw new Error('database is locked');
    });
    broken.deliver(enter('e2', 'vip1'), comment('c2', 'vip1'));
    expect(broken.batches.flat().map((e) => e.id)).toEqual(['c2']);
    await broken.feeds.stop();
  });

  it('remembers for pins the comments a view can still show, and takes the view’s copy of older ones', async () => {
    const { feeds, hub, deliver } = setup();
    const count = 2 * FEED_VIEW_COMMENTS + 10;
    deliver(...Array.from({ length: count }, (_, i) => comment(`c${i}`, `u${i}`, `text ${i}`)));
    feeds.pin(`c${count - FEED_VIEW_COMMENTS}`);
    expect(hub.state.feeds.pinned[0]).toMatchObject({ text: `text ${count - FEED_VIEW_COMMENTS}` });
    expect(() => feeds.pin('c0')).toThrow(/no longer/);
    feeds.pin('c0', { platform: 'douyin', nickname: 'n-u0', text: 'as shown', isQuestion: false, at: T0 });
    expect(hub.state.feeds.pinned[0]).toMatchObject({ eventId: 'c0', text: 'as shown' });
    await feeds.stop();
  });
});
