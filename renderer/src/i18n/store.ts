import { create } from 'zustand';
import { DICTIONARIES, pickLanguage, type Language } from './languages.ts';
import { translate, type MessageParams } from './translate.ts';
import type { MessageKey } from './en.ts';

const STORAGE_KEY = 'cuedeck.language';

function readStored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage can be disabled; fall back to the system language
  }
}

function applyToDocument(language: Language): void {
  document.documentElement.lang = language;
}

interface LanguageStore {
  language: Language;
  setLanguage: (language: Language) => void;
}

export const useLanguage = create<LanguageStore>()((set) => ({
  language: 'en',
  setLanguage: (language) => {
    try {
      localStorage.setItem(STORAGE_KEY, language);
    } catch {
      // not persisted; the choice still holds for this page
    }
    applyToDocument(language);
    set({ language });
  },
}));

/** Called once at startup, before the first render. */
export function initLanguage(): void {
  const language = pickLanguage(readStored(), navigator.language);
  applyToDocument(language);
  useLanguage.setState({ language });
}

/** Translation outside React (e.g. texts produced by the socket layer). */
export function translateNow(key: MessageKey, params?: MessageParams): string {
  return translate(DICTIONARIES[useLanguage.getState().language], key, params);
}
