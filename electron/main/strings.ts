/** The few user-facing strings the shell itself shows (menus, titles, error boxes); the UI has its own i18n. */
import type { Language } from './settings-store.ts';

export interface ShellStrings {
  readonly menu: {
    readonly view: string;
    readonly producer: string;
    readonly streamer: string;
    readonly reload: string;
    readonly toggleFullScreen: string;
    readonly toggleDevTools: string;
    readonly help: string;
    readonly openInBrowser: string;
  };
  readonly title: {
    readonly producer: string;
    readonly streamer: string;
    readonly engineRestarting: string;
    readonly engineStopped: string;
  };
  readonly error: {
    readonly engineFailedTitle: string;
    readonly engineFatal: (code: string, message: string) => string;
    readonly engineGaveUp: (crashes: number) => string;
  };
}

export const STRINGS: Readonly<Record<Language, ShellStrings>> = {
  en: {
    menu: {
      view: 'View',
      producer: 'Producer',
      streamer: 'Streamer',
      reload: 'Reload',
      toggleFullScreen: 'Toggle Full Screen',
      toggleDevTools: 'Toggle Developer Tools',
      help: 'Help',
      openInBrowser: 'Open in Browser',
    },
    title: {
      producer: 'Cuedeck — Producer',
      streamer: 'Cuedeck — Streamer',
      engineRestarting: 'Engine restarting…',
      engineStopped: 'Engine stopped',
    },
    error: {
      engineFailedTitle: 'Cuedeck engine could not start',
      engineFatal: (code, message) => `${message}\n\n(${code})`,
      engineGaveUp: (crashes) => `The engine crashed ${crashes} times in a row right after starting. Check the logs and restart Cuedeck.`,
    },
  },
  'zh-CN': {
    menu: {
      view: '视图',
      producer: '导播台',
      streamer: '主播窗口',
      reload: '重新加载',
      toggleFullScreen: '切换全屏',
      toggleDevTools: '切换开发者工具',
      help: '帮助',
      openInBrowser: '在浏览器中打开',
    },
    title: {
      producer: 'Cuedeck — 导播台',
      streamer: 'Cuedeck — 主播窗口',
      engineRestarting: '引擎正在重启…',
      engineStopped: '引擎已停止',
    },
    error: {
      engineFailedTitle: 'Cuedeck 引擎无法启动',
      engineFatal: (code, message) => `${message}\n\n(${code})`,
      engineGaveUp: (crashes) => `引擎启动后连续崩溃 ${crashes} 次。请查看日志并重新启动 Cuedeck。`,
    },
  },
};

/** Saved preference first, else the OS locale: any Chinese locale gets zh-CN, everything else English. */
export function resolveLanguage(preference: Language | undefined, osLocale: string): Language {
  if (preference !== undefined) return preference;
  return osLocale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
