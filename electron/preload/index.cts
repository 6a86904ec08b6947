/**
 * Preload for the shell's windows. CommonJS because sandboxed preloads cannot be ES modules, and it may
 * require nothing but 'electron' at runtime: every other import here must be type-only.
 */
import type * as Electron from 'electron';
import type { IpcRendererEvent } from 'electron';
import type { CuedeckShell, ShellEventChannel, ShellInvokeChannel, ShellNotice } from '../../shared/shell-bridge.ts';

const { contextBridge, ipcRenderer } = require('electron') as typeof Electron;

// Same literals as electron/main/ipc.ts; the annotations make a rename in shared/shell-bridge.ts fail to compile.
const OPEN_STREAMER_CHANNEL: ShellInvokeChannel = 'cuedeck:open-streamer';
const NOTICE_CHANNEL: ShellEventChannel = 'cuedeck:shell-notice';
const SAVE_PDF_CHANNEL: ShellInvokeChannel = 'cuedeck:save-pdf';

const bridge: CuedeckShell = {
  openStreamerWindow: async () => {
    await ipcRenderer.invoke(OPEN_STREAMER_CHANNEL);
  },
  savePageAsPdf: async (suggestedName) => {
    const saved: unknown = await ipcRenderer.invoke(SAVE_PDF_CHANNEL, String(suggestedName));
    return typeof saved === 'string' ? saved : null;
  },
  onNotice: (callback) => {
    // Hand the page only the notice, never the IpcRendererEvent (it would expose ipcRenderer via event.sender).
    const listener = (_event: IpcRendererEvent, notice: ShellNotice): void => callback(notice);
    ipcRenderer.on(NOTICE_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(NOTICE_CHANNEL, listener);
    };
  },
  platform: process.platform,
};

contextBridge.exposeInMainWorld('cuedeckShell', bridge);
