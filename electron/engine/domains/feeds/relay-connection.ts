import { io as connectSocket, type Socket } from 'socket.io-client';
import { CUEDECK_RELAY_PROTOCOL, CUEDECK_RELAY_VERSION } from '../../../../shared/feeds/cuedeck-relay-protocol.ts';
import type { FeedOfflineReason, FeedStatus, RejectReason } from '../../../../shared/feeds/diagnostics.ts';
import type { FeedEvent } from '../../../../shared/feeds/events.ts';
import type { FeedConfig } from '../../../../shared/feeds/feed-config.ts';
import { isRejection, normalizeCuedeck, normalizeTikTok, tiktokStreamEnd, type NormalizeContext } from '../../../../shared/feeds/normalize.ts';
import { TIKTOK_CLIENT_HELLO, TIKTOK_CONTROL_EVENTS, TIKTOK_SET_UNIQUE_ID, TikTokDisconnectedReason } from '../../../../shared/feeds/tiktok-protocol.ts';

export interface RelayStats {
  /** Payloads received (every event name, before validation). */
  received: number;
  /** Payloads that became feed events (before cross-feed dedupe). */
  accepted: number;
  rejected: Partial<Record<RejectReason, number>>;
  lastError?: { at: number; message: string };
}

export interface RelayConnectionOptions {
  config: FeedConfig;
  onEvent: (event: FeedEvent) => void;
  onStatus?: (status: FeedStatus) => void;
  onReject?: (reason: RejectReason, detail: string | undefined) => void;
  now?: () => number;
  /** Bounds of the reconnection backoff. */
  reconnect?: { minDelayMs: number; maxDelayMs: number };
  /** Payloads processed per second at most; the rest are dropped and counted, so a flood cannot stall the engine. */
  maxPayloadsPerSecond?: number;
  transports?: ('websocket' | 'polling')[];
  connectTimeoutMs?: number;
}

const DEFAULT_RECONNECT = { minDelayMs: 1000, maxDelayMs: 15_000 };
const DEFAULT_MAX_PAYLOADS_PER_SECOND = 10_000;
const DETAIL_MAX = 300;

/** Delay before retry n (1-based): doubling from min, capped at max. */
export function backoffDelayMs(attempt: number, { minDelayMs, maxDelayMs }: { minDelayMs: number; maxDelayMs: number }): number {
  return Math.min(maxDelayMs, minDelayMs * 2 ** Math.max(0, Math.min(attempt - 1, 20)));
}

const short = (text: string) => text.slice(0, DETAIL_MAX);

/**
 * One socket.io connection to one relay. Every payload is validated and normalized here (nothing from the
 * relay is trusted), rejects are counted by reason, and a relay outage becomes a `gap` event once data flows
 * again. Never throws from a relay callback. Cross-feed dedupe is the hub's job.
 */
export class RelayConnection {
  readonly config: FeedConfig;
  readonly #options: RelayConnectionOptions;
  readonly #now: () => number;
  readonly #reconnect: { minDelayMs: number; maxDelayMs: number };
  readonly #maxPerSecond: number;
  #socket: Socket | null = null;
  #status: FeedStatus;
  readonly #stats: RelayStats = { received: 0, accepted: 0, rejected: {} };
  #seq = 0;
  #budgetWindowStart = 0;
  #budgetUsed = 0;
  /** Set while data is not flowing after it had been: the start of the next gap. */
  #down: { since: number; reason: string } | null = null;
  #flowing = false;
  /** Our own retries, for the cases socket.io-client does not retry by itself (server kick, handshake refusal). */
  #retryTimer: NodeJS.Timeout | null = null;
  #retryAttempt = 0;
  #stopped = true;

  constructor(options: RelayConnectionOptions) {
    this.config = options.config;
    this.#options = options;
    this.#now = options.now ?? Date.now;
    this.#reconnect = options.reconnect ?? DEFAULT_RECONNECT;
    this.#maxPerSecond = options.maxPayloadsPerSecond ?? DEFAULT_MAX_PAYLOADS_PER_SECOND;
    this.#status = { phase: 'offline', since: this.#now(), reason: 'not_started' };
  }

