import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Display } from 'electron';
import { DEFAULT_PREFERENCES, SettingsStore, createMemorySettingsBackend } from '../settings-store.ts';
import { STRINGS } from '../strings.ts';
import { MIN_VISIBLE_PX, ShellWindows, fitBoundsToDisplays, pickStreamerDisplay, windowTitle } from '../windows.ts';
import { FakeBrowserWindow, display, resetFakeElectron, screen } from './fake-electron.ts';

vi.mock('electron', () => import('./fake-electron.ts'));

const primary = display(1, 0, 0, 1920, 1080); // work area 1920×1040
const right = display(2, 1920, 0, 2560, 1440);

describe('fitBoundsToDisplays', () => {
  it('keeps bounds that lie within a display', () => {
    const bounds = { x: 100, y: 100, width: 1280, height: 800 };
    expect(fitBoundsToDisplays(bounds, [primary])).toEqual(bounds);
    const onRight = { x: 2000, y: 50, width: 1600, height: 900 };
    expect(fitBoundsToDisplays(onRight, [primary, right])).toEqual(onRight);
  });

  it('drops bounds whose display is gone', () => {
    expect(fitBoundsToDisplays({ x: 2000, y: 50, width: 1600, height: 900 }, [primary])).toBeUndefined();
    expect(fitBoundsToDisplays({ x: -3000, y: -3000, width: 800, height: 600 }, [primary, right])).toBeUndefined();
  });

  it('drops bounds with only a sliver left on screen', () => {
    const sliver = { x: 1920 - (MIN_VISIBLE_PX - 1), y: 100, width: 800, height: 600 };
    expect(fitBoundsToDisplays(sliver, [primary])).toBeUndefined();
    const enough = { x: 1920 - MIN_VISIBLE_PX, y: 100, width: 800, height: 600 };
    expect(fitBoundsToDisplays(enough, [primary])).toEqual({ x: 1120, y: 100, width: 800, height: 600 });
  });

  it('pulls a partly off-screen window fully onto its display', () => {
    expect(fitBoundsToDisplays({ x: -200, y: 900, width: 800, height: 600 }, [primary])).toEqual({ x: 0, y: 440, width: 800, height: 600 });
  });

  it('shrinks a window larger than the work area', () => {
    expect(fitBoundsToDisplays({ x: 0, y: 0, width: 2560, height: 1440 }, [primary])).toEqual({ x: 0, y: 0, width: 1920, height: 1040 });
  });

  it('fits to the display that shows most of a window spanning two', () => {
    // 1720 px on the primary, 200 px on the right one: it belongs to the primary.
    expect(fitBoundsToDisplays({ x: 200, y: 0, width: 1920, height: 800 }, [primary, right])).toEqual({ x: 0, y: 0, width: 1920, height: 800 });
  });

  it('returns undefined when there are no displays', () => {
    expect(fitBoundsToDisplays({ x: 0, y: 0, width: 800, height: 600 }, [])).toBeUndefined();
  });
});

describe('pickStreamerDisplay', () => {
  const displays = [primary, right, display(3, -1920, 0, 1920, 1080)] as unknown as Display[];

  it('prefers the saved display while it is connected', () => {
    expect(pickStreamerDisplay(displays, 1, 3)?.id).toBe(3);
  });

  it('falls back to the first non-primary display', () => {
    expect(pickStreamerDisplay(displays, 1)?.id).toBe(2);
    expect(pickStreamerDisplay(displays, 1, 99)?.id).toBe(2);
  });

  it('returns undefined with a single display', () => {
    expect(pickStreamerDisplay([primary] as unknown as Display[], 1)).toBeUndefined();
  });
});

describe('windowTitle', () => {
  it('shows the engine status in the title in both languages', () => {
    expect(windowTitle('producer', 'up', STRINGS.en)).toBe('Cuedeck — Producer');
    expect(windowTitle('producer', 'restarting', STRINGS.en)).toBe('Cuedeck — Producer — Engine restarting…');
    expect(windowTitle('streamer', 'stopped', STRINGS['zh-CN'])).toBe('Cuedeck — 主播窗口 — 引擎已停止');
  });
});

