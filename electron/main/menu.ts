/** Application menu. The template is built by a pure function so it can be tested without Electron. */
import { Menu } from 'electron';
import type { MenuItemConstructorOptions } from 'electron';
import type { ShellStrings } from './strings.ts';

export interface MenuActions {
  showProducer(): void;
  showStreamer(): void;
  openInBrowser(): void;
}

export interface MenuContext {
  platform: NodeJS.Platform;
  /** Offer developer tools (unpackaged builds only). */
  devTools: boolean;
}

export function buildMenuTemplate(strings: ShellStrings, actions: MenuActions, context: MenuContext): MenuItemConstructorOptions[] {
  const { menu } = strings;
  const view: MenuItemConstructorOptions[] = [
    { label: menu.producer, accelerator: 'CmdOrCtrl+1', click: () => actions.showProducer() },
    { label: menu.streamer, accelerator: 'CmdOrCtrl+2', click: () => actions.showStreamer() },
    { type: 'separator' },
    { label: menu.reload, role: 'reload' },
    { label: menu.toggleFullScreen, role: 'togglefullscreen' },
  ];
  if (context.devTools) view.push({ type: 'separator' }, { label: menu.toggleDevTools, role: 'toggleDevTools' });
  return [
    // macOS expects the app menu first (About, Hide, Quit).
    ...(context.platform === 'darwin' ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    // Without an Edit menu, copy/paste shortcuts stop working in text fields on macOS.
    { role: 'editMenu' },
    { label: menu.view, submenu: view },
    { label: menu.help, role: 'help', submenu: [{ label: menu.openInBrowser, click: () => actions.openInBrowser() }] },
  ];
}

export function installApplicationMenu(strings: ShellStrings, actions: MenuActions, context: MenuContext): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(strings, actions, context)));
}
