/**
 * Secrets (e.g. the OBS websocket password) encrypted with the OS keychain through Electron's safeStorage.
 * The storage and safeStorage are injected so this stays testable without Electron.
 */
import { SecretKey } from '../../shared/protocol/launcher.ts';
import type { ShellLogger } from './log.ts';

export type SecretWriteResult = { ok: true } | { ok: false; reason: string };

/** The part of Electron's safeStorage this module needs. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only in Electron; absent elsewhere. */
  getSelectedStorageBackend?(): string;
}

/** Persists the base64 ciphertext per key (the settings store implements it). */
export interface EncryptedSecretStorage {
  getEncryptedSecret(key: SecretKey): string | undefined;
  setEncryptedSecret(key: SecretKey, base64: string | undefined): void;
}

export class SecretStore {
  readonly #safe: SafeStorageLike;
  readonly #storage: EncryptedSecretStorage;
  readonly #log: ShellLogger;

  constructor(safeStorage: SafeStorageLike, storage: EncryptedSecretStorage, log: ShellLogger = console) {
    this.#safe = safeStorage;
    this.#storage = storage;
    this.#log = log;
  }

  /** Why secrets cannot be encrypted right now, or undefined when they can. */
  unavailableReason(): string | undefined {
    if (!this.#safe.isEncryptionAvailable()) return 'OS-level encryption is not available on this system';
    // Without a keyring Linux falls back to a hard-coded key: that is plaintext with extra steps.
    if (this.#safe.getSelectedStorageBackend?.() === 'basic_text') {
      return 'no system keyring is available (install and unlock GNOME Keyring or KWallet)';
    }
    return undefined;
  }

  get(key: SecretKey): string | undefined {
    const stored = this.#storage.getEncryptedSecret(key);
    if (stored === undefined) return undefined;
    if (!this.#safe.isEncryptionAvailable()) return undefined;
    try {
      return this.#safe.decryptString(Buffer.from(stored, 'base64'));
    } catch (error) {
      // Typically the keychain entry changed (new OS user profile); the user has to enter it again.
      this.#log.warn(`[secrets] could not decrypt ${key}`, error);
      return undefined;
    }
  }

  /** Stores `value` encrypted, or forgets the key when `value` is null. Never stores plaintext. */
  set(key: SecretKey, value: string | null): SecretWriteResult {
    if (value === null) {
      // Forgetting needs no encryption, so it always works.
      this.#storage.setEncryptedSecret(key, undefined);
      return { ok: true };
    }
    const reason = this.unavailableReason();
    if (reason !== undefined) return { ok: false, reason };
    try {
      this.#storage.setEncryptedSecret(key, this.#safe.encryptString(value).toString('base64'));
      return { ok: true };
    } catch (error) {
      return { ok: false, reason: error instanceof Error ? error.message : String(error) };
    }
  }

  /** Every secret that can be decrypted, for handing to a fresh engine. */
  getAll(): Partial<Record<SecretKey, string>> {
    const values: Partial<Record<SecretKey, string>> = {};
    for (const key of SecretKey.options) {
      const value = this.get(key);
      if (value !== undefined) values[key] = value;
    }
    return values;
  }
}