describe('ShellWindows', () => {
  const ENGINE = 'http://127.0.0.1:7480';

  function setup(initial: Parameters<typeof createMemorySettingsBackend>[0] = {}) {
    const settings = new SettingsStore(createMemorySettingsBackend(initial));
    const windows = new ShellWindows({ preloadPath: '/app/preload/index.cjs', settings, strings: STRINGS.en, log: { info: vi.fn(), warn: vi.fn(), error: vi.fn() } });
    return { settings, windows };
  }
  const only = (): FakeBrowserWindow => {
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    return FakeBrowserWindow.instances[0] as FakeBrowserWindow;
  };

  beforeEach(() => {
    resetFakeElectron();
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('creates the producer window hardened and loads the engine page', () => {
    const { windows } = setup();
    windows.engineReady(ENGINE, false);
    windows.openProducer();
    const win = only();
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, preload: '/app/preload/index.cjs' });
    expect(win.loadURL).toHaveBeenCalledWith(`${ENGINE}/producer`);
    expect(win.title).toBe('Cuedeck — Producer');
  });

  it('focuses instead of opening a second producer window', () => {
    const { windows } = setup();
    windows.engineReady(ENGINE, false);
    windows.openProducer();
    windows.openProducer();
    expect(only().focus).toHaveBeenCalled();
  });

  it('restores saved bounds that are still visible, and not ones that are not', () => {
    setup({ windows: { producer: { x: 100, y: 50, width: 1000, height: 700, maximized: true } } }).windows.openProducer();
    expect(only().options).toMatchObject({ x: 100, y: 50, width: 1000, height: 700 });
    expect(only().maximize).toHaveBeenCalled();

    resetFakeElectron();
    setup({ windows: { producer: { x: 5000, y: 50, width: 1000, height: 700 } } }).windows.openProducer();
    expect(only().options).not.toHaveProperty('x');
    expect(only().options).toMatchObject({ width: 1280, height: 800 });
  });

  it('saves bounds debounced on move/resize and at once on close', async () => {
    const { windows, settings } = setup();
    windows.openProducer();
    const win = only();
    win.bounds = { x: 1, y: 2, width: 900, height: 600 };
    win.emit('move');
    win.emit('resize');
    expect(settings.getWindowBounds('producer')).toBeUndefined();
    await vi.advanceTimersByTimeAsync(500);
    expect(settings.getWindowBounds('producer')).toEqual({ x: 1, y: 2, width: 900, height: 600, maximized: false });

    win.bounds = { x: 30, y: 40, width: 1000, height: 700 };
    win.emit('close');
    expect(settings.getWindowBounds('producer')).toEqual({ x: 30, y: 40, width: 1000, height: 700, maximized: false });
  });

  it('opens the streamer window full screen on a second display', () => {
    screen.displays = [primary, right];
    const { windows } = setup();
    windows.engineReady(ENGINE, false);
    windows.openStreamer();
    expect(only().options).toMatchObject({ ...right.bounds, fullscreen: true });
    expect(only().loadURL).toHaveBeenCalledWith(`${ENGINE}/streamer`);
  });

  it('uses the display saved in preferences for the streamer window', () => {
    const third = display(3, -1920, 0, 1920, 1080);
    screen.displays = [primary, right, third];
    const { windows } = setup({ preferences: { ...DEFAULT_PREFERENCES, streamerDisplayId: 3 } });
    windows.openStreamer();
    expect(only().options).toMatchObject({ ...third.bounds, fullscreen: true });
  });

  it('opens a normal streamer window with a single display', () => {
    const { windows } = setup();
    windows.openStreamer();
    expect(only().options.fullscreen).toBeUndefined();
    expect(only().options).toMatchObject({ width: 1280, height: 720 });
  });

  it('marks windows while the engine restarts, then reloads them from the new URL and tells the page', () => {
    const { windows } = setup();
    windows.engineReady(ENGINE, false);
    windows.openProducer();
    const win = only();

    windows.notify({ kind: 'engine-restarting', exitCode: 1, attempt: 1, restartInMs: 500 });
    windows.engineDown('restarting');
    expect(win.title).toBe('Cuedeck — Producer — Engine restarting…');
    expect(win.webContents.send).toHaveBeenCalledWith('cuedeck:shell-notice', { kind: 'engine-restarting', exitCode: 1, attempt: 1, restartInMs: 500 });

    windows.engineReady('http://127.0.0.1:7491', true);
    expect(win.title).toBe('Cuedeck — Producer');
    expect(win.loadURL).toHaveBeenLastCalledWith('http://127.0.0.1:7491/producer');
    expect(win.webContents.send).not.toHaveBeenCalledWith('cuedeck:shell-notice', { kind: 'engine-restarted' });
    win.webContents.emit('did-finish-load');
    expect(win.webContents.send).toHaveBeenCalledWith('cuedeck:shell-notice', { kind: 'engine-restarted' });
  });

  it('loads a window opened while the engine was down once it is ready', () => {
    const { windows } = setup();
    windows.openProducer();
    const win = only();
    expect(win.loadURL).not.toHaveBeenCalled();
    expect(win.show).toHaveBeenCalled();
    windows.engineReady(ENGINE, false);
    expect(win.loadURL).toHaveBeenCalledWith(`${ENGINE}/producer`);
  });

  it('keeps the shell title when the page sets its own', () => {
    const { windows } = setup();
    windows.openProducer();
    const preventDefault = vi.fn();
    only().emit('page-title-updated', { preventDefault }, 'Page title');
    expect(preventDefault).toHaveBeenCalled();
  });

  it('forgets a closed window so it can be opened again', () => {
    const { windows } = setup();
    windows.openProducer();
    only().emit('closed');
    expect(windows.count).toBe(0);
    windows.openProducer();
    expect(FakeBrowserWindow.instances).toHaveLength(2);
  });
});
