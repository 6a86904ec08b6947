/**
 * Composition root of the desktop shell: wires Electron to the engine supervisor, windows, menu and IPC.
 * Logic lives in the modules it imports; this file only decides the order things happen in.
 */
import path from 'node:path';
import { app, dialog, globalShortcut, safeStorage, session, shell, utilityProcess } from 'electron';
import { EngineSupervisor, buildEngineArgs } from './engine-supervisor.ts';
import { registerGlobalShortcuts } from './shortcuts.ts';
import type { SupervisorEvent } from './engine-supervisor.ts';
import { registerShellIpc } from './ipc.ts';
import { savePdf } from './pdf.ts';
import { installApplicationMenu } from './menu.ts';
import { SecretStore } from './secrets.ts';
import { hardenAllWebContents, hardenSession, originOf } from './security.ts';
import { SettingsStore, openElectronSettingsBackend } from './settings-store.ts';
import { STRINGS, resolveLanguage } from './strings.ts';
import type { ShellStrings } from './strings.ts';
import { ShellWindows } from './windows.ts';

const ENGINE_PATH = path.join(import.meta.dirname, '../engine/index.js');
const PRELOAD_PATH = path.join(import.meta.dirname, '../preload/index.cjs');

/** Origin of the engine pages; kept while the engine restarts so the open pages stay trusted. */
let engineOrigin: string | undefined;
let windows: ShellWindows | undefined;
/** Localized reason the engine is down for good, for the error box when no window is open yet. */
let lastFailure: string | undefined;
let quitting = false;
let engineStopped = false;

// Renderer sandboxing for every WebContents, whatever its webPreferences say; must precede ready.
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // Two shells would start two engines on one data directory.
  app.quit();
} else {
  hardenAllWebContents(() => engineOrigin);
  app.on('second-instance', () => windows?.openProducer());
  app
    .whenReady()
    .then(startShell)
    .catch((error: unknown) => fail('Cuedeck', error));
}

async function startShell(): Promise<void> {
  hardenSession(session.defaultSession);
  const settings = new SettingsStore(await openElectronSettingsBackend());
  const preferences = settings.getPreferences();
  const strings = STRINGS[resolveLanguage(preferences.language, app.getLocale())];

  const supervisor = new EngineSupervisor({
    enginePath: ENGINE_PATH,
    args: buildEngineArgs(preferences, path.join(app.getPath('userData'), 'data')),
    fork: (modulePath, args, options) => utilityProcess.fork(modulePath, args, options),
    secrets: new SecretStore(safeStorage, settings),
  });
  const shellWindows = new ShellWindows({ preloadPath: PRELOAD_PATH, settings, strings });
  windows = shellWindows;

  registerShellIpc({
    allowedOrigin: () => engineOrigin,
    openStreamerWindow: () => void shellWindows.openStreamer(),
    savePdf: (sender, name) => savePdf(sender, name, { showSaveDialog: (options) => dialog.showSaveDialog(options) }),
  });
  installApplicationMenu(
    strings,
    {
      showProducer: () => shellWindows.openProducer(),
      showStreamer: () => shellWindows.openStreamer(),
      openInBrowser: () => {
        const url = supervisor.url;
        if (url === undefined) return; // engine down: nothing to open
        shell.openExternal(new URL('/producer', url).toString()).catch((error: unknown) => console.warn('[shell] openExternal failed', error));
      },
    },
    { platform: process.platform, devTools: !app.isPackaged },
  );
  supervisor.onEvent((event) => onEngineEvent(event, shellWindows, strings));
  registerGlobalShortcuts(globalShortcut, (command) => supervisor.sendCommand(command), (message) => console.warn(message));
  app.on('will-quit', () => globalShortcut.unregisterAll());
  installQuitHandling(supervisor);

  try {
    await supervisor.start();
  } catch (error) {
    // Failed before any window existed (fatal at startup, crash loop, or quit while starting).
    if (!quitting) fail(strings.error.engineFailedTitle, lastFailure ?? error);
    return;
  }
  shellWindows.openProducer();
}

function onEngineEvent(event: SupervisorEvent, shellWindows: ShellWindows, strings: ShellStrings): void {
  switch (event.type) {
    case 'ready':
      engineOrigin = originOf(event.url);
      shellWindows.engineReady(event.url, event.restarted);
      return;
    case 'crashed':
      shellWindows.engineDown('restarting');
      shellWindows.notify({ kind: 'engine-restarting', exitCode: event.exitCode, attempt: event.attempt, restartInMs: event.restartInMs });
      return;
    case 'fatal':
      lastFailure = strings.error.engineFatal(event.code, event.message);
      shellWindows.engineDown('stopped');
      shellWindows.notify({ kind: 'engine-fatal', code: event.code, message: event.message });
      showErrorOnWindow(shellWindows, strings.error.engineFailedTitle, lastFailure);
      return;
    case 'gave-up':
      lastFailure = strings.error.engineGaveUp(event.crashes);
      shellWindows.engineDown('stopped');
      shellWindows.notify({ kind: 'engine-gave-up', crashes: event.crashes, exitCode: event.exitCode });
      showErrorOnWindow(shellWindows, strings.error.engineFailedTitle, lastFailure);
      return;
    case 'secret-rejected':
      shellWindows.notify({ kind: 'secret-not-saved', key: event.key, reason: event.reason });
      return;
    case 'started':
    case 'stopped':
      return;
  }
}

/** The engine is down for good: say so natively too, in case the page cannot show the notice. */
function showErrorOnWindow(shellWindows: ShellWindows, title: string, message: string): void {
  const parent = shellWindows.main;
  if (!parent || quitting) return; // no window: the start() failure path shows the error instead
  dialog.showMessageBox(parent, { type: 'error', title, message: title, detail: message }).catch(() => undefined);
}

function installQuitHandling(supervisor: EngineSupervisor): void {
  // Closing the last window ends the session on every platform: the engine should not linger headless.
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', (event) => {
    if (engineStopped) return;
    // Hold the quit until the engine has shut down, so it can flush its database.
    event.preventDefault();
    if (quitting) return;
    quitting = true;
    supervisor
      .stop()
      .catch((error: unknown) => console.error('[shell] stopping the engine failed', error))
      .finally(() => {
        engineStopped = true;
        app.quit();
      });
  });
}

function fail(title: string, error: unknown): void {
  console.error(`[shell] ${title}`, error);
  dialog.showErrorBox(title, error instanceof Error ? error.message : String(error));
  app.exit(1);
}
