import { z } from 'zod';
import type { ShowState } from '../../../../shared/protocol/index.ts';
import type { SettingsRepository } from '../settings/settings-repository.ts';
import type { StateHub } from '../../state/state-hub.ts';

const TITLE_KEY = 'show.title';
export const DEFAULT_SHOW_TITLE = 'Untitled show';

/** The show being run. For now its title; the run-of-show issue brings segments and the live clock. */
export class ShowService {
  readonly #hub: StateHub;
  readonly #settings: SettingsRepository;

  constructor(hub: StateHub, settings: SettingsRepository) {
    this.#hub = hub;
    this.#settings = settings;
  }

  initialState(): ShowState {
    return { title: this.#settings.read(TITLE_KEY, z.string(), DEFAULT_SHOW_TITLE) };
  }

  setTitle(title: string): void {
    this.#settings.write(TITLE_KEY, title);
    this.#hub.set({ show: { ...this.#hub.state.show, title } });
  }
}
