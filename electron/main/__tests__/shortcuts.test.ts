import { describe, expect, it, vi } from 'vitest';
import { Command } from '../../../shared/protocol/index.ts';
import { globalBindings, registerGlobalShortcuts, type GlobalShortcutApi } from '../shortcuts.ts';

function fakeApi(taken: string[] = []) {
  const callbacks = new Map<string, () => void>();
  const api: GlobalShortcutApi = {
    register: (accelerator, callback) => {
      if (taken.includes(accelerator)) return false;
      callbacks.set(accelerator, callback);
      return true;
    },
    unregisterAll: () => callbacks.clear(),
  };
  return { api, press: (accelerator: string) => callbacks.get(accelerator)?.() };
}

describe('global shortcuts', () => {
  it('every binding is a valid engine command and no accelerator is used twice', () => {
    const bindings = globalBindings();
    for (const b of bindings) expect(Command.safeParse(b.command).success).toBe(true);
    expect(new Set(bindings.map((b) => b.accelerator)).size).toBe(bindings.length);
  });

  it('a pressed key sends its command to the engine', () => {
    const { api, press } = fakeApi();
    const send = vi.fn((_command: Command) => true);
    registerGlobalShortcuts(api, send, () => undefined);
    press('CommandOrControl+Alt+3');
    press('CommandOrControl+Alt+B');
    press('CommandOrControl+Alt+Shift+2');
    expect(send.mock.calls.map(([c]) => c)).toEqual([
      { type: 'obs.selectSceneNumber', number: 3 },
      { type: 'obs.panic' },
      { type: 'obs.applyCameraPresetNumber', number: 2 },
    ]);
  });

  it('reports keys another app holds and logs presses while the engine is down', () => {
    const { api, press } = fakeApi(['CommandOrControl+Alt+1']);
    const log = vi.fn();
    const failed = registerGlobalShortcuts(api, () => false, log);
    expect(failed).toEqual(['CommandOrControl+Alt+1']);
    press('CommandOrControl+Alt+2');
    expect(log).toHaveBeenCalledWith(expect.stringContaining('ignored: the engine is not running'));
  });
});
