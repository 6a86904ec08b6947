import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate, installApplicationMenu } from '../menu.ts';
import { STRINGS, resolveLanguage } from '../strings.ts';
import { Menu, resetFakeElectron } from './fake-electron.ts';

vi.mock('electron', () => import('./fake-electron.ts'));

const actions = () => ({ showProducer: vi.fn(), showStreamer: vi.fn(), openInBrowser: vi.fn() });

function submenuOf(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const item = template.find((entry) => entry.label === label);
  if (!item || !Array.isArray(item.submenu)) throw new Error(`no submenu ${label}`);
  return item.submenu;
}

function click(item: MenuItemConstructorOptions | undefined): void {
  if (!item?.click) throw new Error('item has no click handler');
  // The handler ignores its arguments; Electron passes (menuItem, window, event).
  (item.click as () => void)();
}

beforeEach(() => {
  resetFakeElectron();
});

describe('application menu', () => {
  it('has View and Help menus wired to the actions', () => {
    const a = actions();
    const template = buildMenuTemplate(STRINGS.en, a, { platform: 'linux', devTools: false });
    const view = submenuOf(template, 'View');
    expect(view.filter((i) => i.type !== 'separator').map((i) => i.label)).toEqual(['Producer', 'Streamer', 'Reload', 'Toggle Full Screen']);
    expect(view.find((i) => i.label === 'Reload')?.role).toBe('reload');
    expect(view.find((i) => i.label === 'Toggle Full Screen')?.role).toBe('togglefullscreen');

    click(view.find((i) => i.label === 'Producer'));
    click(view.find((i) => i.label === 'Streamer'));
    click(submenuOf(template, 'Help').find((i) => i.label === 'Open in Browser'));
    expect(a.showProducer).toHaveBeenCalledTimes(1);
    expect(a.showStreamer).toHaveBeenCalledTimes(1);
    expect(a.openInBrowser).toHaveBeenCalledTimes(1);
  });

  it('uses Chinese labels for zh-CN', () => {
    const template = buildMenuTemplate(STRINGS['zh-CN'], actions(), { platform: 'win32', devTools: false });
    expect(submenuOf(template, '视图').map((i) => i.label).filter(Boolean)).toEqual(['导播台', '主播窗口', '重新加载', '切换全屏']);
    expect(submenuOf(template, '帮助').map((i) => i.label)).toEqual(['在浏览器中打开']);
  });

  it('adds the macOS app menu only on macOS and keeps an Edit menu for copy/paste', () => {
    const mac = buildMenuTemplate(STRINGS.en, actions(), { platform: 'darwin', devTools: false });
    const linux = buildMenuTemplate(STRINGS.en, actions(), { platform: 'linux', devTools: false });
    expect(mac[0]?.role).toBe('appMenu');
    expect(linux.some((i) => i.role === 'appMenu')).toBe(false);
    expect(linux.some((i) => i.role === 'editMenu')).toBe(true);
  });

  it('offers developer tools only when asked to', () => {
    const roles = (devTools: boolean) => submenuOf(buildMenuTemplate(STRINGS.en, actions(), { platform: 'linux', devTools }), 'View').map((i) => i.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
  });

  it('installs the built menu as the application menu', () => {
    installApplicationMenu(STRINGS.en, actions(), { platform: 'linux', devTools: false });
    expect(Menu.buildFromTemplate).toHaveBeenCalledTimes(1);
    expect(Menu.setApplicationMenu).toHaveBeenCalledWith(Menu.buildFromTemplate.mock.results[0]?.value);
  });
});

describe('resolveLanguage', () => {
  it('prefers the saved language, else follows the OS locale', () => {
    expect(resolveLanguage('en', 'zh-CN')).toBe('en');
    expect(resolveLanguage(undefined, 'zh-CN')).toBe('zh-CN');
    expect(resolveLanguage(undefined, 'zh-TW')).toBe('zh-CN');
    expect(resolveLanguage(undefined, 'en-US')).toBe('en');
    expect(resolveLanguage(undefined, 'de')).toBe('en');
  });
});
