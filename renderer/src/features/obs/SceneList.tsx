import { useState } from 'react';
import type { CommandError } from '../../../../shared/protocol/index.ts';
import { useT } from '../../i18n/useT.ts';
import { useEngineState } from '../../stores/engineState.ts';
import { useConnection } from '../../stores/connection.ts';
import { sendCommand } from '../../app/connection.ts';
import { reportFailure } from '../commands/reportFailure.ts';

/** Failures of the OBS call itself are broadcast to every view as an 'obs.scene_switch_failed' notice; one toast is enough. */
function announcedByEngine(error: CommandError): boolean {
  return error.code === 'obs_request_failed' || error.code === 'obs_unsupported';
}

export function SceneList() {
  const t = useT();
  const obs = useEngineState((s) => s.state?.obs);
  const engineUp = useConnection((s) => s.status === 'connected');
  /** The scene asked for and not yet confirmed; the program tag moves only when OBS says so. */
  const [pending, setPending] = useState<string | null>(null);

  const switchTo = async (sceneName: string) => {
    setPending(sceneName);
    const result = await sendCommand({ type: 'obs.setProgramScene', sceneName });
    setPending((p) => (p === sceneName ? null : p));
    if (!result.ok && !announcedByEngine(result.error)) reportFailure('scenes.switchFailed', result.error, { scene: sceneName });
  };

  if (obs === undefined || obs.status.phase !== 'connected' || obs.scenes.length === 0) {
    const empty = obs?.status.phase === 'connected' ? t('scenes.emptyNone') : t('scenes.emptyOffline');
    return (
      <div className="scene-list scene-list--empty" data-testid="scene-list">
        <p className="empty-state" data-testid="scene-list-empty">
          {empty}
        </p>
      </div>
    );
  }

  return (
    <ul className="scene-list" data-testid="scene-list">
      {obs.scenes.map((scene) => {
        const isProgram = scene.name === obs.programScene;
        const isPending = pending === scene.name && !isProgram;
        return (
          <li key={scene.uuid ?? scene.name}>
            <button
              type="button"
              className={`scene${isProgram ? ' scene--program' : ''}${isPending ? ' scene--pending' : ''}`}
              data-testid="scene-button"
              data-scene-name={scene.name}
              data-program={isProgram ? 'true' : undefined}
              data-pending={isPending ? 'true' : undefined}
              aria-pressed={isProgram}
              aria-busy={isPending}
              title={isProgram ? t('scenes.onProgram', { scene: scene.name }) : t('scenes.switchTo', { scene: scene.name })}
              disabled={!engineUp}
              onClick={() => {
                if (!isProgram) void switchTo(scene.name);
              }}
            >
              <span className="scene__name">{scene.name}</span>
              {isProgram && <span className="scene__tag">{t('scenes.program')}</span>}
              {isPending && <span className="scene__pending">{t('scenes.switching')}</span>}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