  get status(): FeedStatus {
    return this.#status;
  }

  get stats(): Readonly<RelayStats> {
    return this.#stats;
  }

  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    const { config } = this;
    const socket = connectSocket(config.url, {
      forceNew: true,
      reconnection: true,
      reconnectionDelay: this.#reconnect.minDelayMs,
      reconnectionDelayMax: this.#reconnect.maxDelayMs,
      randomizationFactor: 0.3,
      timeout: this.#options.connectTimeoutMs ?? 10_000,
      transports: this.#options.transports ?? ['websocket', 'polling'],
      auth: config.protocol === 'cuedeck' ? { protocol: CUEDECK_RELAY_PROTOCOL, version: CUEDECK_RELAY_VERSION } : { ...TIKTOK_CLIENT_HELLO },
    });
    this.#socket = socket;
    this.#setStatus({ phase: 'connecting', since: this.#now(), attempt: 0 });

    socket.on('connect', () => this.#guard(() => this.#onConnect(socket)));
    socket.on('disconnect', (reason) => this.#guard(() => this.#onDisconnect(socket, reason)));
    socket.on('connect_error', (error) => this.#guard(() => this.#onConnectError(socket, error)));
    socket.io.on('reconnect_attempt', (attempt) => this.#guard(() => this.#setStatus({ phase: 'connecting', since: this.#now(), attempt })));
    socket.onAny((event: unknown, ...args: unknown[]) => this.handle(event, args));
  }

  stop(): void {
    this.#stopped = true;
    this.#clearRetry();
    const socket = this.#socket;
    this.#socket = null;
    if (socket) {
      socket.offAny();
      socket.removeAllListeners();
      socket.io.removeAllListeners();
      socket.disconnect();
    }
    this.#down = null;
    this.#flowing = false;
    this.#setStatus({ phase: 'offline', since: this.#now(), reason: 'stopped' });
  }

  /**
   * Entry point for every relay → client message (public so tests and benchmarks can drive it without a
   * socket). Synchronous and cheap: a name lookup, a budget check and one schema parse.
   */
  handle(event: unknown, args: readonly unknown[]): void {
    try {
      this.#stats.received += 1;
      if (typeof event !== 'string') return this.#reject('unknown_event', typeof event);
      if (!this.#withinBudget()) return this.#reject('rate_limited', undefined);
      const payload = args[0];
      if (this.config.protocol === 'tiktok' && this.#handleTikTokControl(event, payload)) return;
      const ctx: NormalizeContext = { feedId: this.config.id, platform: this.config.platform, now: this.#now(), seq: ++this.#seq };
      const result = this.config.protocol === 'tiktok' ? normalizeTikTok(event, payload, ctx) : normalizeCuedeck(event, payload, ctx);
      if (isRejection(result)) return this.#reject(result.rejected, result.detail);
      this.#stats.accepted += 1;
      this.#options.onEvent(result);
    } catch (error) {
      // A bug here (or in a subscriber) must not take the connection down with it.
      this.#recordError(`handling ${typeof event === 'string' ? event.slice(0, 64) : '?'}: ${String(error)}`);
    }
  }

  #onConnect(socket: Socket): void {
    if (socket !== this.#socket) return;
    this.#clearRetry();
    this.#retryAttempt = 0;
    if (this.config.protocol === 'tiktok') {
      this.#setStatus({ phase: 'connecting', since: this.#now(), attempt: 0 });
      socket.emit(TIKTOK_SET_UNIQUE_ID, this.config.uniqueId, {});
    } else {
      this.#dataUp();
    }
  }

  #onDisconnect(socket: Socket, reason: string): void {
    if (socket !== this.#socket || this.#stopped) return;
    this.#dataDown(reason);
    this.#setStatus({ phase: 'offline', since: this.#now(), reason: 'lost', detail: short(reason) });
    this.#recordError(`disconnected: ${reason}`);
    // socket.io-client retries transport losses itself; a deliberate server disconnect it leaves to us.
    if (reason === 'io server disconnect') this.#scheduleRetry(() => socket.connect());
  }

  #onConnectError(socket: Socket, error: Error): void {
    if (socket !== this.#socket || this.#stopped) return;
    const message = short(error.message || 'connect error');
    this.#recordError(message);
    // `active` is false when the relay refused the handshake: socket.io-client will not retry that alone.
    const reason: FeedOfflineReason = socket.active ? 'unreachable' : 'refused_by_relay';
    this.#setStatus({ phase: 'offline', since: this.#now(), reason, detail: message });
    if (!socket.active) this.#scheduleRetry(() => socket.connect());
  }

  /** TikTok-Chat-Reader's room-level events; true when `event` was one. */
  #handleTikTokControl(event: string, payload: unknown): boolean {
    switch (event) {
      case TIKTOK_CONTROL_EVENTS.connected:
        this.#retryAttempt = 0;
        this.#clearRetry();
        this.#dataUp();
        return true;
      case TIKTOK_CONTROL_EVENTS.disconnected: {
        const parsed = TikTokDisconnectedReason.safeParse(payload);
        const detail = short(parsed.success ? parsed.data : 'room connection lost');
        this.#dataDown(detail);
        this.#setStatus({ phase: 'offline', since: this.#now(), reason: 'room_disconnected', detail });
        this.#recordError(`room disconnected: ${detail}`);
        // The relay stays up; ask it to join again, backing off (it may be rate limited by TikTok).
        const socket = this.#socket;
        this.#scheduleRetry(() => {
          if (socket?.connected) socket.emit(TIKTOK_SET_UNIQUE_ID, this.config.uniqueId, {});
        });
        return true;
      }
      case TIKTOK_CONTROL_EVENTS.streamEnd: {
        this.#stats.accepted += 1;
        this.#options.onEvent(tiktokStreamEnd({ feedId: this.config.id, platform: this.config.platform, now: this.#now(), seq: ++this.#seq }));
        this.#flowing = false; // an ended stream is not an outage: no gap
        this.#setStatus({ phase: 'offline', since: this.#now(), reason: 'stream_ended' });
        return true;
      }
      default:
        return false;
    }
  }

  /** Data flows again: close an open gap with a `gap` event. */
  #dataUp(): void {
    const now = this.#now();
    this.#flowing = true;
    this.#setStatus({ phase: 'connected', since: now });
    const down = this.#down;
    this.#down = null;
    if (!down) return;
    const { id, platform } = this.config;
    this.#stats.accepted += 1;
    this.#options.onEvent({ type: 'gap', id: `${id}:gap:${down.since}`, feedId: id, platform, at: now, fromAt: down.since, toAt: now, reason: short(down.reason) });
  }

  #dataDown(reason: string): void {
    if (this.#flowing && !this.#down) this.#down = { since: this.#now(), reason };
    this.#flowing = false;
  }

  #scheduleRetry(action: () => void): void {
    this.#clearRetry();
    this.#retryAttempt += 1;
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = null;
      if (!this.#stopped) this.#guard(action);
    }, backoffDelayMs(this.#retryAttempt, this.#reconnect));
  }

  #clearRetry(): void {
    if (this.#retryTimer) clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
  }

  /** Fixed one-second windows: cheap, and good enough to bound work per second. */
  #withinBudget(): boolean {
    const now = this.#now();
    if (now - this.#budgetWindowStart >= 1000 || now < this.#budgetWindowStart) {
      this.#budgetWindowStart = now;
      this.#budgetUsed = 0;
    }
    this.#budgetUsed += 1;
    return this.#budgetUsed <= this.#maxPerSecond;
  }

  #reject(reason: RejectReason, detail: string | undefined): void {
    this.#stats.rejected[reason] = (this.#stats.rejected[reason] ?? 0) + 1;
    this.#options.onReject?.(reason, detail);
  }

  #recordError(message: string): void {
    this.#stats.lastError = { at: this.#now(), message: short(message) };
  }

  #setStatus(status: FeedStatus): void {
    this.#status = status;
    this.#options.onStatus?.(status);
  }

  #guard(action: () => void): void {
    try {
      action();
    } catch (error) {
      this.#recordError(String(error));
    }
  }
}
