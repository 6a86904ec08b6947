import OBSWebSocket, { EventSubscription } from 'obs-websocket-js/json';
import type { ObsOfflineReason, ObsState, ObsStatus } from '../../../../shared/protocol/index.ts';
import { CommandFailure } from '../../dispatch/command-failure.ts';
import type { Logger } from '../../log.ts';
import type { NoticeBus } from '../../state/notices.ts';
import type { StateHub } from '../../state/state-hub.ts';
import type { ObsClient } from './obs-client.ts';
import type { ObsConnectionSettings } from './obs-connection-settings.ts';
import { classifyConnectFailure, reconnectDelayMs } from './obs-errors.ts';

const CONNECT_TIMEOUT_MS = 4000;

export interface ConnectionHooks {
  /** Runs after authentication; a throw counts as a failed attempt. `live()` turns false once this client is abandoned. */
  onConnected(client: ObsClient, live: () => boolean): Promise<void>;
  onDisconnected(): void;
}

export interface ObsConnectionDeps {
  hub: StateHub;
  notices: NoticeBus;
  settings: ObsConnectionSettings;
  log: Logger;
  hooks: ConnectionHooks;
  now?: () => number;
  createClient?: () => ObsClient;
}

/**
 * Owns the one link to OBS: connects, classifies failures so the producer knows what to fix, and reconnects
 * with a short backoff so a restarted OBS is back in the console within seconds. A wrong password is not retried.
 */
export class ObsConnection {
  readonly #deps: Required<ObsConnectionDeps>;
  #client: ObsClient | null = null;
  /** Bumped on every attempt and disconnect so late events from an abandoned client are ignored. */
  #generation = 0;
  #attempt = 0;
  #retryTimer: NodeJS.Timeout | null = null;

  constructor(deps: ObsConnectionDeps) {
    this.#deps = { now: Date.now, createClient: () => new OBSWebSocket(), ...deps };
  }

  initialStatus(): ObsStatus {
    return { phase: 'offline', since: this.#deps.now(), reason: this.#deps.settings.autoConnect ? 'lost' : 'not_configured' };
  }

  /** Start-up: reconnect if the producer had saved settings and not pressed Disconnect. */
  start(): void {
    if (this.#deps.settings.autoConnect) void this.connect();
  }

  async configure(url: string, password: string | null | undefined): Promise<void> {
    this.#deps.settings.save(url, password);
    this.#publish({ connection: this.#deps.settings.view() });
  }

  /** A manual connect: starts a fresh backoff sequence. Resolves once the first attempt has settled. */
  async connect(): Promise<void> {
    this.#deps.settings.autoConnect = true;
    this.#attempt = 0;
    await this.#tryConnect();
  }

  async disconnect(): Promise<void> {
    this.#deps.settings.autoConnect = false;
    await this.#drop();
    this.#setStatus({ phase: 'offline', since: this.#deps.now(), reason: 'closed_by_user' });
  }

  async stop(): Promise<void> {
    await this.#drop();
  }

  /** The connected client, or a refusal the command's sender understands. */
  requireClient(): ObsClient {
    const client = this.#client;
    if (!client || this.#deps.hub.state.obs.status.phase !== 'connected') {
      throw new CommandFailure('obs_not_connected', 'Not connected to OBS');
    }
    return client;
  }

  async #drop(): Promise<void> {
    this.#generation += 1;
    if (this.#retryTimer) clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
    const client = this.#client;
    this.#client = null;
    if (client) {
      this.#deps.hooks.onDisconnected();
      client.removeAllListeners();
      await client.disconnect().catch(() => undefined);
    }
  }

  async #tryConnect(): Promise<void> {
    await this.#drop();
    const generation = this.#generation;
    const live = () => generation === this.#generation;
    const { settings, createClient, now, log } = this.#deps;
    this.#attempt += 1;
    this.#setStatus({ phase: 'connecting', since: now(), attempt: this.#attempt });
    const client = createClient();
    this.#client = client;
    const url = settings.url;
    try {
      // All events except the high-volume ones (volume meters, active-state floods).
      const hello = await withTimeout(client.connect(url, settings.password, { eventSubscriptions: EventSubscription.All }), CONNECT_TIMEOUT_MS);
      if (!live()) return;
      client.on('ConnectionClosed', (error) => this.#lost(error, live));
      const [version] = await Promise.all([client.call('GetVersion'), this.#deps.hooks.onConnected(client, live)]);
      if (!live()) return;
      this.#attempt = 0;
      this.#setStatus({ phase: 'connected', since: now(), obsVersion: version.obsVersion, websocketVersion: hello.obsWebSocketVersion });
      log.info(`OBS connected at ${url} (OBS ${version.obsVersion}, obs-websocket ${hello.obsWebSocketVersion})`);
      this.#deps.notices.publish('info', 'obs.connected', { url });
    } catch (error) {
      if (!live()) return;
      const failure = classifyConnectFailure(error);
      log.warn(`OBS connection to ${url} failed: ${failure.reason} (${failure.detail})`);
      await this.#drop();
      this.#offline(failure.reason, failure.detail, failure.retry);
    }
  }

  #lost(error: unknown, live: () => boolean): void {
    if (!live()) return;
    const failure = classifyConnectFailure(error);
    this.#deps.log.warn(`OBS connection lost: ${failure.detail}`);
    this.#deps.notices.publish('warning', 'obs.connection_lost', { detail: failure.detail });
    void this.#drop().then(() => {
      this.#attempt = 0;
      this.#offline('lost', failure.detail, true);
    });
  }

  #offline(reason: ObsOfflineReason, detail: string, retry: boolean): void {
    const now = this.#deps.now();
    if (!retry) {
      this.#setStatus({ phase: 'offline', since: now, reason, detail });
      return;
    }
    const delay = reconnectDelayMs(this.#attempt || 1);
    this.#setStatus({ phase: 'offline', since: now, reason, detail, nextRetryAt: now + delay });
    const generation = this.#generation;
    this.#retryTimer = setTimeout(() => {
      if (generation === this.#generation) void this.#tryConnect();
    }, delay);
  }

  #setStatus(status: ObsStatus): void {
    this.#publish({ status });
  }

  #publish(changes: Partial<ObsState>): void {
    this.#deps.hub.set({ obs: { ...this.#deps.hub.state.obs, ...changes } });
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
