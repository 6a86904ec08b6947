import { useId, useState } from 'react';
import { useT } from '../../i18n/useT.ts';
import { useEngineState } from '../../stores/engineState.ts';
import { useReportedCommand } from '../commands/useReportedCommand.ts';

const NONE = '';

/** Settings → OBS: the scene the BRB button and key cut to. */
export function SafeSceneSelect() {
  const t = useT();
  const id = useId();
  const safeScene = useEngineState((s) => s.state?.obsSetup.safeScene ?? null);
  const scenes = useEngineState((s) => s.state?.obs.scenes);
  const { run } = useReportedCommand();
  const [choice, setChoice] = useState<string | null>(null);
  const value = choice ?? safeScene ?? NONE;
  const names = scenes?.map((s) => s.name) ?? [];
  const missing = safeScene !== null && scenes !== undefined && scenes.length > 0 && !names.includes(safeScene);

  const choose = async (next: string) => {
    setChoice(next);
    await run({ type: 'obs.updateSetup', safeScene: next === NONE ? null : next }, 'settings.safeScene.failed');
    setChoice((c) => (c === next ? null : c));
  };

  return (
    <div className="field safe-scene">
      <label className="field-label" htmlFor={id}>
        {t('settings.safeScene.label')}
      </label>
      <select id={id} data-testid="safe-scene-select" value={value} onChange={(e) => void choose(e.target.value)}>
        <option value={NONE}>{t('settings.safeScene.none')}</option>
        {value !== NONE && !names.includes(value) && <option value={value}>{value}</option>}
        {names.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
      <p className="form-help">{t('settings.safeScene.help')}</p>
      {missing && (
        <p className="hint hint--warning" data-testid="safe-scene-missing">
          {t('settings.safeScene.missing', { scene: safeScene })}
        </p>
      )}
      {names.length === 0 && <p className="hint">{t('settings.safeScene.noScenes')}</p>}
    </div>
  );
}
