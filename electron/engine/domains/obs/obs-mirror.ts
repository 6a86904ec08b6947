import type { ObsOutput, ObsOutputsState, ObsSceneItem, ObsSourcesState, ObsState } from '../../../../shared/protocol/index.ts';
import type { Logger } from '../../log.ts';
import type { StateHub } from '../../state/state-hub.ts';
import { errorText, isUnknownRequest, type ObsClient } from './obs-client.ts';
import { IDLE_OUTPUT, readAllSceneItems, readInputs, readOutputs, readSceneItems, readScenes, readTransitions } from './obs-read.ts';

export const EMPTY_SOURCES: ObsSourcesState = { sceneItems: {}, inputs: [] };
export const IDLE_OUTPUTS: ObsOutputsState = { stream: IDLE_OUTPUT, record: IDLE_OUTPUT };

/** obs-websocket output states, as carried by StreamStateChanged / RecordStateChanged. */
export function applyOutputState(output: ObsOutput, state: string, active: boolean, now: number, path?: string | null): ObsOutput {
  const transitioning = state === 'OBS_WEBSOCKET_OUTPUT_STARTING' || state === 'OBS_WEBSOCKET_OUTPUT_STOPPING';
  // OBS 29 reports a paused recording as inactive; it is still running and can be resumed or stopped.
  const holding = state === 'OBS_WEBSOCKET_OUTPUT_PAUSED' || state === 'OBS_WEBSOCKET_OUTPUT_RESUMED';
  const next: ObsOutput = { ...output, active: holding || active, transitioning };
  if (state === 'OBS_WEBSOCKET_OUTPUT_STARTED') Object.assign(next, { startedAt: now, pausedAt: null, pausedMs: 0 });
  if (state === 'OBS_WEBSOCKET_OUTPUT_RECONNECTING') next.reconnecting = true;
  if (state === 'OBS_WEBSOCKET_OUTPUT_RECONNECTED' || state === 'OBS_WEBSOCKET_OUTPUT_STARTED') next.reconnecting = false;
  if (state === 'OBS_WEBSOCKET_OUTPUT_PAUSED') Object.assign(next, { paused: true, pausedAt: output.pausedAt ?? now });
  if (state === 'OBS_WEBSOCKET_OUTPUT_RESUMED') {
    next.paused = false;
    next.pausedMs = output.pausedMs + (output.pausedAt === null ? 0 : Math.max(0, now - output.pausedAt));
    next.pausedAt = null;
  }
  if (state === 'OBS_WEBSOCKET_OUTPUT_STARTED') next.paused = false;
  if (state === 'OBS_WEBSOCKET_OUTPUT_STOPPED') {
    Object.assign(next, { startedAt: null, pausedAt: null, pausedMs: 0, reconnecting: false, paused: false });
    if (path) next.lastFile = path;
  }
  return next;
}

/**
 * Keeps Cuedeck's picture of OBS in step with OBS itself: a full read after every (re)connect, then only
 * obs-websocket events (no polling), so a change made in OBS by anyone shows up at once.
 */
export class ObsMirror {
  readonly #hub: StateHub;
  readonly #log: Logger;
  readonly #now: () => number;

  constructor(hub: StateHub, log: Logger, now: () => number = Date.now) {
    this.#hub = hub;
    this.#log = log;
    this.#now = now;
  }

