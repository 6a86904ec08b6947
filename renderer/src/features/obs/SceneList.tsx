import { useState } from 'react';
import type { CommandError } from '../../../../shared/protocol/index.ts';
import { useT } from '../../i18n/useT.ts';
import { useEngineState } from '../../stores/engineState.ts';
import { useConnection } from '../../stores/connection.ts';
import { sendCommand } from '../../app/connection.ts';
import { reportFailure } from '../commands/reportFailure.ts';
import { sceneKeyNumber } from './obsFeatures.ts';

/** Failures of the OBS call itself are broadcast to every view as an 'obs.scene_switch_failed' notice; one toast is enough. */
function announcedByEngine(error: CommandError): boolean {
  return error.code === 'obs_request_failed' || error.code === 'obs_unsupported';
}

type Target = 'program' | 'preview';

/**
 * OBS's scenes in OBS's order. Outside studio mode a click puts the scene on program; in studio mode it prepares
 * it in preview (Take then puts it on program). Tags move only when OBS confirms.
 */
export function SceneList() {
  const t = useT();
  const obs = useEngineState((s) => s.state?.obs);
  const engineUp = useConnection((s) => s.status === 'connected');
  /** The scene asked for and not yet confirmed, and where it was sent. */
  const [pending, setPending] = useState<{ scene: string; target: Target } | null>(null);

  const select = async (sceneName: string, target: Target) => {
    const request = { scene: sceneName, target };
    setPending(request);
    const result = await sendCommand(
      target === 'program' ? { type: 'obs.setProgramScene', sceneName } : { type: 'obs.setPreviewScene', sceneName },
    );
    setPending((p) => (p === request ? null : p));
    if (result.ok) return;
    if (target === 'program' && announcedByEngine(result.error)) return;
    reportFailure(target === 'program' ? 'scenes.switchFailed' : 'scenes.previewFailed', result.error, { scene: sceneName });
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

  const studio = obs.studioMode;
  return (
    <ul className="scene-list" data-testid="scene-list" data-studio-mode={studio ? 'true' : 'false'}>
      {obs.scenes.map((scene, index) => {
        const isProgram = scene.name === obs.programScene;
        const isPreview = studio && scene.name === obs.previewScene;
        const target: Target = studio ? 'preview' : 'program';
        const done = studio ? isPreview : isProgram;
        const isPending = pending?.scene === scene.name && pending.target === target && !done;
        const key = sceneKeyNumber(index);
        const title = studio
          ? isPreview
            ? t('scenes.inPreview', { scene: scene.name })
            : t('scenes.prepare', { scene: scene.name })
          : isProgram
            ? t('scenes.onProgram', { scene: scene.name })
            : t('scenes.switchTo', { scene: scene.name });
        const classes = ['scene', isProgram && 'scene--program', isPreview && 'scene--preview', isPending && 'scene--pending'];
        return (
          <li key={scene.uuid ?? scene.name}>
            <button
              type="button"
              className={classes.filter(Boolean).join(' ')}
              data-testid="scene-button"
              data-scene-name={scene.name}
              data-program={isProgram ? 'true' : undefined}
              data-preview={isPreview ? 'true' : undefined}
              data-pending={isPending ? 'true' : undefined}
              data-key={key ?? undefined}
              aria-pressed={isProgram}
              aria-busy={isPending}
              aria-keyshortcuts={key === null ? undefined : String(key)}
              title={key === null ? title : t('shortcuts.withKey', { action: title, key })}
              disabled={!engineUp}
              onClick={() => {
                if (!done) void select(scene.name, target);
              }}
            >
              {key !== null && (
                <span className="scene__key" aria-hidden="true">
                  {key}
                </span>
              )}
              <span className="scene__tags">
                {isPreview && <span className="scene__tag scene__tag--preview">{t('scenes.preview')}</span>}
                {isProgram && <span className="scene__tag">{t('scenes.program')}</span>}
              </span>
              <span className="scene__name">{scene.name}</span>
              {isPending && <span className="scene__pending">{t('scenes.switching')}</span>}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
