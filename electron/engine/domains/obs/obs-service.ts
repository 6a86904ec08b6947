import type { EngineState, ObsHealthSample, Thumbnail, ThumbnailTarget } from '../../../../shared/protocol/index.ts';
import { CommandFailure } from '../../dispatch/command-failure.ts';
import type { CommandHandlers } from '../../dispatch/dispatcher.ts';
import type { Logger } from '../../log.ts';
import type { NoticeBus } from '../../state/notices.ts';
import type { StateHub } from '../../state/state-hub.ts';
import type { SettingsRepository } from '../settings/settings-repository.ts';
import type { ObsClient } from './obs-client.ts';
import { ObsConnection } from './obs-connection.ts';
import type { ObsConnectionSettings } from './obs-connection-settings.ts';
import { ObsControls } from './obs-controls.ts';
import { HealthSampler, UNKNOWN_HEALTH } from './obs-health.ts';
import { EMPTY_SOURCES, IDLE_OUTPUTS, ObsMirror } from './obs-mirror.ts';
import { DEFAULT_OBS_SETUP, ObsSetup } from './obs-setup.ts';
import { ThumbnailFeed } from './obs-thumbnails.ts';

type ObsSlices = Pick<EngineState, 'obs' | 'obsSources' | 'obsOutputs' | 'obsHealth' | 'obsSetup'>;
type ObsCommandType = Extract<keyof CommandHandlers, `obs.${string}`>;

interface ObsServiceDeps {
  hub: StateHub;
  notices: NoticeBus;
  connectionSettings: ObsConnectionSettings;
  settings: SettingsRepository;
  log: Logger;
  publishThumbnail: (thumbnail: Thumbnail) => void;
  onHealthSample?: (sample: ObsHealthSample) => void;
  createClient?: () => ObsClient;
}

/** The OBS domain assembled: connection, mirror of OBS's state, controls, health and thumbnails. */
export class ObsService {
  readonly #deps: ObsServiceDeps;
  readonly #connection: ObsConnection;
  readonly #mirror: ObsMirror;
  readonly #setup: ObsSetup;
  readonly #controls: ObsControls;
  readonly #thumbnails: ThumbnailFeed;
  #client: ObsClient | null = null;
  #sampler: HealthSampler | null = null;