  /** Everything OBS knows that the console shows; runs after every (re)connect. */
  async resync(client: ObsClient, live: () => boolean): Promise<void> {
    const unsupported: string[] = [];
    const optional = async <T>(request: string, read: () => Promise<T>, fallback: T): Promise<T> => {
      try {
        return await read();
      } catch (error) {
        if (!isUnknownRequest(error)) throw error;
        unsupported.push(request);
        return fallback;
      }
    };
    const [scenes, studio, transitions, inputs, outputs] = await Promise.all([
      readScenes(client),
      optional('GetStudioModeEnabled', () => client.call('GetStudioModeEnabled').then((r) => r.studioModeEnabled), false),
      optional('GetSceneTransitionList', () => readTransitions(client), { available: [], current: null, durationMs: null, runningSince: null }),
      readInputs(client),
      readOutputs(client, this.#now(), this.#hub.state.obsOutputs),
    ]);
    const sceneItems = await readAllSceneItems(client, scenes.scenes.map((s) => s.name));
    if (!live()) return;
    this.#setObs({ ...scenes, previewScene: studio ? scenes.previewScene : null, studioMode: studio, transitions, unsupported });
    this.#hub.set({ obsSources: { sceneItems, inputs }, obsOutputs: outputs });
    this.#watch(client, live);
  }

  /** Connection gone: what OBS shows is unknown now; keep the last outputs but mark nothing as live. */
  clear(): void {
    this.#setObs({
      scenes: [],
      programScene: null,
      previewScene: null,
      studioMode: false,
      transitions: { available: [], current: null, durationMs: null, runningSince: null },
    });
    this.#hub.set({ obsSources: EMPTY_SOURCES, obsOutputs: IDLE_OUTPUTS });
  }

  #watch(client: ObsClient, live: () => boolean): void {
    const guard = <A extends unknown[]>(fn: (...args: A) => void | Promise<void>) => (...args: A) => {
      if (!live()) return;
      Promise.resolve(fn(...args)).catch((error: unknown) => this.#log.warn(`Following an OBS event failed: ${errorText(error)}`));
    };
    const refreshScenes = guard(async () => {
      const scenes = await readScenes(client);
      const known = this.#hub.state.obsSources.sceneItems;
      const missing = scenes.scenes.map((s) => s.name).filter((n) => !(n in known));
      const added = await readAllSceneItems(client, missing);
      if (!live()) return;
      const sceneItems = Object.fromEntries(scenes.scenes.map((s) => [s.name, known[s.name] ?? added[s.name] ?? []]));
      const studio = this.#hub.state.obs.studioMode;
      this.#setObs({ ...scenes, previewScene: studio ? scenes.previewScene : null });
      this.#setSources({ sceneItems });
    });
    const refreshItems = guard(async ({ sceneName }: { sceneName: string }) => {
      const items = await readSceneItems(client, sceneName);
      if (live()) this.#setSources({ sceneItems: { ...this.#hub.state.obsSources.sceneItems, [sceneName]: items } });
    });
    const refreshInputs = guard(async () => {
      const inputs = await readInputs(client);
      if (live()) this.#setSources({ inputs });
    });

    client.on('CurrentProgramSceneChanged', guard(({ sceneName }) => this.#setObs({ programScene: sceneName })));
    client.on('CurrentPreviewSceneChanged', guard(({ sceneName }) => this.#setObs({ previewScene: sceneName })));
    client.on(
      'StudioModeStateChanged',
      guard(async ({ studioModeEnabled }) => {
        this.#setObs({ studioMode: studioModeEnabled, previewScene: null });
        if (studioModeEnabled) {
          const { currentPreviewSceneName } = await client.call('GetCurrentPreviewScene');
          if (live()) this.#setObs({ previewScene: currentPreviewSceneName });
        }
      }),
    );
    client.on('SceneListChanged', refreshScenes);
    client.on('SceneCreated', refreshScenes);
    client.on('SceneRemoved', refreshScenes);
    client.on('SceneNameChanged', refreshScenes);
    client.on('SceneItemCreated', refreshItems);
    client.on('SceneItemRemoved', refreshItems);
    client.on('SceneItemListReindexed', refreshItems);
    client.on(
      'SceneItemEnableStateChanged',
      guard(({ sceneName, sceneItemId, sceneItemEnabled }) => {
        const items = this.#hub.state.obsSources.sceneItems[sceneName];
        if (!items) return;
        const next: ObsSceneItem[] = items.map((i) => (i.id === sceneItemId ? { ...i, enabled: sceneItemEnabled } : i));
        this.#setSources({ sceneItems: { ...this.#hub.state.obsSources.sceneItems, [sceneName]: next } });
      }),
    );
    client.on('InputCreated', refreshInputs);
    client.on('InputRemoved', refreshInputs);
    client.on('InputNameChanged', refreshInputs);
    client.on(
      'InputMuteStateChanged',
      guard(({ inputName, inputMuted }) => {
        this.#setSources({ inputs: this.#hub.state.obsSources.inputs.map((i) => (i.name === inputName ? { ...i, muted: inputMuted } : i)) });
      }),
    );
    const transitions = () => this.#hub.state.obs.transitions;
    client.on('CurrentSceneTransitionChanged', guard(({ transitionName }) => this.#setObs({ transitions: { ...transitions(), current: transitionName } })));
    client.on(
      'CurrentSceneTransitionDurationChanged',
      guard(({ transitionDuration }) => this.#setObs({ transitions: { ...transitions(), durationMs: transitionDuration } })),
    );
    client.on('SceneTransitionStarted', guard(() => this.#setObs({ transitions: { ...transitions(), runningSince: this.#now() } })));
    client.on('SceneTransitionEnded', guard(() => this.#setObs({ transitions: { ...transitions(), runningSince: null } })));
    client.on(
      'StreamStateChanged',
      guard(({ outputActive, outputState }) => {
        const outputs = this.#hub.state.obsOutputs;
        this.#hub.set({ obsOutputs: { ...outputs, stream: applyOutputState(outputs.stream, outputState, outputActive, this.#now()) } });
      }),
    );
    client.on(
      'RecordStateChanged',
      guard(({ outputActive, outputState, outputPath }) => {
        const outputs = this.#hub.state.obsOutputs;
        const path = (outputPath as string | null | undefined) ?? null;
        this.#hub.set({ obsOutputs: { ...outputs, record: applyOutputState(outputs.record, outputState, outputActive, this.#now(), path) } });
      }),
    );
  }

  #setObs(changes: Partial<ObsState>): void {
    this.#hub.set({ obs: { ...this.#hub.state.obs, ...changes } });
  }

  #setSources(changes: Partial<ObsSourcesState>): void {
    this.#hub.set({ obsSources: { ...this.#hub.state.obsSources, ...changes } });
  }
}
