/**
 * The producer and streamer windows. Geometry decisions are pure functions (tested); the class only wires
 * them to BrowserWindow and screen.
 */
import { BrowserWindow, screen } from 'electron';
import type { BrowserWindowConstructorOptions, Display, Rectangle } from 'electron';
import type { ShellNotice } from '../../shared/shell-bridge.ts';
import { NOTICE_CHANNEL } from './ipc.ts';
import type { ShellLogger } from './log.ts';
import { secureWebPreferences } from './security.ts';
import type { Preferences, SettingsStore, WindowName } from './settings-store.ts';
import type { ShellStrings } from './strings.ts';

/** A restored window must show at least this much of itself on some display to be grabbable. */
export const MIN_VISIBLE_PX = 64;

function intersection(a: Rectangle, b: Rectangle): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

/**
 * Saved bounds adjusted to today's displays: undefined when no display shows enough of the window (e.g. the
 * monitor it was on is gone), otherwise moved and shrunk to lie within the work area that shows most of it.
 */
export function fitBoundsToDisplays(bounds: Rectangle, displays: readonly Pick<Display, 'workArea'>[]): Rectangle | undefined {
  let best: { area: Rectangle; overlap: number } | undefined;
  for (const { workArea } of displays) {
    const { width, height } = intersection(bounds, workArea);
    if (width < MIN_VISIBLE_PX || height < MIN_VISIBLE_PX) continue;
    if (!best || width * height > best.overlap) best = { area: workArea, overlap: width * height };
  }
  if (!best) return undefined;
  const { area } = best;
  const width = Math.min(bounds.width, area.width);
  const height = Math.min(bounds.height, area.height);
  return {
    x: clamp(bounds.x, area.x, area.x + area.width - width),
    y: clamp(bounds.y, area.y, area.y + area.height - height),
    width,
    height,
  };
}

/** The display for the streamer window: the saved choice if still connected, else any non-primary one. */
export function pickStreamerDisplay(displays: readonly Display[], primaryId: number, preferredId?: number): Display | undefined {
  return displays.find((d) => preferredId !== undefined && d.id === preferredId) ?? displays.find((d) => d.id !== primaryId);
}

export type EngineStatus = 'up' | 'restarting' | 'stopped';

export function windowTitle(name: WindowName, status: EngineStatus, strings: ShellStrings): string {
  const base = strings.title[name];
  if (status === 'restarting') return `${base} — ${strings.title.engineRestarting}`;
  if (status === 'stopped') return `${base} — ${strings.title.engineStopped}`;
  return base;
}

const PAGE_PATH: Readonly<Record<WindowName, string>> = { producer: '/producer', streamer: '/streamer' };
const DEFAULT_SIZE: Readonly<Record<WindowName, { width: number; height: number }>> = {
  producer: { width: 1280, height: 800 },
  streamer: { width: 1280, height: 720 },
};
const SAVE_BOUNDS_DELAY_MS = 500;

interface ManagedWindow {
  readonly name: WindowName;
  readonly win: BrowserWindow;
  /** Engine URL the window last loaded from; a different one means it must reload. */
  loadedFrom: string | undefined;
}

export interface ShellWindowsOptions {
  preloadPath: string;
  settings: Pick<SettingsStore, 'getWindowBounds' | 'setWindowBounds'> & { getPreferences(): Pick<Preferences, 'streamerDisplayId'> };
  strings: ShellStrings;
  log?: ShellLogger;
}

export class ShellWindows {
  readonly #opts: ShellWindowsOptions;
  readonly #log: ShellLogger;
  readonly #windows = new Map<WindowName, ManagedWindow>();
  #engineUrl: string | undefined;
  #status: EngineStatus = 'up';

  constructor(options: ShellWindowsOptions) {
    this.#opts = options;
    this.#log = options.log ?? console;
  }

  get count(): number {
    return this.#windows.size;
  }

