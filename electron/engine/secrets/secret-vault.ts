import type { SecretKey } from '../../../shared/protocol/index.ts';

/**
 * Where secrets (the OBS password) live. Standalone: a private file in the data dir. Under the desktop shell:
 * the shell keeps them encrypted with the OS keychain (safeStorage) and hands them over at start.
 */
export interface SecretVault {
  get(key: SecretKey): string | undefined;
  set(key: SecretKey, value: string | null): void;
}
