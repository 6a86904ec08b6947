import { useId } from 'react';
import { useLanguage } from './store.ts';
import { LANGUAGES, isLanguage } from './languages.ts';
import { useT } from './useT.ts';

export function LanguageSelect({ showLabel = false }: { showLabel?: boolean }) {
  const t = useT();
  const id = useId();
  const language = useLanguage((s) => s.language);
  const setLanguage = useLanguage((s) => s.setLanguage);
  return (
    <span className="language-select">
      <label htmlFor={id} className={showLabel ? 'field-label' : 'visually-hidden'}>
        {t('language.label')}
      </label>
      <select
        id={id}
        data-testid="language-select"
        value={language}
        onChange={(e) => {
          if (isLanguage(e.target.value)) setLanguage(e.target.value);
        }}
      >
        {LANGUAGES.map((lang) => (
          <option key={lang} value={lang} lang={lang}>
            {t(`language.${lang}`)}
          </option>
        ))}
      </select>
    </span>
  );
}
