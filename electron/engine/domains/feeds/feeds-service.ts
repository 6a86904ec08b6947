import { z } from 'zod';
import type { FeedEvent, Platform } from '../../../../shared/feeds/events.ts';
import { FeedConfig } from '../../../../shared/feeds/feed-config.ts';
import { LiveMetrics } from '../../../../shared/feeds/metrics.ts';
import { RingBuffer } from '../../../../shared/feeds/ring-buffer.ts';
import { FEED_BACKLOG, FEED_VIEW_COMMENTS, type FeedsState, type PinnedComment } from '../../../../shared/protocol/index.ts';
import { CommandFailure } from '../../dispatch/command-failure.ts';
import type { Logger } from '../../log.ts';
import type { NoticeBus } from '../../state/notices.ts';
import type { StateHub } from '../../state/state-hub.ts';
import type { SettingsRepository } from '../settings/settings-repository.ts';
import { AudienceSimulator } from '../../simulator/simulator.ts';
import { FeedHub, type FeedHubDeps } from './feed-hub.ts';

export const FEED_FLUSH_MS = 50;
const PUBLISH_MS = 1000;
const MAX_PINNED = 5;
const MAX_ANSWERED = 500;
const CONFIGS_KEY = 'feeds.configs';
const STREAMER_ALERTS_KEY = 'feeds.streamerAlerts';
/**
 * Comments remembered for pinning by id. A pin is clicked on a comment a view holds, and a view holds at most the
 * newest FEED_VIEW_COMMENTS; twice that covers the comments that arrive while the view lags or the command travels
 * (a second in a 2,000 msg/s room). A pin of an older one carries the text the view shows.
 */
const RECENT_COMMENTS = 2 * FEED_VIEW_COMMENTS;
/**
 * Message keys remembered for dedupe, as assets/relay-protocol.md promises relays. A restarted relay replays what it
 * sent before the outage (the simulator: up to its last 2,000 messages, for 10 s after it is back); meanwhile other
 * relays of the same room keep the window moving. 100,000 keys last 50 s at 2,000 msg/s: the longest reconnect
 * backoff (15 s) plus the replay with room to spare. A fixed 4.8 MiB (dedupe.ts), full from the start.
 */
const DEDUPE_WINDOW = 100_000;
export const SIMULATOR_FEED_ID = 'simulator';

/** Events a view shows in its panels; viewer counts and likes only move the metrics. Arrivals: see #shown. */
const SHOWN = new Set<FeedEvent['type']>(['comment', 'order', 'orderUpdate', 'gift', 'gap', 'streamEnd']);

interface FeedsDeps {
  hub: StateHub;
  settings: SettingsRepository;
  notices: NoticeBus;
  log: Logger;
  /** Batches of events for the views. */
  broadcast: (events: FeedEvent[]) => void;
  /** Orders feed the flash sales. */
  onOrder: (order: Extract<FeedEvent, { type: 'order' }>) => void;
  /** Every accepted event (the session log). */
  onEvent?: (event: FeedEvent) => void;
  /** Whether a platform account belongs to a VIP member (the member records); its arrivals reach the views. */
  isVip?: (platform: Platform, userId: string) => boolean;
  now?: () => number;
  /** Relay connections (a fake in unit tests). */
  createConnection?: FeedHubDeps['createConnection'];
}

/**
 * Live feeds as the console uses them: relay connections (persisted), the built-in simulator, live metrics,
 * a bounded backlog for views that connect late, pins for the streamer and answered marks.
 */
export class FeedsService {
  readonly #deps: Required<Omit<FeedsDeps, 'createConnection'>>;
  readonly #feeds: FeedHub;
  #metrics = new LiveMetrics();
  readonly #backlog = new RingBuffer<FeedEvent>(FEED_BACKLOG);
  #pending: FeedEvent[] = [];
  #flushTimer: NodeJS.Timeout | null = null;
  #publishTimer: NodeJS.Timeout | null = null;
  #simulator: AudienceSimulator | null = null;
  /** Recent comments by id, so a pin can copy the text the producer saw. */
  readonly #recentComments = new Map<string, Extract<FeedEvent, { type: 'comment' }>>();
  #vipCheckFailed = false;

  constructor(deps: FeedsDeps) {
    const { createConnection, ...rest } = deps;
    this.#deps = { now: Date.now, onEvent: () => undefined, isVip: () => false, ...rest };
    this.#feeds = new FeedHub({ log: deps.log, now: this.#deps.now, dedupeWindow: DEDUPE_WINDOW, ...(createConnection ? { createConnection } : {}) });
    this.#feeds.subscribe((event) => this.#accept(event));
  }

  initialState(): FeedsState {
    return {
      configs: this.#deps.settings.read(CONFIGS_KEY, z.array(FeedConfig), []),
      diagnostics: [],
      metrics: this.#metrics.snapshot(this.#deps.now()),
      simulator: null,
      pinned: [],
      answered: [],
      streamerAlerts: this.#deps.settings.read(STREAMER_ALERTS_KEY, z.boolean(), false),
    };
  }

  setStreamerAlerts(enabled: boolean): void {
    this.#deps.settings.write(STREAMER_ALERTS_KEY, enabled);
    this.#set({ streamerAlerts: enabled });
  }

