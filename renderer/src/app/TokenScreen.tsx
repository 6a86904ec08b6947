import { useId, useState, type FormEvent } from 'react';
import { useT } from '../i18n/useT.ts';
import { LanguageSelect } from '../i18n/LanguageSelect.tsx';
import { useConnection } from '../stores/connection.ts';
import { normalizeToken } from './token.ts';
import { saveToken } from './tokenStorage.ts';
import { startConnection } from './connection.ts';

/** Shown instead of every view when there is no token or the engine refused ours. */
export function TokenScreen() {
  const t = useT();
  const id = useId();
  const refused = useConnection((s) => s.tokenRefused);
  const [value, setValue] = useState('');
  const token = normalizeToken(value);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (token === null) return;
    saveToken(token);
    startConnection(token);
  };

  return (
    <main className="gate">
      <div className="gate__card">
        <div className="gate__top">
          <span className="brand">{t('app.title')}</span>
          <LanguageSelect />
        </div>
        <h1>{t('token.title')}</h1>
        <p>{t('token.needed')}</p>
        {refused && (
          <p className="form-error" role="alert" data-testid="token-refused">
            {t('token.refused')}
          </p>
        )}
        <form className="form" data-testid="token-form" onSubmit={submit}>
          <div className="field">
            <label className="field-label" htmlFor={`${id}-token`}>
              {t('token.label')}
            </label>
            <input
              id={`${id}-token`}
              type="password"
              autoComplete="off"
              spellCheck={false}
              data-testid="token-input"
              placeholder={t('token.placeholder')}
              value={value}
              onChange={(e) => setValue(e.target.value)}
            />
          </div>
          <div className="button-row">
            <button type="submit" className="button button--primary" data-testid="token-submit" disabled={token === null}>
              {t('token.submit')}
            </button>
            <button type="button" className="button" onClick={() => location.reload()}>
              {t('token.reload')}
            </button>
          </div>
        </form>
      </div>
    </main>
  );
}
