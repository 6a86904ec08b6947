import type { Command } from '../../shared/protocol/index.ts';

/** The slice of Electron's globalShortcut the shell uses; a fake in tests. */
export interface GlobalShortcutApi {
  register(accelerator: string, callback: () => void): boolean;
  unregisterAll(): void;
}

export interface GlobalBinding {
  accelerator: string;
  command: Command;
}

/**
 * System-wide keys, so the producer can cut or panic while another app (OBS, a chat tool) has focus. They use
 * Ctrl/Cmd+Alt so they never collide with typing; inside Cuedeck's window the plain keys (1–9, B…) apply.
 */
export function globalBindings(): GlobalBinding[] {
  const digits = [1, 2, 3, 4, 5, 6, 7, 8, 9];
  return [
    ...digits.map((n) => ({ accelerator: `CommandOrControl+Alt+${n}`, command: { type: 'obs.selectSceneNumber', number: n } as const })),
    ...digits.map((n) => ({ accelerator: `CommandOrControl+Alt+Shift+${n}`, command: { type: 'obs.applyCameraPresetNumber', number: n } as const })),
    { accelerator: 'CommandOrControl+Alt+Enter', command: { type: 'obs.take' } },
    { accelerator: 'CommandOrControl+Alt+B', command: { type: 'obs.panic' } },
    { accelerator: 'CommandOrControl+Alt+Shift+B', command: { type: 'obs.panicUndo' } },
    { accelerator: 'CommandOrControl+Alt+Right', command: { type: 'run.next' } },
  ];
}

/**
 * Registers every binding; a key another app already holds is reported, not fatal. Returns the accelerators
 * that could not be registered.
 */
export function registerGlobalShortcuts(api: GlobalShortcutApi, send: (command: Command) => boolean, log: (message: string) => void): string[] {
  const failed: string[] = [];
  for (const { accelerator, command } of globalBindings()) {
    const ok = api.register(accelerator, () => {
      if (!send(command)) log(`[shortcuts] ${accelerator} ignored: the engine is not running`);
    });
    if (!ok) failed.push(accelerator);
  }
  if (failed.length > 0) log(`[shortcuts] taken by another app: ${failed.join(', ')}`);
  return failed;
}
