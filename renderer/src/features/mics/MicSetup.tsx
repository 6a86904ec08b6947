import { useT } from '../../i18n/useT.ts';
import { useEngineState } from '../../stores/engineState.ts';
import { useCommand } from '../commands/useCommand.ts';
import { reportFailure } from '../commands/reportFailure.ts';
import { usePendingList } from '../sources/usePendingList.ts';
import { audioInputs } from './mics.ts';

const NONE: never[] = [];

/** Settings → OBS: which of OBS's audio inputs are microphones (they get mute buttons on the producer view). */
export function MicSetup() {
  const t = useT();
  const marked = useEngineState((s) => s.state?.obsSetup.microphoneInputs ?? NONE);
  const inputs = useEngineState((s) => s.state?.obsSources.inputs ?? NONE);
  const { run } = useCommand();
  const mics = usePendingList(marked, async (next) => {
    const result = await run({ type: 'obs.updateSetup', microphoneInputs: next });
    if (!result.ok) reportFailure('settings.mics.failed', result.error);
    return result;
  });
  const audio = audioInputs(inputs);
  const gone = mics.list.filter((name) => !audio.some((i) => i.name === name));

  return (
    <div className="mic-setup" data-testid="mic-setup">
      <p className="form-help">{t('settings.mics.help')}</p>
      {audio.length === 0 && gone.length === 0 ? (
        <p className="empty-state empty-state--small">{t('settings.mics.none')}</p>
      ) : (
        <ul className="check-list">
          {[...audio.map((i) => i.name), ...gone].map((name) => (
            <li key={name}>
              <label className="checkbox">
                <input
                  type="checkbox"
                  data-testid="mic-mark"
                  data-input-name={name}
                  checked={mics.list.includes(name)}
                  aria-busy={mics.isPending(name)}
                  onChange={(e) => void mics.set(name, e.target.checked)}
                />
                <span>{name}</span>
                {gone.includes(name) && <span className="hint hint--warning">{t('settings.mics.gone')}</span>}
              </label>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
