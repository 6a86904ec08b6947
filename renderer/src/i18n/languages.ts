import { en } from './en.ts';
import { zhCN } from './zh-CN.ts';
import type { Dictionary } from './translate.ts';

export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

export const DICTIONARIES: Readonly<Record<Language, Dictionary>> = { en, 'zh-CN': zhCN };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** A saved choice wins; otherwise follow the system: any Chinese locale gets Simplified Chinese. */
export function pickLanguage(stored: string | null, navigatorLanguage: string | undefined): Language {
  if (isLanguage(stored)) return stored;
  return navigatorLanguage?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
