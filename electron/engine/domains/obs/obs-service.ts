import OBSWebSocket, { EventSubscription } from 'obs-websocket-js/json';
import type { ObsScene, ObsState, ObsStatus } from '../../../../shared/protocol/index.ts';
import { CommandFailure } from '../../dispatch/command-failure.ts';
import type { StateHub } from '../../state/state-hub.ts';
import type { NoticeBus } from '../../state/notices.ts';
import type { Logger } from '../../log.ts';
import { classifyConnectFailure, reconnectDelayMs } from './obs-errors.ts';
import type { ObsConnectionSettings } from './obs-connection-settings.ts';

const CONNECT_TIMEOUT_MS = 4000;

interface ObsServiceDeps {
  hub: StateHub;
  notices: NoticeBus;
  settings: ObsConnectionSettings;
  log: Logger;
  now?: () => number;
  createClient?: () => OBSWebSocket;
}

interface RawScene {
  sceneName: string;
  sceneUuid?: string;
  sceneIndex: number;
}

/** OBS lists scenes bottom-up (index 0 is the last row in OBS's dock); producers expect OBS's visual order. */
export function scenesInDisplayOrder(raw: readonly RawScene[]): ObsScene[] {
  return [...raw]
    .sort((a, b) => b.sceneIndex - a.sceneIndex)
    .map((s) => (s.sceneUuid ? { name: s.sceneName, uuid: s.sceneUuid } : { name: s.sceneName }));
}

/**
 * Owns the one connection to OBS: connects, classifies failures, reconnects with backoff, mirrors the scene
 * list and program scene into the state hub from obs-websocket events (no polling).
 */
export class ObsService {
  readonly #deps: Required<ObsServiceDeps>;
  #client: OBSWebSocket | null = null;
  /** Bumped on every attempt and disconnect so late events from an abandoned client are ignored. */
  #generation = 0;
  #attempt = 0;
  #retryTimer: NodeJS.Timeout | null = null;

  constructor(deps: ObsServiceDeps) {
    this.#deps = { now: Date.now, createClient: () => new OBSWebSocket(), ...deps };
  }

  initialState(): ObsState {
    const { settings, now } = this.#deps;
    const status: ObsStatus = { phase: 'offline', since: now(), reason: settings.autoConnect ? 'lost' : 'not_configured' };
    return { connection: settings.view(), status, scenes: [], programScene: null };
  }

  /** Start-up: reconnect if the producer had saved settings and not pressed Disconnect. */
  start(): void {
    if (this.#deps.settings.autoConnect) void this.connect();
  }

  async configure(url: string, password: string | null | undefined, connect: boolean): Promise<void> {
    this.#deps.settings.save(url, password);
    this.#publish({ connection: this.#deps.settings.view() });
    if (connect) await this.connect();
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
    this.#publish({ scenes: [], programScene: null });
  }

  async stop(): Promise<void> {
    await this.#drop();
  }

  async setProgramScene(sceneName: string): Promise<void> {
    const client = this.#requireClient();
    try {
      await client.call('SetCurrentProgramScene', { sceneName });
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      this.#deps.notices.publish('error', 'obs.scene_switch_failed', { scene: sceneName, detail });
      throw new CommandFailure('obs_request_failed', `OBS refused to switch to "${sceneName}": ${detail}`);
    }
  }

  #requireClient(): OBSWebSocket {
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
      client.removeAllListeners();
      await client.disconnect().catch(() => undefined);
    }
  }

  async #tryConnect(): Promise<void> {
    await this.#drop();
    const generation = this.#generation;
    const { settings, createClient, now, log } = this.#deps;
    this.#attempt += 1;
    this.#setStatus({ phase: 'connecting', since: now(), attempt: this.#attempt });
    const client = createClient();
    this.#client = client;
    const url = settings.url;
    try {
      const hello = await withTimeout(
        client.connect(url, settings.password, { eventSubscriptions: EventSubscription.General | EventSubscription.Scenes }),
        CONNECT_TIMEOUT_MS,
      );
      if (generation !== this.#generation) return;
      this.#watch(client, generation);
      const [version, sceneList] = await Promise.all([client.call('GetVersion'), client.call('GetSceneList')]);
      if (generation !== this.#generation) return;
      this.#attempt = 0;
      this.#publish({
        scenes: scenesInDisplayOrder(sceneList.scenes as unknown as RawScene[]),
        programScene: sceneList.currentProgramSceneName,
      });
      this.#setStatus({ phase: 'connected', since: now(), obsVersion: version.obsVersion, websocketVersion: hello.obsWebSocketVersion });
      log.info(`OBS connected at ${url} (OBS ${version.obsVersion}, obs-websocket ${hello.obsWebSocketVersion})`);
      this.#deps.notices.publish('info', 'obs.connected', { url });
    } catch (error) {
      if (generation !== this.#generation) return;
      const failure = classifyConnectFailure(error);
      log.warn(`OBS connection to ${url} failed: ${failure.reason} (${failure.detail})`);
      this.#client = null;
      client.removeAllListeners();
      await client.disconnect().catch(() => undefined);
      this.#offline(failure.reason, failure.detail, failure.retry);
    }
  }

  #watch(client: OBSWebSocket, generation: number): void {
    const live = () => generation === this.#generation;
    client.on('CurrentProgramSceneChanged', ({ sceneName }) => {
      if (live()) this.#publish({ programScene: sceneName });
    });
    const refreshScenes = () => {
      if (!live()) return;
      client
        .call('GetSceneList')
        .then((list) => {
          if (live()) this.#publish({ scenes: scenesInDisplayOrder(list.scenes as unknown as RawScene[]), programScene: list.currentProgramSceneName });
        })
        .catch((error: unknown) => this.#deps.log.warn(`Refreshing OBS scenes failed: ${String(error)}`));
    };
    client.on('SceneListChanged', refreshScenes);
    client.on('SceneNameChanged', refreshScenes);
    client.on('ConnectionClosed', (error) => {
      if (!live()) return;
      this.#client = null;
      const failure = classifyConnectFailure(error);
      this.#deps.log.warn(`OBS connection lost: ${failure.detail}`);
      this.#deps.notices.publish('warning', 'obs.connection_lost', { detail: failure.detail });
      this.#attempt = 0;
      this.#offline('lost', failure.detail, true);
    });
  }

  #offline(reason: Extract<ObsStatus, { phase: 'offline' }>['reason'], detail: string, retry: boolean): void {
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
