import { useId, useState, type FormEvent } from 'react';
import type { CommandResult } from '../../../../shared/protocol/index.ts';
import { useT } from '../../i18n/useT.ts';
import { useEngineState } from '../../stores/engineState.ts';
import { useCommand } from '../commands/useCommand.ts';
import { CommandErrorMessage } from '../commands/CommandErrorMessage.tsx';
import { buildObsConfigureCommand } from './obsConfigure.ts';

export function ObsSettingsForm() {
  const t = useT();
  const id = useId();
  const connection = useEngineState((s) => s.state?.obs.connection);
  const { pending, run } = useCommand();
  /** null until the user types: until then the field follows the engine's saved URL. */
  const [urlDraft, setUrlDraft] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [clearPassword, setClearPassword] = useState(false);
  const [result, setResult] = useState<CommandResult | null>(null);

  const url = urlDraft ?? connection?.url ?? '';
  const hasPassword = connection?.hasPassword ?? false;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const outcome = await run(buildObsConfigureCommand({ url, password, clearPassword: clearPassword && hasPassword }));
    setResult(outcome);
    if (outcome.ok) {
      // The password lives in the engine now; do not keep it in the page.
      setPassword('');
      setClearPassword(false);
    }
  };

  const edited = () => setResult(null);

  return (
    <form className="form" data-testid="obs-settings-form" noValidate onSubmit={(e) => void submit(e)}>
      <p className="form-help">{t('settings.obs.help')}</p>

      <div className="field">
        <label className="field-label" htmlFor={`${id}-url`}>
          {t('settings.obs.url')}
        </label>
        <input
          id={`${id}-url`}
          type="text"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          data-testid="obs-url"
          placeholder={t('settings.obs.urlPlaceholder')}
          value={url}
          onChange={(e) => {
            setUrlDraft(e.target.value);
            edited();
          }}
        />
      </div>

      <div className="field">
        <label className="field-label" htmlFor={`${id}-password`}>
          {t('settings.obs.password')}
        </label>
        <input
          id={`${id}-password`}
          type="password"
          autoComplete="new-password"
          data-testid="obs-password"
          placeholder={hasPassword ? t('settings.obs.passwordSaved') : t('settings.obs.passwordNone')}
          value={password}
          disabled={clearPassword}
          onChange={(e) => {
            setPassword(e.target.value);
            edited();
          }}
        />
      </div>

      <label className="checkbox">
        <input
          type="checkbox"
          data-testid="obs-clear-password"
          checked={clearPassword}
          disabled={!hasPassword}
          onChange={(e) => {
            setClearPassword(e.target.checked);
            edited();
          }}
        />
        <span>{t('settings.obs.clearPassword')}</span>
      </label>

      <div className="button-row">
        <button type="submit" className="button button--primary" data-testid="obs-save" disabled={pending}>
          {pending ? t('settings.obs.saving') : t('settings.obs.save')}
        </button>
      </div>

      {result !== null && !result.ok && (
        <CommandErrorMessage action="settings.obs.failed" error={result.error} testId="obs-settings-error" />
      )}
      {result?.ok === true && (
        <p className="form-success" role="status" data-testid="obs-settings-saved">
          {t('settings.obs.saved')}
        </p>
      )}
    </form>
  );
}
