import type { OBSRequestTypes, OBSResponseTypes } from 'obs-websocket-js/json';
import type { CameraPreset, Command } from '../../../../shared/protocol/index.ts';
import { CommandFailure } from '../../dispatch/command-failure.ts';
import type { NoticeBus } from '../../state/notices.ts';
import type { StateHub } from '../../state/state-hub.ts';
import { errorText, isUnknownRequest, type ObsClient } from './obs-client.ts';
import type { ObsSetup } from './obs-setup.ts';

type Cmd<T extends Command['type']> = Extract<Command, { type: T }>;

interface ControlsDeps {
  hub: StateHub;
  setup: ObsSetup;
  notices: NoticeBus;
  requireClient: () => ObsClient;
  now?: () => number;
}

/** What the producer does to OBS. Each method is one command; refusals say exactly why. */
const RECORD_REQUESTS = { start: 'StartRecord', stop: 'StopRecord', pause: 'PauseRecord', resume: 'ResumeRecord' } as const;

export class ObsControls {
  readonly #deps: Required<ControlsDeps>;

  constructor(deps: ControlsDeps) {
    this.#deps = { now: Date.now, ...deps };
  }

  /** One OBS request with its failure turned into a refusal the sender can read. */
  async #call<T extends keyof OBSRequestTypes>(type: T, data?: OBSRequestTypes[T]): Promise<OBSResponseTypes[T]> {
    const client = this.#deps.requireClient();
    try {
      return await client.call(type, data);
    } catch (error) {
      if (isUnknownRequest(error)) throw new CommandFailure('obs_unsupported', `This OBS does not support ${type}; update OBS / obs-websocket.`);
      throw new CommandFailure('obs_request_failed', `OBS refused ${type}: ${errorText(error)}`);
    }
  }

  get #obs() {
    return this.#deps.hub.state.obs;
  }

  #requireScene(sceneName: string): void {
    if (!this.#obs.scenes.some((s) => s.name === sceneName)) throw new CommandFailure('not_found', `OBS has no scene named "${sceneName}"`);
  }

  async setProgramScene(sceneName: string): Promise<void> {
    this.#deps.requireClient();
    try {
      await this.#call('SetCurrentProgramScene', { sceneName });
    } catch (error) {
      if (error instanceof CommandFailure) this.#deps.notices.publish('error', 'obs.scene_switch_failed', { scene: sceneName, detail: error.message });
      throw error;
    }
  }

  async selectSceneNumber({ number }: Cmd<'obs.selectSceneNumber'>): Promise<void> {
    this.#deps.requireClient();
    const scene = this.#obs.scenes[number - 1];
    if (!scene) throw new CommandFailure('not_found', `There is no scene number ${number} (OBS has ${this.#obs.scenes.length})`);
    if (this.#obs.studioMode) await this.setPreviewScene(scene.name);
    else await this.setProgramScene(scene.name);
  }

  async setPreviewScene(sceneName: string): Promise<void> {
    this.#deps.requireClient();
    if (!this.#obs.studioMode) throw new CommandFailure('conflict', 'The preview scene exists only in studio mode; turn studio mode on first.');
    await this.#call('SetCurrentPreviewScene', { sceneName });
  }

  async setStudioMode(enabled: boolean): Promise<void> {
    await this.#call('SetStudioModeEnabled', { studioModeEnabled: enabled });
  }

  async take(): Promise<void> {
    this.#deps.requireClient();
    if (!this.#obs.studioMode) throw new CommandFailure('conflict', 'Take needs studio mode: without it, scene clicks go straight to program.');
    await this.#call('TriggerStudioModeTransition');
  }

  async setTransition({ name, durationMs }: Cmd<'obs.setTransition'>): Promise<void> {
    this.#deps.requireClient();
    if (!this.#obs.transitions.available.includes(name)) throw new CommandFailure('not_found', `OBS has no transition named "${name}"`);
    await this.#call('SetCurrentSceneTransition', { transitionName: name });
    if (durationMs !== undefined) await this.#call('SetCurrentSceneTransitionDuration', { transitionDuration: durationMs });
  }

  async setSceneItemEnabled({ sceneName, sceneItemId, enabled }: Cmd<'obs.setSceneItemEnabled'>): Promise<void> {
    await this.#call('SetSceneItemEnabled', { sceneName, sceneItemId, sceneItemEnabled: enabled });
  }

  async setInputMute({ inputName, muted }: Cmd<'obs.setInputMute'>): Promise<void> {
    await this.#call('SetInputMute', { inputName, inputMuted: muted });
  }

  async stream({ action }: Cmd<'obs.stream'>): Promise<void> {
    const active = this.#deps.hub.state.obsOutputs.stream.active;
    if (action === 'start' && active) throw new CommandFailure('conflict', 'The stream is already live.');
    if (action === 'stop' && !active) throw new CommandFailure('conflict', 'The stream is not live.');
    await this.#call(action === 'start' ? 'StartStream' : 'StopStream');
  }

  async record({ action }: Cmd<'obs.record'>): Promise<void> {
    const { active, paused } = this.#deps.hub.state.obsOutputs.record;
    if (action === 'start' && active) throw new CommandFailure('conflict', 'OBS is already recording.');
    if (action !== 'start' && !active) throw new CommandFailure('conflict', 'OBS is not recording.');
    if (action === 'pause' && paused) throw new CommandFailure('conflict', 'The recording is already paused.');
    if (action === 'resume' && !paused) throw new CommandFailure('conflict', 'The recording is not paused.');
    await this.#call(RECORD_REQUESTS[action]);
    // obs-websocket answers success even when the output cannot pause; ask OBS whether it did.
    if (action === 'pause' && !(await this.#call('GetRecordStatus')).outputPaused) {
      throw new CommandFailure(
        'obs_request_failed',
        'OBS kept recording: this recording setup cannot pause. In OBS, Settings → Output → Recording Quality must not be "Same as stream" (Simple mode), or the recording needs an encoder of its own (Advanced mode).',
      );
    }
  }

  /** Cut to the safe scene; a second panic keeps the first return point, so undo always goes back to the show. */
  async panic(): Promise<void> {
    this.#deps.requireClient();
    const { safeScene, panic } = this.#deps.setup.current;
    if (!safeScene) throw new CommandFailure('conflict', 'No safe (BRB) scene is set; choose one in Settings → OBS.');
    this.#requireScene(safeScene);
    const program = this.#obs.programScene;
    const returnTo = panic.active ? panic.returnTo : program !== safeScene ? program : null;
    // Recorded before the cut, so an undo pressed the instant the cut lands is never refused; undone on failure.
    this.#deps.setup.update({ panic: { active: true, returnTo, at: this.#deps.now() } });
    try {
      await this.#call('SetCurrentProgramScene', { sceneName: safeScene });
    } catch (error) {
      this.#deps.setup.update({ panic });
      throw error;
    }
    this.#deps.notices.publish('warning', 'obs.panic', { scene: safeScene });
  }

  async panicUndo(): Promise<void> {
    this.#deps.requireClient();
    const { panic } = this.#deps.setup.current;
    if (!panic.active) throw new CommandFailure('conflict', 'There is no panic to undo.');
    if (panic.returnTo) {
      this.#requireScene(panic.returnTo);
      await this.#call('SetCurrentProgramScene', { sceneName: panic.returnTo });
    }
    this.#deps.setup.update({ panic: { active: false, returnTo: null, at: null } });
  }

  #preset(presetId: string): CameraPreset {
    const preset = this.#deps.setup.current.cameraPresets.find((p) => p.id === presetId);
    if (!preset) throw new CommandFailure('not_found', `There is no camera preset "${presetId}"`);
    return preset;
  }

  /** Set the cameras' visibility first, then cut, so the picture never shows the wrong camera. */
  async applyCameraPreset(presetId: string): Promise<void> {
    this.#deps.requireClient();
    const preset = this.#preset(presetId);
    this.#requireScene(preset.sceneName);
    const items = this.#deps.hub.state.obsSources.sceneItems[preset.sceneName] ?? [];
    for (const [sourceName, enabled] of Object.entries(preset.visibility)) {
      const item = items.find((i) => i.sourceName === sourceName);
      if (!item) throw new CommandFailure('not_found', `Scene "${preset.sceneName}" has no source "${sourceName}" (preset "${preset.name}")`);
      if (item.enabled !== enabled) await this.#call('SetSceneItemEnabled', { sceneName: preset.sceneName, sceneItemId: item.id, sceneItemEnabled: enabled });
    }
    await this.#call('SetCurrentProgramScene', { sceneName: preset.sceneName });
  }

  async applyCameraPresetNumber(number: number): Promise<void> {
    const preset = this.#deps.setup.current.cameraPresets[number - 1];
    if (!preset) throw new CommandFailure('not_found', `There is no camera preset number ${number}`);
    await this.applyCameraPreset(preset.id);
  }

  updateSetup(command: Cmd<'obs.updateSetup'>): void {
    const { type, ...changes } = command;
    const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    this.#deps.setup.update(defined);
  }

  /**
   * Save a preset; with `capture`, record the visibility of the scene's cameras as OBS shows them now (every
   * source when none is marked as a camera), so applying it never flips overlays.
   */
  savePreset({ preset, capture }: Cmd<'obs.savePreset'>): void {
    let visibility = preset.visibility;
    if (capture) {
      const items = this.#deps.hub.state.obsSources.sceneItems[preset.sceneName];
      if (!items) throw new CommandFailure('not_found', `OBS has no scene named "${preset.sceneName}" (or Cuedeck is not connected)`);
      const cameras = new Set(this.#deps.setup.current.cameraSources);
      const captured = items.some((i) => cameras.has(i.sourceName)) ? items.filter((i) => cameras.has(i.sourceName)) : items;
      visibility = Object.fromEntries(captured.map((i) => [i.sourceName, i.enabled]));
    }
    const presets = this.#deps.setup.current.cameraPresets;
    const saved = { ...preset, visibility };
    const exists = presets.some((p) => p.id === preset.id);
    this.#deps.setup.update({ cameraPresets: exists ? presets.map((p) => (p.id === preset.id ? saved : p)) : [...presets, saved] });
  }

  deletePreset(presetId: string): void {
    this.#preset(presetId);
    this.#deps.setup.update({ cameraPresets: this.#deps.setup.current.cameraPresets.filter((p) => p.id !== presetId) });
  }
}
