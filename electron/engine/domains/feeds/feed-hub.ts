import { DedupeWindow } from '../../../../shared/feeds/dedupe.ts';
import type { FeedDiagnostics, FeedStatus, RejectReason } from '../../../../shared/feeds/diagnostics.ts';
import type { FeedEvent } from '../../../../shared/feeds/events.ts';
import type { FeedConfig } from '../../../../shared/feeds/feed-config.ts';
import type { Logger } from '../../log.ts';
import { RelayConnection, type RelayConnectionOptions, type RelayStats } from './relay-connection.ts';

/** What the hub needs of a connection; RelayConnection in production, a fake in unit tests. */
export interface FeedConnection {
  readonly status: FeedStatus;
  readonly stats: Readonly<RelayStats>;
  start(): void;
  stop(): void;
}

export type FeedConnectionSink = Pick<RelayConnectionOptions, 'onEvent' | 'onStatus'>;

export interface FeedHubDeps {
  log?: Logger;
  now?: () => number;
  /** Keys remembered for dedupe across relays and restarts. */
  dedupeWindow?: number;
  /** Options for every RelayConnection the hub creates (backoff bounds, payload budget, transports). */
  connectionOptions?: Pick<RelayConnectionOptions, 'reconnect' | 'maxPayloadsPerSecond' | 'transports' | 'connectTimeoutMs'>;
  createConnection?: (config: FeedConfig, sink: FeedConnectionSink) => FeedConnection;
}

type EventListener = (event: FeedEvent) => void;
type StatusListener = (feedId: string, status: FeedStatus) => void;

interface Feed {
  config: FeedConfig;
  connection: FeedConnection | null;
  accepted: number;
  duplicates: number;
  lastEventAt?: number;
  /** Last offline reason logged, so a relay that stays down is logged once, not at every retry. */
  loggedReason?: string;
}

/**
 * All live feeds at once (simulcast: one relay per platform, or two relays on one room for redundancy).
 * Drops any event already delivered through any feed, counts per feed, and hands accepted events to
 * subscribers in arrival order. Keeps nothing beyond counters: persistence subscribes like anyone else.
 */
export class FeedHub {
  readonly #feeds = new Map<string, Feed>();
  readonly #dedupe: DedupeWindow;
  readonly #listeners = new Set<EventListener>();
  readonly #statusListeners = new Set<StatusListener>();
  readonly #deps: FeedHubDeps;
  readonly #now: () => number;

  constructor(deps: FeedHubDeps = {}) {
    this.#deps = deps;
    this.#now = deps.now ?? Date.now;
    this.#dedupe = new DedupeWindow(deps.dedupeWindow ?? 100_000);
  }

  /** Adds a feed and connects it. A feed with the same id is replaced. */
  add(config: FeedConfig): void {
    this.remove(config.id);
    const feed: Feed = { config, connection: null, accepted: 0, duplicates: 0 };
    const sink: FeedConnectionSink = {
      onEvent: (event) => this.#accept(feed, event),
      onStatus: (status) => this.#statusChanged(feed, status),
    };
    const create = this.#deps.createConnection ?? ((c, s) => new RelayConnection({ ...this.#deps.connectionOptions, config: c, ...s, now: this.#now }));
    const connection = create(config, sink);
    feed.connection = connection;
    this.#feeds.set(config.id, feed);
    this.#deps.log?.info(`Feed "${config.label}" (${config.protocol}, ${config.platform}) → ${config.url}`);
    connection.start();
  }

  /** Disconnects and forgets a feed; its already delivered events stay deduped. */
  remove(feedId: string): boolean {
    const feed = this.#feeds.get(feedId);
    if (!feed) return false;
    this.#feeds.delete(feedId);
    feed.connection?.stop();
    return true;
  }

  feedIds(): string[] {
    return [...this.#feeds.keys()];
  }

  subscribe(listener: EventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Connection status changes only (rare); poll `diagnostics()` for the counters. */
  onStatus(listener: StatusListener): () => void {
    this.#statusListeners.add(listener);
    return () => this.#statusListeners.delete(listener);
  }

  diagnostics(): FeedDiagnostics[] {
    return [...this.#feeds.values()].flatMap((feed) => {
      const { config, connection } = feed;
      if (!connection) return [];
      const stats = connection.stats;
      const rejected: Partial<Record<RejectReason, number>> = { ...stats.rejected };
      if (feed.duplicates > 0) rejected.duplicate = (rejected.duplicate ?? 0) + feed.duplicates;
      const diagnostics: FeedDiagnostics = {
        feedId: config.id,
        label: config.label,
        platform: config.platform,
        protocol: config.protocol,
        url: config.url,
        status: connection.status,
        accepted: feed.accepted,
        rejected,
        ...(feed.lastEventAt !== undefined ? { lastEventAt: feed.lastEventAt } : {}),
        ...(stats.lastError ? { lastError: { ...stats.lastError } } : {}),
      };
      return [diagnostics];
    });
  }

  stop(): void {
    for (const id of [...this.#feeds.keys()]) this.remove(id);
  }

  #accept(feed: Feed, event: FeedEvent): void {
    if (this.#feeds.get(feed.config.id) !== feed) return; // a removed feed's late event
    if (!this.#dedupe.admit(event.id)) {
      feed.duplicates += 1;
      return;
    }
    feed.accepted += 1;
    feed.lastEventAt = event.at;
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch (error) {
        // One failing subscriber (say, the session log) must not starve the others.
        this.#deps.log?.error(`Feed subscriber failed on ${event.type}: ${String(error)}`);
      }
    }
  }

  #statusChanged(feed: Feed, status: FeedStatus): void {
    if (this.#feeds.get(feed.config.id) !== feed) return;
    if (status.phase === 'connected') feed.loggedReason = undefined;
    if (status.phase === 'offline' && status.reason !== 'stopped' && status.reason !== feed.loggedReason) {
      feed.loggedReason = status.reason;
      this.#deps.log?.warn(`Feed "${feed.config.label}" offline: ${status.reason}${status.detail ? ` (${status.detail})` : ''}`);
    }
    for (const listener of this.#statusListeners) listener(feed.config.id, status);
  }
}
