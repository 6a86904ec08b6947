/**
 * Shell settings: window bounds, preferences and encrypted secrets. electron-store does the file I/O
 * behind the small SettingsBackend interface; everything read back is validated with zod because the file
 * is user-editable and may come from an older or newer version.
 */
import { z } from 'zod';
import { SecretKey } from '../../shared/protocol/launcher.ts';
import type { EncryptedSecretStorage } from './secrets.ts';
import type { ShellLogger } from './log.ts';

export const WindowName = z.enum(['producer', 'streamer']);
export type WindowName = z.infer<typeof WindowName>;

export const WindowBounds = z.object({
  x: z.number(),
  y: z.number(),
  width: z.number().positive(),
  height: z.number().positive(),
  maximized: z.boolean().optional(),
});
export type WindowBounds = z.infer<typeof WindowBounds>;

export const Language = z.enum(['zh-CN', 'en']);
export type Language = z.infer<typeof Language>;

export const DEFAULT_ENGINE_PORT = 7480;

export const Preferences = z.object({
  /** Electron display id for the streamer window; unset: the first display that is not the primary one. */
  streamerDisplayId: z.number().int().optional(),
  enginePort: z.number().int().min(1).max(65535),
  /** Serve the UI on the LAN (the engine then requires its token). */
  lan: z.boolean(),
  /** Unset: follow the OS locale. */
  language: Language.optional(),
});
export type Preferences = z.infer<typeof Preferences>;

export const DEFAULT_PREFERENCES: Preferences = { enginePort: DEFAULT_ENGINE_PORT, lan: false };

/** Per-field fallback so one bad value does not reset every preference. */
const LenientPreferences = z.object({
  streamerDisplayId: Preferences.shape.streamerDisplayId.catch(undefined),
  enginePort: Preferences.shape.enginePort.catch(DEFAULT_PREFERENCES.enginePort),
  lan: Preferences.shape.lan.catch(DEFAULT_PREFERENCES.lan),
  language: Preferences.shape.language.catch(undefined),
});

/** base64 of `safeStorage.encryptString` output, per secret. */
export const EncryptedSecrets = z.partialRecord(SecretKey, z.base64());

export type SettingsSection = 'windows' | 'preferences' | 'secrets';

/** Raw key/value persistence; electron-store in the app, a Map in tests. */
export interface SettingsBackend {
  get(section: SettingsSection): unknown;
  set(section: SettingsSection, value: unknown): void;
}

const AnyRecord = z.record(z.string(), z.unknown());

export class SettingsStore implements EncryptedSecretStorage {
  readonly #backend: SettingsBackend;
  readonly #log: ShellLogger;

  constructor(backend: SettingsBackend, log: ShellLogger = console) {
    this.#backend = backend;
    this.#log = log;
  }

  getWindowBounds(name: WindowName): WindowBounds | undefined {
    const raw = this.#section('windows')[name];
    if (raw === undefined) return undefined;
    const parsed = WindowBounds.safeParse(raw);
    if (!parsed.success) {
      this.#log.warn(`[settings] ignoring invalid saved bounds for the ${name} window`);
      return undefined;
    }
    return parsed.data;
  }

  setWindowBounds(name: WindowName, bounds: WindowBounds): void {
    this.#backend.set('windows', { ...this.#section('windows'), [name]: WindowBounds.parse(bounds) });
  }

  getPreferences(): Preferences {
    const raw = this.#backend.get('preferences');
    if (raw === undefined) return { ...DEFAULT_PREFERENCES };
    const strict = Preferences.safeParse(raw);
    if (strict.success) return strict.data;
    this.#log.warn(`[settings] invalid preferences, using defaults where needed: ${z.prettifyError(strict.error)}`);
    const lenient = LenientPreferences.safeParse(raw);
    return lenient.success ? lenient.data : { ...DEFAULT_PREFERENCES };
  }

  updatePreferences(patch: Partial<Preferences>): Preferences {
    const next = Preferences.parse({ ...this.getPreferences(), ...patch });
    this.#backend.set('preferences', next);
    return next;
  }

  getEncryptedSecret(key: SecretKey): string | undefined {
    return this.#secrets()[key];
  }

  setEncryptedSecret(key: SecretKey, base64: string | undefined): void {
    const others = Object.entries(this.#secrets()).filter(([name]) => name !== key);
    const next = base64 === undefined ? others : [...others, [key, z.base64().parse(base64)]];
    this.#backend.set('secrets', Object.fromEntries(next));
  }

  #section(section: SettingsSection): Record<string, unknown> {
    const raw = this.#backend.get(section);
    if (raw === undefined) return {};
    const parsed = AnyRecord.safeParse(raw);
    if (parsed.success) return parsed.data;
    this.#log.warn(`[settings] ignoring invalid ${section} section`);
    return {};
  }

  #secrets(): Partial<Record<SecretKey, string>> {
    const raw = this.#backend.get('secrets');
    if (raw === undefined) return {};
    const parsed = EncryptedSecrets.safeParse(raw);
    if (parsed.success) return { ...parsed.data };
    this.#log.warn('[settings] ignoring invalid stored secrets; they must be entered again');
    return {};
  }
}

/** Settings persisted by electron-store in userData/settings.json. Call after app ready. */
export async function openElectronSettingsBackend(): Promise<SettingsBackend> {
  // Loaded lazily: electron-store pulls in electron at import time, which unit tests do not need.
  const { default: ElectronStore } = await import('electron-store');
  const store = new ElectronStore<Record<string, unknown>>({
    name: 'settings',
    accessPropertiesByDotNotation: false,
    // A hand-mangled file must not stop the app from starting; the values are validated on read anyway.
    clearInvalidConfig: true,
  });
  return {
    get: (section) => store.get(section),
    set: (section, value) => store.set(section, value),
  };
}

export function createMemorySettingsBackend(initial: Partial<Record<SettingsSection, unknown>> = {}): SettingsBackend & {
  readonly data: Map<SettingsSection, unknown>;
} {
  const data = new Map<SettingsSection, unknown>(Object.entries(initial) as [SettingsSection, unknown][]);
  return {
    data,
    get: (section) => structuredClone(data.get(section)),
    set: (section, value) => void data.set(section, structuredClone(value)),
  };
}
