import { DEFAULT_HEALTH_THRESHOLDS, ObsSetupState } from '../../../../shared/protocol/index.ts';
import type { SettingsRepository } from '../settings/settings-repository.ts';
import type { StateHub } from '../../state/state-hub.ts';

const SETUP_KEY = 'obs.setup';

export const DEFAULT_OBS_SETUP: ObsSetupState = {
  cameraSources: [],
  microphoneInputs: [],
  cameraPresets: [],
  safeScene: null,
  healthThresholds: DEFAULT_HEALTH_THRESHOLDS,
  panic: { active: false, returnTo: null, at: null },
};

/** The producer's OBS setup, persisted on every change (including the panic state, so a restart can undo it). */
export class ObsSetup {
  readonly #hub: StateHub;
  readonly #settings: SettingsRepository;

  constructor(hub: StateHub, settings: SettingsRepository) {
    this.#hub = hub;
    this.#settings = settings;
  }

  load(): ObsSetupState {
    return this.#settings.read(SETUP_KEY, ObsSetupState, DEFAULT_OBS_SETUP);
  }

  get current(): ObsSetupState {
    return this.#hub.state.obsSetup;
  }

  update(changes: Partial<ObsSetupState>): void {
    const next = { ...this.current, ...changes };
    this.#settings.write(SETUP_KEY, next);
    this.#hub.set({ obsSetup: next });
  }
}