  constructor(deps: ObsServiceDeps) {
    this.#deps = deps;
    const { hub, log } = deps;
    this.#mirror = new ObsMirror(hub, log);
    this.#setup = new ObsSetup(hub, deps.settings);
    this.#connection = new ObsConnection({
      hub,
      notices: deps.notices,
      settings: deps.connectionSettings,
      log,
      ...(deps.createClient ? { createClient: deps.createClient } : {}),
      hooks: {
        onConnected: async (client, live) => {
          await this.#mirror.resync(client, live);
          if (!live()) return;
          this.#client = client;
          this.#startSampler(client);
        },
        onDisconnected: () => {
          this.#client = null;
          this.#sampler?.stop();
          this.#sampler = null;
          this.#mirror.clear();
          hub.set({ obsHealth: UNKNOWN_HEALTH });
        },
      },
    });
    this.#controls = new ObsControls({ hub, setup: this.#setup, notices: deps.notices, requireClient: () => this.#connection.requireClient() });
    this.#thumbnails = new ThumbnailFeed({ hub, client: () => this.#client, publish: deps.publishThumbnail, log });
  }

  /** Valid empty slices, for building the state hub before the service exists. */
  static placeholderSlices(): ObsSlices {
    return {
      obs: {
        connection: { url: '', hasPassword: false },
        status: { phase: 'offline', since: 0, reason: 'not_configured' },
        scenes: [],
        programScene: null,
        studioMode: false,
        previewScene: null,
        transitions: { available: [], current: null, durationMs: null, runningSince: null },
        unsupported: [],
      },
      obsSources: EMPTY_SOURCES,
      obsOutputs: IDLE_OUTPUTS,
      obsHealth: UNKNOWN_HEALTH,
      obsSetup: DEFAULT_OBS_SETUP,
    };
  }

  initialSlices(): ObsSlices {
    const placeholder = ObsService.placeholderSlices();
    return {
      ...placeholder,
      obs: { ...placeholder.obs, connection: this.#deps.connectionSettings.view(), status: this.#connection.initialStatus() },
      obsSetup: this.#setup.load(),
    };
  }

  start(): void {
    this.#connection.start();
  }

  async stop(): Promise<void> {
    this.#thumbnails.stop();
    await this.#connection.stop();
  }

  setThumbnailDemand(targets: ReadonlySet<ThumbnailTarget>): void {
    this.#thumbnails.setDemand(targets);
  }

  #startSampler(client: ObsClient): void {
    const { hub, log } = this.#deps;
    this.#sampler = new HealthSampler({
      client,
      log,
      now: Date.now,
      outputs: () => hub.state.obsOutputs,
      thresholds: () => hub.state.obsSetup.healthThresholds,
      publish: (obsHealth) => hub.set({ obsHealth }),
      ...(this.#deps.onHealthSample ? { onSample: this.#deps.onHealthSample } : {}),
    });
    this.#sampler.start();
  }

  /** A segment's look: its camera preset (which names its scene) or else its scene. */
  async applySegmentLook(sceneName: string | null, cameraPresetId: string | null): Promise<void> {
    if (cameraPresetId) await this.#controls.applyCameraPreset(cameraPresetId);
    else if (sceneName) await this.#controls.setProgramScene(sceneName);
  }

  /** Show or hide a source by name (cues name sources, OBS wants item ids). */
  async setSourceVisible(sceneName: string, sourceName: string, enabled: boolean): Promise<void> {
    const item = this.#deps.hub.state.obsSources.sceneItems[sceneName]?.find((i) => i.sourceName === sourceName);
    if (!item) throw new CommandFailure('not_found', `Scene "${sceneName}" has no source "${sourceName}"`);
    await this.#controls.setSceneItemEnabled({ type: 'obs.setSceneItemEnabled', sceneName, sceneItemId: item.id, enabled });
  }

  /** The obs.* part of the dispatcher's handler map. */
  handlers(): Pick<CommandHandlers, ObsCommandType> {
    const c = this.#controls;
    const connection = this.#connection;
    return {
      'obs.configure': async ({ url, password, connect }) => {
        await connection.configure(url, password);
        // Answer once saved; the connection's progress arrives as status patches.
        if (connect) void connection.connect();
      },
      'obs.connect': () => void connection.connect(),
      'obs.disconnect': () => connection.disconnect(),
      'obs.setProgramScene': ({ sceneName }) => c.setProgramScene(sceneName),
      'obs.selectSceneNumber': (cmd) => c.selectSceneNumber(cmd),
      'obs.setPreviewScene': ({ sceneName }) => c.setPreviewScene(sceneName),
      'obs.setStudioMode': ({ enabled }) => c.setStudioMode(enabled),
      'obs.take': () => c.take(),
      'obs.setTransition': (cmd) => c.setTransition(cmd),
      'obs.setSceneItemEnabled': (cmd) => c.setSceneItemEnabled(cmd),
      'obs.setInputMute': (cmd) => c.setInputMute(cmd),
      'obs.stream': (cmd) => c.stream(cmd),
      'obs.record': (cmd) => c.record(cmd),
      'obs.panic': () => c.panic(),
      'obs.panicUndo': () => c.panicUndo(),
      'obs.applyCameraPreset': ({ presetId }) => c.applyCameraPreset(presetId),
      'obs.applyCameraPresetNumber': ({ number }) => c.applyCameraPresetNumber(number),
      'obs.updateSetup': (cmd) => c.updateSetup(cmd),
      'obs.savePreset': (cmd) => c.savePreset(cmd),
      'obs.deletePreset': ({ presetId }) => c.deletePreset(presetId),
    };
  }
}
