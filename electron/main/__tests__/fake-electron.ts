/**
 * Stand-in for the 'electron' module in unit tests (the real binary is not available there):
 *   vi.mock('electron', () => import('./fake-electron.ts'));
 * Only what the shell modules touch is provided. Call resetFakeElectron() in beforeEach.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

export interface FakeRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const app = Object.assign(new EventEmitter(), {
  getPath: vi.fn((name: string) => `/tmp/cuedeck-test/${name}`),
  getLocale: vi.fn(() => 'en-US'),
  isPackaged: false,
  quit: vi.fn(),
  exit: vi.fn(),
  // For loading the composition root (index.ts): one instance, ready at once.
  enableSandbox: vi.fn(),
  requestSingleInstanceLock: vi.fn(() => true),
  whenReady: vi.fn(() => Promise.resolve()),
});

/** The default session as hardenSession sees it; the installed handlers are in the mocks' calls. */
export const session = {
  defaultSession: {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    webRequest: { onHeadersReceived: vi.fn() },
  },
};

export const dialog = {
  showErrorBox: vi.fn(),
  showMessageBox: vi.fn(() => Promise.resolve({ response: 0 })),
  showSaveDialog: vi.fn(() => Promise.resolve({ canceled: true })),
};

export const globalShortcut = {
  register: vi.fn((_accelerator: string, _callback: () => void) => true),
  unregisterAll: vi.fn(),
};

/** Reversible stand-in for the OS keychain: "v10" + bytes XOR 0x5a, so ciphertext never contains the plaintext. */
export const safeStorage = {
  isEncryptionAvailable: vi.fn(() => true),
  getSelectedStorageBackend: vi.fn(() => 'gnome_libsecret'),
  encryptString: vi.fn((plain: string) => Buffer.concat([Buffer.from('v10'), Buffer.from(Buffer.from(plain, 'utf8').map((b) => b ^ 0x5a))])),
  decryptString: vi.fn((encrypted: Buffer) => {
    if (encrypted.subarray(0, 3).toString() !== 'v10') throw new Error('Error while decrypting the ciphertext provided');
    return Buffer.from(encrypted.subarray(3).map((b) => b ^ 0x5a)).toString('utf8');
  }),
};

/** Tests install what fork returns (see engine-supervisor.test.ts for a fake child). */
export const utilityProcess = {
  fork: vi.fn(),
};

export const shell = {
  openExternal: vi.fn((_url: string) => Promise.resolve()),
};

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;

export const ipcMain = {
  handlers: new Map<string, InvokeHandler>(),
  handle: vi.fn((channel: string, handler: InvokeHandler) => {
    if (ipcMain.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    ipcMain.handlers.set(channel, handler);
  }),
  removeHandler: vi.fn((channel: string) => {
    ipcMain.handlers.delete(channel);
  }),
};

export const Menu = {
  buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
  setApplicationMenu: vi.fn(),
};

export class FakeWebContents extends EventEmitter {
  readonly send = vi.fn();
}

export class FakeBrowserWindow extends EventEmitter {
  static readonly instances: FakeBrowserWindow[] = [];
  readonly options: Record<string, unknown>;
  readonly webContents = new FakeWebContents();
  readonly loadURL = vi.fn((_url: string) => Promise.resolve());
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn();
  readonly maximize = vi.fn(() => {
    this.maximized = true;
  });
  title: string;
  bounds: FakeRect;
  maximized = false;
  destroyed = false;

  constructor(options: Record<string, unknown>) {
    super();
    this.options = options;
    this.title = String(options.title ?? '');
    this.bounds = {
      x: Number(options.x ?? 0),
      y: Number(options.y ?? 0),
      width: Number(options.width ?? 800),
      height: Number(options.height ?? 600),
    };
    FakeBrowserWindow.instances.push(this);
  }

  setTitle(title: string): void {
    this.title = title;
  }
  getNormalBounds(): FakeRect {
    return { ...this.bounds };
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return false;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  isFullScreen(): boolean {
    return this.options.fullscreen === true;
  }
}
export { FakeBrowserWindow as BrowserWindow };

export interface FakeDisplay {
  id: number;
  bounds: FakeRect;
  workArea: FakeRect;
}

export const screen = {
  displays: [] as FakeDisplay[],
  primaryId: 1,
  getAllDisplays: vi.fn(() => screen.displays),
  getPrimaryDisplay: vi.fn(() => screen.displays.find((d) => d.id === screen.primaryId) ?? screen.displays[0]),
};

export function display(id: number, x: number, y: number, width: number, height: number): FakeDisplay {
  // A 40px task bar at the bottom, as on Windows.
  return { id, bounds: { x, y, width, height }, workArea: { x, y, width, height: height - 40 } };
}

export function resetFakeElectron(): void {
  vi.clearAllMocks();
  app.removeAllListeners();
  ipcMain.handlers.clear();
  FakeBrowserWindow.instances.length = 0;
  screen.displays = [display(1, 0, 0, 1920, 1080)];
  screen.primaryId = 1;
}
