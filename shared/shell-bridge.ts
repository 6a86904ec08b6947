/**
 * Contract between the desktop shell (electron/main), its preload (electron/preload) and the renderer.
 * Types only: the sandboxed preload can require nothing but 'electron', so channel names are written out
 * as literals in the preload and in main and checked against these unions at compile time.
 */

/** Renderer → main, request/response (`ipcRenderer.invoke` / `ipcMain.handle`). */
export type ShellInvokeChannel = 'cuedeck:open-streamer' | 'cuedeck:save-pdf';
/** Main → renderer, one-way (`webContents.send` / `ipcRenderer.on`). */
export type ShellEventChannel = 'cuedeck:shell-notice';
export type ShellChannel = ShellInvokeChannel | ShellEventChannel;

/** Something the user should see that only the shell knows about (the engine may be down when it happens). */
export type ShellNotice =
  /** The engine exited unexpectedly; the shell restarts it and reloads the windows once it is ready. */
  | { kind: 'engine-restarting'; exitCode: number; attempt: number; restartInMs: number }
  /** Sent to a window after it was reloaded against a restarted engine: state held only in the page is gone. */
  | { kind: 'engine-restarted' }
  /** The engine reported an error a restart cannot fix; it stays down. */
  | { kind: 'engine-fatal'; code: string; message: string }
  /** The engine kept crashing right after start; the shell stopped restarting it. */
  | { kind: 'engine-gave-up'; crashes: number; exitCode: number }
  /** The engine asked to store a secret and the shell refused (e.g. no OS encryption available). */
  | { kind: 'secret-not-saved'; key: string; reason: string };

/** The one object the preload exposes as `window.cuedeckShell` (absent when the UI runs in a plain browser). */
export interface CuedeckShell {
  /** Opens (or focuses) the streamer window, full screen on a second display when there is one. */
  openStreamerWindow(): Promise<void>;
  /**
   * Saves the calling page as a PDF (its print stylesheet applies), asking where; resolves with the file path,
   * or null when the user cancelled.
   */
  savePageAsPdf(suggestedName: string): Promise<string | null>;
  /** Subscribes to shell notices; returns the unsubscribe function. */
  onNotice(callback: (notice: ShellNotice) => void): () => void;
  /** `process.platform` of the desktop host, e.g. 'darwin', 'win32', 'linux'. */
  readonly platform: string;
}

declare global {
  interface Window {
    /** Present only inside the desktop shell. */
    readonly cuedeckShell?: CuedeckShell;
  }
}
