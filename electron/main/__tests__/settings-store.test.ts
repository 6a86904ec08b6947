import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_PREFERENCES, SettingsStore, createMemorySettingsBackend } from '../settings-store.ts';

function setup(initial: Parameters<typeof createMemorySettingsBackend>[0] = {}) {
  const backend = createMemorySettingsBackend(initial);
  const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  return { store: new SettingsStore(backend, log), backend, log };
}

describe('SettingsStore', () => {
  it('starts with defaults', () => {
    const { store } = setup();
    expect(store.getPreferences()).toEqual(DEFAULT_PREFERENCES);
    expect(store.getPreferences()).toEqual({ enginePort: 7480, lan: false });
    expect(store.getWindowBounds('producer')).toBeUndefined();
  });

  it('saves and restores window bounds per window', () => {
    const { store } = setup();
    store.setWindowBounds('producer', { x: 10, y: 20, width: 1200, height: 800, maximized: true });
    store.setWindowBounds('streamer', { x: 1920, y: 0, width: 1280, height: 720 });
    expect(store.getWindowBounds('producer')).toEqual({ x: 10, y: 20, width: 1200, height: 800, maximized: true });
    expect(store.getWindowBounds('streamer')).toEqual({ x: 1920, y: 0, width: 1280, height: 720 });
  });

  it('ignores invalid saved bounds instead of using them', () => {
    const { store, log } = setup({ windows: { producer: { x: 0, y: 0, width: -5, height: 'tall' }, streamer: 'nope' } });
    expect(store.getWindowBounds('producer')).toBeUndefined();
    expect(store.getWindowBounds('streamer')).toBeUndefined();
    expect(log.warn).toHaveBeenCalled();
  });

  it('falls back per field when preferences are partly invalid', () => {
    const { store, log } = setup({ preferences: { enginePort: 99999, lan: true, language: 'fr', streamerDisplayId: 7 } });
    expect(store.getPreferences()).toEqual({ enginePort: 7480, lan: true, language: undefined, streamerDisplayId: 7 });
    expect(log.warn).toHaveBeenCalled();
  });

  it('falls back to defaults when the preferences section is not an object', () => {
    const { store } = setup({ preferences: 'corrupt' });
    expect(store.getPreferences()).toEqual(DEFAULT_PREFERENCES);
  });

  it('validates preference updates', () => {
    const { store } = setup();
    expect(store.updatePreferences({ language: 'zh-CN', lan: true })).toEqual({ enginePort: 7480, lan: true, language: 'zh-CN' });
    expect(store.getPreferences().language).toBe('zh-CN');
    expect(() => store.updatePreferences({ enginePort: 0 })).toThrow();
    expect(store.getPreferences().enginePort).toBe(7480);
  });

  it('keeps other secrets when one is set or removed, and accepts only base64', () => {
    const { store } = setup();
    store.setEncryptedSecret('obs.password', 'YWJj');
    expect(store.getEncryptedSecret('obs.password')).toBe('YWJj');
    expect(() => store.setEncryptedSecret('obs.password', 'not base64!')).toThrow();
    store.setEncryptedSecret('obs.password', undefined);
    expect(store.getEncryptedSecret('obs.password')).toBeUndefined();
  });

  it('ignores a tampered secrets section', () => {
    const { store, log } = setup({ secrets: { 'obs.password': 'plain text password' } });
    expect(store.getEncryptedSecret('obs.password')).toBeUndefined();
    expect(log.warn).toHaveBeenCalled();
  });
});
