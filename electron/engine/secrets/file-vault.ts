import { chmodSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { SecretKey } from '../../../shared/protocol/index.ts';
import type { SecretVault } from './secret-vault.ts';

const SecretsFile = z.partialRecord(SecretKey, z.string());

/**
 * Secrets for the standalone engine, in a file only the owner can read (0600). Plain text at rest, as any
 * headless service's config; the desktop shell uses the OS keychain instead (see parent-vault.ts).
 */
export class FileSecretVault implements SecretVault {
  readonly #file: string;
  #values: z.infer<typeof SecretsFile>;

  constructor(dataDir: string) {
    this.#file = path.join(dataDir, 'secrets.json');
    this.#values = this.#load();
  }

  #load(): z.infer<typeof SecretsFile> {
    let text: string;
    try {
      text = readFileSync(this.#file, 'utf8');
    } catch {
      return {};
    }
    const parsed = SecretsFile.safeParse(JSON.parse(text));
    if (!parsed.success) throw new Error(`The secrets file ${this.#file} is damaged; delete it and enter the OBS password again.`);
    return parsed.data;
  }

  get(key: SecretKey): string | undefined {
    return this.#values[key];
  }

  set(key: SecretKey, value: string | null): void {
    const next = Object.fromEntries(Object.entries(this.#values).filter(([k]) => k !== key)) as z.infer<typeof SecretsFile>;
    if (value !== null) next[key] = value;
    // Write-then-rename so a crash never leaves half a file.
    const tmp = `${this.#file}.tmp`;
    writeFileSync(tmp, JSON.stringify(next), { mode: 0o600 });
    chmodSync(tmp, 0o600);
    renameSync(tmp, this.#file);
    this.#values = next;
  }
}
