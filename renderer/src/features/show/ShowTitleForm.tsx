import { useId, useState, type FormEvent } from 'react';
import type { CommandResult } from '../../../../shared/protocol/index.ts';
import { useT } from '../../i18n/useT.ts';
import { useEngineState } from '../../stores/engineState.ts';
import { useCommand } from '../commands/useCommand.ts';
import { CommandErrorMessage } from '../commands/CommandErrorMessage.tsx';

export function ShowTitleForm() {
  const t = useT();
  const id = useId();
  const saved = useEngineState((s) => s.state?.show.title);
  const { pending, run } = useCommand();
  /** null until the user types: until then the field follows the engine's title. */
  const [draft, setDraft] = useState<string | null>(null);
  const [result, setResult] = useState<CommandResult | null>(null);
  const title = draft ?? saved ?? '';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setResult(await run({ type: 'show.setTitle', title: title.trim() }));
  };

  return (
    <form className="form form--inline" noValidate onSubmit={(e) => void submit(e)}>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-title`}>
          {t('settings.show.title')}
        </label>
        <input
          id={`${id}-title`}
          type="text"
          maxLength={200}
          autoComplete="off"
          data-testid="show-title-input"
          placeholder={t('settings.show.titlePlaceholder')}
          value={title}
          onChange={(e) => {
            setDraft(e.target.value);
            setResult(null);
          }}
        />
      </div>
      <div className="button-row">
        <button
          type="submit"
          className="button button--primary"
          data-testid="show-title-save"
          disabled={pending || title.trim() === ''}
        >
          {t('settings.show.save')}
        </button>
      </div>
      {result !== null && !result.ok && (
        <CommandErrorMessage action="settings.show.failed" error={result.error} testId="show-title-error" />
      )}
      {result?.ok === true && (
        <p className="form-success" role="status" data-testid="show-title-saved">
          {t('settings.show.saved')}
        </p>
      )}
    </form>
  );
}