  start(): void {
    for (const config of this.#state.configs) this.#feeds.add(config);
    this.#publishTimer = setInterval(() => this.#publish(), PUBLISH_MS);
  }

  async stop(): Promise<void> {
    if (this.#publishTimer) clearInterval(this.#publishTimer);
    if (this.#flushTimer) clearTimeout(this.#flushTimer);
    this.#feeds.stop();
    await this.#simulator?.close();
    this.#simulator = null;
  }

  /** The recent events for a view that just connected. */
  backlog(): FeedEvent[] {
    return this.#backlog.toArray();
  }

  get #state(): FeedsState {
    return this.#deps.hub.state.feeds;
  }

  #set(changes: Partial<FeedsState>): void {
    this.#deps.hub.set({ feeds: { ...this.#state, ...changes } });
  }

  add(config: FeedConfig): void {
    if (config.id === SIMULATOR_FEED_ID) throw new CommandFailure('bad_request', `"${SIMULATOR_FEED_ID}" is reserved for the built-in simulator`);
    const configs = [...this.#state.configs.filter((c) => c.id !== config.id), config];
    this.#deps.settings.write(CONFIGS_KEY, configs);
    this.#feeds.add(config);
    this.#set({ configs });
    this.#publish();
  }

  remove(id: string): void {
    if (!this.#state.configs.some((c) => c.id === id)) throw new CommandFailure('not_found', `There is no feed "${id}"`);
    const configs = this.#state.configs.filter((c) => c.id !== id);
    this.#deps.settings.write(CONFIGS_KEY, configs);
    this.#feeds.remove(id);
    this.#set({ configs });
    this.#publish();
  }

  async startSimulator(rate: number, seed: number): Promise<void> {
    await this.stopSimulator();
    const simulator = await AudienceSimulator.start({ port: 0, host: '127.0.0.1', rate, seed, protocol: 'cuedeck' });
    this.#simulator = simulator;
    // A rehearsal's figures start from zero.
    this.#metrics = new LiveMetrics();
    this.#feeds.add({ id: SIMULATOR_FEED_ID, label: 'Simulator', url: simulator.url, platform: 'douyin', protocol: 'cuedeck' });
    this.#set({ simulator: { url: simulator.url, rate, seed } });
    this.#publish();
  }

  async stopSimulator(): Promise<void> {
    const simulator = this.#simulator;
    if (!simulator) return;
    this.#simulator = null;
    this.#feeds.remove(SIMULATOR_FEED_ID);
    await simulator.close();
    this.#set({ simulator: null });
    this.#publish();
  }

  /** In a rehearsal, the simulated audience rushes a flash sale the moment it goes live. */
  simulateFlashSale(sale: { sku: string; quantity: number; perCustomerLimit: number; price: number }): void {
    this.#simulator?.flashSale(sale);
  }

  pin(eventId: string, shown?: Omit<PinnedComment, 'eventId' | 'pinnedAt'>): void {
    const recent = this.#recentComments.get(eventId);
    const comment = recent ? { ...recent, isQuestion: recent.isQuestion === true } : shown;
    if (!comment) throw new CommandFailure('not_found', 'That comment is no longer in the recent list');
    if (this.#state.pinned.some((p) => p.eventId === eventId)) return;
    const pinned: PinnedComment = {
      eventId,
      platform: comment.platform,
      nickname: comment.nickname,
      text: comment.text,
      isQuestion: comment.isQuestion,
      at: comment.at,
      pinnedAt: this.#deps.now(),
    };
    // Newest first; the streamer's screen has room for a few.
    this.#set({ pinned: [pinned, ...this.#state.pinned].slice(0, MAX_PINNED) });
  }

  unpin(eventId: string): void {
    this.#set({ pinned: this.#state.pinned.filter((p) => p.eventId !== eventId) });
  }

  markAnswered(eventId: string, answered: boolean): void {
    const rest = this.#state.answered.filter((id) => id !== eventId);
    this.#set({ answered: answered ? [...rest, eventId].slice(-MAX_ANSWERED) : rest });
    // An answered question leaves the streamer's screen.
    if (answered) this.unpin(eventId);
  }

  #accept(event: FeedEvent): void {
    this.#metrics.apply(event);
    this.#deps.onEvent(event);
    if (event.type === 'order') this.#deps.onOrder(event);
    if (!this.#shown(event)) return;
    if (event.type === 'comment') {
      this.#recentComments.set(event.id, event);
      if (this.#recentComments.size > RECENT_COMMENTS) {
        const oldest = this.#recentComments.keys().next().value;
        if (oldest !== undefined) this.#recentComments.delete(oldest);
      }
    }
    this.#backlog.push(event);
    this.#pending.push(event);
    this.#flushTimer ??= setTimeout(() => this.#flush(), FEED_FLUSH_MS);
  }

  /**
   * Shown events, and the arrivals of VIP members: the producer's view highlights those as they come in. Everyone
   * else's arrival only counts in the metrics: a busy room has hundreds a second and no view shows them.
   */
  #shown(event: FeedEvent): boolean {
    if (SHOWN.has(event.type)) return true;
    if (event.type !== 'enter') return false;
    try {
      return this.#deps.isVip(event.platform, event.userId);
    } catch (error) {
      // The member records unreadable (locked, corrupt): arrivals go unhighlighted, the feed goes on.
      if (!this.#vipCheckFailed) this.#deps.log.warn(`VIP arrivals cannot be checked: ${String(error)}`);
      this.#vipCheckFailed = true;
      return false;
    }
  }

  #flush(): void {
    this.#flushTimer = null;
    const events = this.#pending;
    this.#pending = [];
    if (events.length > 0) this.#deps.broadcast(events);
  }

  #publish(): void {
    this.#set({ diagnostics: this.#feeds.diagnostics(), metrics: this.#metrics.snapshot(this.#deps.now()) });
  }
}