  /** The producer window if open, else any window; for attaching dialogs. */
  get main(): BrowserWindow | undefined {
    return (this.#windows.get('producer') ?? [...this.#windows.values()][0])?.win;
  }

  openProducer(): BrowserWindow {
    const existing = this.#focus('producer');
    if (existing) return existing;
    const saved = this.#opts.settings.getWindowBounds('producer');
    const fitted = saved && fitBoundsToDisplays(saved, screen.getAllDisplays());
    const win = this.#create('producer', { ...DEFAULT_SIZE.producer, ...fitted }, true);
    if (fitted && saved?.maximized) win.maximize();
    return win;
  }

  openStreamer(): BrowserWindow {
    const existing = this.#focus('streamer');
    if (existing) return existing;
    const display = pickStreamerDisplay(
      screen.getAllDisplays(),
      screen.getPrimaryDisplay().id,
      this.#opts.settings.getPreferences().streamerDisplayId,
    );
    if (display) {
      // Full screen on the streamer's own monitor; that geometry is not worth saving.
      return this.#create('streamer', { ...display.bounds, fullscreen: true }, false);
    }
    const saved = this.#opts.settings.getWindowBounds('streamer');
    const fitted = saved && fitBoundsToDisplays(saved, screen.getAllDisplays());
    return this.#create('streamer', { ...DEFAULT_SIZE.streamer, ...fitted }, true);
  }

  /** The engine is (again) listening at `url`: load windows that are not showing it; after a restart, all. */
  engineReady(url: string, restarted: boolean): void {
    this.#engineUrl = url;
    this.#setStatus('up');
    for (const managed of this.#windows.values()) {
      if (!restarted && managed.loadedFrom === url) continue;
      if (restarted) {
        // The old page lost its connection and any page-only state; tell the fresh page why it reloaded.
        managed.win.webContents.once('did-finish-load', () => this.#send(managed.win, { kind: 'engine-restarted' }));
      }
      this.#load(managed);
    }
  }

  engineDown(status: 'restarting' | 'stopped'): void {
    this.#setStatus(status);
  }

  notify(notice: ShellNotice): void {
    for (const { win } of this.#windows.values()) this.#send(win, notice);
  }

  #send(win: BrowserWindow, notice: ShellNotice): void {
    if (!win.isDestroyed()) win.webContents.send(NOTICE_CHANNEL, notice);
  }

  #setStatus(status: EngineStatus): void {
    this.#status = status;
    for (const { name, win } of this.#windows.values()) {
      if (!win.isDestroyed()) win.setTitle(windowTitle(name, status, this.#opts.strings));
    }
  }

  #focus(name: WindowName): BrowserWindow | undefined {
    const win = this.#windows.get(name)?.win;
    if (!win || win.isDestroyed()) return undefined;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
    return win;
  }

  #create(name: WindowName, geometry: BrowserWindowConstructorOptions, persistBounds: boolean): BrowserWindow {
    const win = new BrowserWindow({
      ...geometry,
      show: false,
      title: windowTitle(name, this.#status, this.#opts.strings),
      backgroundColor: '#111111',
      webPreferences: secureWebPreferences(this.#opts.preloadPath),
    });
    const managed: ManagedWindow = { name, win, loadedFrom: undefined };
    this.#windows.set(name, managed);
    win.once('ready-to-show', () => win.show());
    // The title carries the engine status, so pages must not replace it.
    win.on('page-title-updated', (event) => event.preventDefault());
    win.on('closed', () => {
      if (this.#windows.get(name) === managed) this.#windows.delete(name);
    });
    if (persistBounds) this.#persistBounds(name, win);
    if (this.#engineUrl === undefined) win.show(); // nothing to load yet, so ready-to-show would never come
    else this.#load(managed);
    return win;
  }

  #load(managed: ManagedWindow): void {
    const base = this.#engineUrl;
    if (base === undefined || managed.win.isDestroyed()) return;
    managed.loadedFrom = base;
    managed.win.loadURL(new URL(PAGE_PATH[managed.name], base).toString()).catch((error: unknown) => {
      this.#log.warn(`[windows] loading the ${managed.name} page failed`, error);
    });
  }

  #persistBounds(name: WindowName, win: BrowserWindow): void {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const save = (): void => {
      clearTimeout(timer);
      timer = undefined;
      if (win.isDestroyed() || win.isFullScreen() || win.isMinimized()) return;
      // Normal bounds, so a maximized window restores to its pre-maximize size when un-maximized.
      this.#opts.settings.setWindowBounds(name, { ...win.getNormalBounds(), maximized: win.isMaximized() });
    };
    const schedule = (): void => {
      clearTimeout(timer);
      timer = setTimeout(save, SAVE_BOUNDS_DELAY_MS);
    };
    win.on('move', schedule);
    win.on('resize', schedule);
    win.on('maximize', schedule);
    win.on('unmaximize', schedule);
    win.on('close', save);
    win.on('closed', () => clearTimeout(timer));
  }
}
