/**
 * The Electron security checklist (issue #9), one test per item, run against the shell's real composition
 * root (index.ts) with electron mocked: whatever index.ts wires up is what is checked, so dropping a
 * protection there (or in the module it calls) makes its test fail.
 */
import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { ShellToEngine } from '../../../shared/protocol/launcher.ts';
import { CONTENT_SECURITY_POLICY } from '../security.ts';
import { FakeBrowserWindow, app, dialog, ipcMain, resetFakeElectron, safeStorage, session, shell, utilityProcess } from './fake-electron.ts';

vi.mock('electron', () => import('./fake-electron.ts'));

/** electron-store's file, kept in memory; the shell stores the OBS password here (encrypted, it must be). */
const store = vi.hoisted(() => new Map<string, unknown>());
vi.mock('electron-store', () => ({
  default: class {
    get(key: string): unknown {
      return store.get(key);
    }
    set(key: string, value: unknown): void {
      store.set(key, value);
    }
  },
}));

const ENGINE = 'http://127.0.0.1:7480';
const OBS_PASSWORD = 'obs-pass-密码-4455';

class FakeEngineChild extends EventEmitter {
  readonly pid = 4242;
  readonly stdout = new PassThrough();
  readonly stderr = new PassThrough();
  readonly posted: ShellToEngine[] = [];
  postMessage(message: ShellToEngine): void {
    this.posted.push(message);
  }
  kill(): boolean {
    return true;
  }
}

/** A WebContents as `web-contents-created` hands it over: records the handlers hardening installs. */
class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | undefined;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.openHandler = handler;
  }
  /** Emits a preventable event; true when a listener prevented it. */
  prevented(event: string, url?: string): boolean {
    const preventDefault = vi.fn();
    this.emit(event, { url, preventDefault }, {}, {});
    return preventDefault.mock.calls.length > 0;
  }
}

function created(): FakeContents {
  const contents = new FakeContents();
  app.emit('web-contents-created', {}, contents);
  return contents;
}

function handlerOf<T>(mock: { mock: { calls: unknown[][] } }): T {
  const handler = mock.mock.calls.at(-1)?.[0];
  // Missing: a stand-in that fails the one test that needs it, not the whole start-up.
  if (typeof handler !== 'function') return (() => expect.fail('the handler was never installed')) as T;
  return handler as T;
}

function ipc(channel: string, senderUrl: string | null, ...args: unknown[]): Promise<unknown> {
  const handler = ipcMain.handlers.get(channel);
  if (!handler) throw new Error(`no IPC handler for ${channel}`);
  return Promise.resolve(handler({ senderFrame: senderUrl === null ? null : { url: senderUrl }, sender: {} }, ...args));
}

type HeadersListener = (details: { responseHeaders?: Record<string, string[]> }, callback: (response: unknown) => void) => void;
type PermissionRequest = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;

let child: FakeEngineChild;
/** What start-up did, captured before vitest clears the mocks' calls for each test. */
const startup = {} as {
  enableSandboxCalls: number;
  sandboxEnabledBeforeReady: boolean;
  onHeadersReceived: HeadersListener;
  permissionRequest: PermissionRequest;
  permissionCheck: (...args: unknown[]) => boolean;
  decryptedForEngine: boolean;
};

beforeAll(async () => {
  resetFakeElectron();
  const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  store.set('secrets', { 'obs.password': safeStorage.encryptString(OBS_PASSWORD).toString('base64') });
  safeStorage.encryptString.mockClear();
  utilityProcess.fork.mockImplementation(() => {
    child = new FakeEngineChild();
    return child;
  });
  await import('../index.ts');
  await vi.waitFor(() => expect(utilityProcess.fork).toHaveBeenCalledTimes(1));
  child.emit('spawn');
  child.emit('message', { type: 'ready', url: ENGINE, port: 7480 });
  await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1));
  expect(dialog.showErrorBox, 'the shell failed to start').not.toHaveBeenCalled();
  expect(consoleError).not.toHaveBeenCalled();

  const enabledAt = app.enableSandbox.mock.invocationCallOrder[0];
  const readyAt = app.whenReady.mock.invocationCallOrder[0];
  startup.enableSandboxCalls = app.enableSandbox.mock.calls.length;
  startup.sandboxEnabledBeforeReady = enabledAt !== undefined && readyAt !== undefined && enabledAt < readyAt;
  startup.onHeadersReceived = handlerOf<HeadersListener>(session.defaultSession.webRequest.onHeadersReceived);
  startup.permissionRequest = handlerOf<PermissionRequest>(session.defaultSession.setPermissionRequestHandler);
  startup.permissionCheck = handlerOf<(...args: unknown[]) => boolean>(session.defaultSession.setPermissionCheckHandler);
  startup.decryptedForEngine = safeStorage.decryptString.mock.calls.length > 0;
});

