/** IPC handlers the preload bridge calls. Every handler checks the sender's origin first. */
import { ipcMain } from 'electron';
import type * as Electron from 'electron';
import type { ShellEventChannel, ShellInvokeChannel } from '../../shared/shell-bridge.ts';
import { isTrustedSender } from './security.ts';
import type { OriginSource } from './security.ts';
import type { ShellLogger } from './log.ts';

// Repeated as literals in electron/preload/index.cts; `satisfies` keeps both in line with shared/shell-bridge.ts.
export const OPEN_STREAMER_CHANNEL = 'cuedeck:open-streamer' satisfies ShellInvokeChannel;
export const NOTICE_CHANNEL = 'cuedeck:shell-notice' satisfies ShellEventChannel;
export const SAVE_PDF_CHANNEL = 'cuedeck:save-pdf' satisfies ShellInvokeChannel;

export interface ShellIpcDeps {
  allowedOrigin: OriginSource;
  openStreamerWindow: () => void | Promise<void>;
  /** Prints the sender's page to a PDF file the user chooses; null when cancelled. */
  savePdf: (sender: Electron.WebContents, suggestedName: string) => Promise<string | null>;
  log?: ShellLogger;
}

/** A name from the page, reduced to something safe to propose in a save dialog (no folders, no odd characters). */
export function safeFileName(name: unknown): string {
  const text = typeof name === 'string' ? name : '';
  const base = [...text].map((c) => (c.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(c) ? '_' : c)).join('').slice(0, 120).trim();
  const stem = base === '' ? 'cuedeck-report' : base;
  return stem.toLowerCase().endsWith('.pdf') ? stem : `${stem}.pdf`;
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
  ipcMain.handle(SAVE_PDF_CHANNEL, async (event, suggestedName: unknown) => {
    if (!isTrustedSender(event, deps.allowedOrigin)) {
      log.warn(`[ipc] rejected ${SAVE_PDF_CHANNEL} from ${event.senderFrame?.url ?? 'a destroyed frame'}`);
      throw new Error('Untrusted sender');
    }
    return deps.savePdf(event.sender, safeFileName(suggestedName));
  });
  return () => {
    ipcMain.removeHandler(OPEN_STREAMER_CHANNEL);
    ipcMain.removeHandler(SAVE_PDF_CHANNEL);
  };
}
