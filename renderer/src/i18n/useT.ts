import { useCallback } from 'react';
import { useLanguage } from './store.ts';
import { DICTIONARIES } from './languages.ts';
import { translate, type MessageParams } from './translate.ts';
import type { MessageKey } from './en.ts';

export type TFunction = (key: MessageKey, params?: MessageParams) => string;

/** The translate function for the current language; components re-render when the language changes. */
export function useT(): TFunction {
  const language = useLanguage((s) => s.language);
  return useCallback((key, params) => translate(DICTIONARIES[language], key, params), [language]);
}
