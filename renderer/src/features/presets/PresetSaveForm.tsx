import { useId, useState, type FormEvent } from 'react';
import { useT } from '../../i18n/useT.ts';
import { useEngineState } from '../../stores/engineState.ts';
import { useReportedCommand } from '../commands/useReportedCommand.ts';
import { useObsLinked } from '../obs/useObsLinked.ts';
import { PRESET_NAME_MAX, newPresetId, presetNameValid, savePresetCommand } from './presets.ts';

/** Saves the scene on screen (program; the preview being prepared in studio mode) as it looks now. */
export function PresetSaveForm() {
  const t = useT();
  const id = useId();
  const obs = useEngineState((s) => s.state?.obs);
  const linked = useObsLinked();
  const { pending, run } = useReportedCommand();
  const [name, setName] = useState('');
  const sceneName = (obs?.studioMode === true ? obs.previewScene : obs?.programScene) ?? null;
  const canSave = linked && sceneName !== null && presetNameValid(name) && !pending;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!canSave) return;
    const result = await run(savePresetCommand(newPresetId(), name, sceneName), 'presets.saveFailed', { name: name.trim() });
    if (result.ok) setName('');
  };

  const hint = sceneName === null ? t('presets.saveNoScene') : t('presets.saveHint', { scene: sceneName });
  return (
    <form className="preset-form" noValidate title={hint} onSubmit={(e) => void submit(e)}>
      <label className="field-label" htmlFor={`${id}-name`}>
        {t('presets.saveLabel')}
      </label>
      <div className="preset-form__row">
        <input
          id={`${id}-name`}
          type="text"
          autoComplete="off"
          maxLength={PRESET_NAME_MAX}
          data-testid="preset-name"
          placeholder={t('presets.namePlaceholder')}
          aria-describedby={`${id}-hint`}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" className="button" data-testid="preset-save" disabled={!canSave}>
          {t('presets.save')}
        </button>
      </div>
      <p className="visually-hidden" id={`${id}-hint`}>
        {hint}
      </p>
    </form>
  );
}
