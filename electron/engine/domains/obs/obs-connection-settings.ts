import { z } from 'zod';
import type { ObsConnectionView } from '../../../../shared/protocol/index.ts';
import type { SettingsRepository } from '../settings/settings-repository.ts';
import type { SecretVault } from '../../secrets/secret-vault.ts';

const URL_KEY = 'obs.url';
const AUTO_CONNECT_KEY = 'obs.autoConnect';
export const DEFAULT_OBS_URL = 'ws://127.0.0.1:4455';

/** The OBS URL and the wish to be connected live in the database; the password only in the secret vault. */
export class ObsConnectionSettings {
  readonly #settings: SettingsRepository;
  readonly #vault: SecretVault;

  constructor(settings: SettingsRepository, vault: SecretVault) {
    this.#settings = settings;
    this.#vault = vault;
  }

  get url(): string {
    return this.#settings.read(URL_KEY, z.string(), DEFAULT_OBS_URL);
  }

  /** True once the producer saved settings, until they press Disconnect. */
  get autoConnect(): boolean {
    return this.#settings.read(AUTO_CONNECT_KEY, z.boolean(), false);
  }

  set autoConnect(value: boolean) {
    this.#settings.write(AUTO_CONNECT_KEY, value);
  }

  get password(): string | undefined {
    return this.#vault.get('obs.password');
  }

  save(url: string, password: string | null | undefined): void {
    this.#settings.write(URL_KEY, url);
    if (password !== undefined) this.#vault.set('obs.password', password === '' ? null : password);
  }

  view(): ObsConnectionView {
    return { url: this.url, hasPassword: this.password !== undefined };
  }
}