describe('Electron security checklist', () => {
  it('context isolation: every window runs with contextIsolation and web security on', async () => {
    await ipc('cuedeck:open-streamer', `${ENGINE}/producer`);
    expect(FakeBrowserWindow.instances).toHaveLength(2);
    for (const win of FakeBrowserWindow.instances) {
      expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, webSecurity: true, allowRunningInsecureContent: false });
    }
  });

  it('sandbox: the app enables sandboxing for every renderer before ready, and every window asks for it', () => {
    expect(startup.enableSandboxCalls).toBe(1);
    expect(startup.sandboxEnabledBeforeReady).toBe(true);
    for (const win of FakeBrowserWindow.instances) expect(win.options.webPreferences).toMatchObject({ sandbox: true });
  });

  it('no node integration: not in pages, workers, subframes or webviews', () => {
    for (const win of FakeBrowserWindow.instances) {
      expect(win.options.webPreferences).toMatchObject({
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webviewTag: false,
      });
    }
    // A <webview> would bring its own webPreferences; attaching one is refused for any WebContents.
    expect(created().prevented('will-attach-webview')).toBe(true);
  });

  it('CSP: every response in the default session carries the content security policy', () => {
    const callback = vi.fn();
    startup.onHeadersReceived({ responseHeaders: { 'Content-Type': ['text/html'] } }, callback);
    expect(callback).toHaveBeenCalledWith({ responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
  });

  it('navigation limits: any WebContents may navigate or redirect only within the engine origin', () => {
    const contents = created();
    expect(contents.prevented('will-navigate', `${ENGINE}/streamer`)).toBe(false);
    expect(contents.prevented('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.prevented('will-navigate', 'http://127.0.0.1:7481/producer')).toBe(true);
    expect(contents.prevented('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.prevented('will-redirect', 'https://evil.example/')).toBe(true);
  });

  it('window-open limits: pages never get a new window; web links go to the OS browser', () => {
    const contents = created();
    const windowsBefore = FakeBrowserWindow.instances.length;
    shell.openExternal.mockClear();
    for (const url of [`${ENGINE}/streamer`, 'https://example.com/help', 'file:///etc/passwd', 'javascript:alert(1)']) {
      expect(contents.openHandler?.({ url }), url).toEqual({ action: 'deny' });
    }
    expect(shell.openExternal.mock.calls).toEqual([['https://example.com/help']]);
    expect(FakeBrowserWindow.instances).toHaveLength(windowsBefore);
  });

  it('IPC sender validation: only frames on the engine origin reach the shell', async () => {
    const windowsBefore = FakeBrowserWindow.instances.length;
    for (const url of ['https://evil.example/', 'http://127.0.0.1:7481/producer', 'file:///tmp/x.html', null]) {
      await expect(ipc('cuedeck:open-streamer', url), String(url)).rejects.toThrow('Untrusted sender');
      await expect(ipc('cuedeck:save-pdf', url, 'report'), String(url)).rejects.toThrow('Untrusted sender');
    }
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(windowsBefore);
    // Every channel the shell registered is guarded (a new channel without the check fails here).
    expect([...ipcMain.handlers.keys()].sort()).toEqual(['cuedeck:open-streamer', 'cuedeck:save-pdf']);
  });

  it('permission requests denied: every request and every silent check in the default session', () => {
    const { permissionRequest: request, permissionCheck: check } = startup;
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'fullscreen', 'openExternal']) {
      const callback = vi.fn();
      request({}, permission, callback);
      expect(callback, permission).toHaveBeenCalledWith(false);
      expect(check({}, permission, ENGINE, {}), permission).toBe(false);
    }
  });

  it('secrets only through safeStorage: decrypted for the engine, encrypted before they touch the disk', async () => {
    expect(child.posted[0]).toEqual({ type: 'secrets', values: { 'obs.password': OBS_PASSWORD } });
    expect(startup.decryptedForEngine).toBe(true);

    const next = 'a-new-obs-password-éè';
    child.emit('message', { type: 'secret.set', key: 'obs.password', value: next });
    expect(safeStorage.encryptString).toHaveBeenCalledWith(next);
    const persisted = JSON.stringify(Object.fromEntries(store));
    expect(persisted).not.toContain(next);
    expect(persisted).not.toContain(OBS_PASSWORD);
    const stored = (store.get('secrets') as Record<string, string>)['obs.password'] ?? '';
    expect(safeStorage.decryptString(Buffer.from(stored, 'base64'))).toBe(next);

    // Without real encryption (Linux without a keyring) the secret is refused, never written in plain text.
    safeStorage.getSelectedStorageBackend.mockReturnValue('basic_text');
    child.emit('message', { type: 'secret.set', key: 'obs.password', value: 'plain-text-would-leak' });
    safeStorage.getSelectedStorageBackend.mockReturnValue('gnome_libsecret');
    expect(JSON.stringify(Object.fromEntries(store))).not.toContain('plain-text-would-leak');
    expect(safeStorage.decryptString(Buffer.from((store.get('secrets') as Record<string, string>)['obs.password'] ?? '', 'base64'))).toBe(next);
  });
});
