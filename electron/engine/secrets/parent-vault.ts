import type { EngineToShell, SecretKey } from '../../../shared/protocol/index.ts';
import type { SecretVault } from './secret-vault.ts';

/** Secrets held by the desktop shell: handed over once at start, written back through the parent channel. */
export class ParentSecretVault implements SecretVault {
  readonly #values = new Map<SecretKey, string>();
  readonly #post: (message: EngineToShell) => void;

  constructor(initial: Partial<Record<SecretKey, string>>, post: (message: EngineToShell) => void) {
    for (const [key, value] of Object.entries(initial) as [SecretKey, string | undefined][]) {
      if (value !== undefined) this.#values.set(key, value);
    }
    this.#post = post;
  }

  get(key: SecretKey): string | undefined {
    return this.#values.get(key);
  }

  set(key: SecretKey, value: string | null): void {
    if (value === null) this.#values.delete(key);
    else this.#values.set(key, value);
    this.#post({ type: 'secret.set', key, value });
  }
}
