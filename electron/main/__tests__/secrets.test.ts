import { describe, expect, it, vi } from 'vitest';
import { SecretStore } from '../secrets.ts';
import type { SafeStorageLike } from '../secrets.ts';
import { SettingsStore, createMemorySettingsBackend } from '../settings-store.ts';

/** Reversible stand-in for safeStorage: XOR with a key, so ciphertext never contains the plaintext. */
function fakeSafeStorage(options: { available: boolean; backend?: string }) {
  const xor = (bytes: Buffer) => Buffer.from(bytes.map((b) => b ^ 0x5a));
  const safe = {
    isEncryptionAvailable: vi.fn(() => options.available),
    encryptString: vi.fn((plain: string) => Buffer.concat([Buffer.from('v10'), xor(Buffer.from(plain, 'utf8'))])),
    decryptString: vi.fn((encrypted: Buffer) => {
      if (encrypted.subarray(0, 3).toString() !== 'v10') throw new Error('Error while decrypting the ciphertext provided');
      return xor(encrypted.subarray(3)).toString('utf8');
    }),
    getSelectedStorageBackend: vi.fn(() => options.backend ?? 'gnome_libsecret'),
  } satisfies SafeStorageLike;
  return safe;
}

function setup(options: { available: boolean; backend?: string }, initial: Parameters<typeof createMemorySettingsBackend>[0] = {}) {
  const backend = createMemorySettingsBackend(initial);
  const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  const safe = fakeSafeStorage(options);
  const store = new SecretStore(safe, new SettingsStore(backend, log), log);
  return { store, backend, safe, log };
}

describe('SecretStore', () => {
  it('round-trips a secret when encryption is available, storing only ciphertext', () => {
    const { store, backend } = setup({ available: true });
    expect(store.set('obs.password', 'hunter2 密码')).toEqual({ ok: true });
    expect(store.get('obs.password')).toBe('hunter2 密码');
    expect(store.getAll()).toEqual({ 'obs.password': 'hunter2 密码' });

    const persisted = JSON.stringify(backend.data.get('secrets'));
    expect(persisted).not.toContain('hunter2');
    const stored = (backend.data.get('secrets') as Record<string, string>)['obs.password'];
    expect(stored).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(stored ?? '', 'base64').toString('utf8')).not.toContain('hunter2');
  });

  it('refuses to store when encryption is unavailable and writes nothing', () => {
    const { store, backend, safe } = setup({ available: false });
    const result = store.set('obs.password', 'hunter2');
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.reason).toMatch(/encryption is not available/);
    expect(safe.encryptString).not.toHaveBeenCalled();
    expect(backend.data.has('secrets')).toBe(false);
    expect(store.get('obs.password')).toBeUndefined();
  });

  it('refuses the Linux basic_text fallback, which is not real encryption', () => {
    const { store, backend } = setup({ available: true, backend: 'basic_text' });
    const result = store.set('obs.password', 'hunter2');
    expect(result.ok === false && result.reason).toMatch(/keyring/);
    expect(backend.data.has('secrets')).toBe(false);
  });

  it('works where getSelectedStorageBackend does not exist (macOS, Windows)', () => {
    const backend = createMemorySettingsBackend();
    const safe: SafeStorageLike = { ...fakeSafeStorage({ available: true }) };
    delete safe.getSelectedStorageBackend;
    const store = new SecretStore(safe, new SettingsStore(backend));
    expect(store.set('obs.password', 'x')).toEqual({ ok: true });
    expect(store.get('obs.password')).toBe('x');
  });

  it('forgets a secret on null, even without encryption', () => {
    const { store, backend } = setup({ available: true });
    store.set('obs.password', 'hunter2');
    const noEncryption = new SecretStore(fakeSafeStorage({ available: false }), new SettingsStore(backend));
    expect(noEncryption.set('obs.password', null)).toEqual({ ok: true });
    expect(store.get('obs.password')).toBeUndefined();
    expect(backend.data.get('secrets')).toEqual({});
  });

  it('returns undefined and logs when a stored secret cannot be decrypted', () => {
    const { store, log } = setup({ available: true }, { secrets: { 'obs.password': Buffer.from('garbage').toString('base64') } });
    expect(store.get('obs.password')).toBeUndefined();
    expect(store.getAll()).toEqual({});
    expect(log.warn).toHaveBeenCalled();
  });

  it('reports an encryption failure instead of throwing', () => {
    const { store, safe, backend } = setup({ available: true });
    safe.encryptString.mockImplementationOnce(() => {
      throw new Error('keychain access denied');
    });
    expect(store.set('obs.password', 'x')).toEqual({ ok: false, reason: 'keychain access denied' });
    expect(backend.data.has('secrets')).toBe(false);
  });
});
