/** IPC handlers the preload bridge calls. Every handler checks the sender's origin first. */
import { ipcMain } from 'electron';
import type { ShellEventChannel, ShellInvokeChannel } from '../../shared/shell-bridge.ts';
import { isTrustedSender } from './security.ts';
import type { OriginSource } from './security.ts';
import type { ShellLogger } from './log.ts';

// Repeated as literals in electron/preload/index.cts; `satisfies` keeps both in line with shared/shell-bridge.ts.
export const OPEN_STREAMER_CHANNEL = 'cuedeck:open-streamer' satisfies ShellInvokeChannel;
export const NOTICE_CHANNEL = 'cuedeck:shell-notice' satisfies ShellEventChannel;

export interface ShellIpcDeps {
  allowedOrigin: OriginSource;
  openStreamerWindow: () => void | Promise<void>;
  log?: ShellLogger;
}

/** Registers the handlers; returns a function that removes them. */
export function registerShellIpc(deps: ShellIpcDeps): () => void {
  const log = deps.log ?? console;
  ipcMain.handle(OPEN_STREAMER_CHANNEL, async (event) => {
    if (!isTrustedSender(event, deps.allowedOrigin)) {
      log.warn(`[ipc] rejected ${OPEN_STREAMER_CHANNEL} from ${event.senderFrame?.url ?? 'a destroyed frame'}`);
      throw new Error('Untrusted sender');
    }
    await deps.openStreamerWindow();
  });
  return () => ipcMain.removeHandler(OPEN_STREAMER_CHANNEL);
}
