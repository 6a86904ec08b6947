import { useId, useState } from 'react';
import type { CameraPreset } from '../../../../shared/protocol/index.ts';
import { useT } from '../../i18n/useT.ts';
import { useEngineState } from '../../stores/engineState.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { useReportedCommand } from '../commands/useReportedCommand.ts';
import { useObsLinked } from '../obs/useObsLinked.ts';
import { presetIsLive, presetKeyNumber } from './presets.ts';
import { PresetSaveForm } from './PresetSaveForm.tsx';

const NO_PRESETS: CameraPreset[] = [];

/** Camera presets: one click (or Shift+1..9) sets the cameras' visibility, then cuts to the preset's scene. */
export function PresetPanel() {
  const t = useT();
  const headingId = useId();
  const presets = useEngineState((s) => s.state?.obsSetup.cameraPresets ?? NO_PRESETS);
  const programScene = useEngineState((s) => s.state?.obs.programScene ?? null);
  const sceneItems = useEngineState((s) => s.state?.obsSources.sceneItems);
  const linked = useObsLinked();
  const apply = useReportedCommand();
  const remove = useReportedCommand();
  const [applying, setApplying] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<CameraPreset | null>(null);

  const applyPreset = async (preset: CameraPreset) => {
    setApplying(preset.id);
    await apply.run({ type: 'obs.applyCameraPreset', presetId: preset.id }, 'presets.applyFailed', { name: preset.name });
    setApplying((a) => (a === preset.id ? null : a));
  };

  const confirmDelete = async (preset: CameraPreset) => {
    setDeleting(null);
    await remove.run({ type: 'obs.deletePreset', presetId: preset.id }, 'presets.deleteFailed', { name: preset.name });
  };

  return (
    <section className="panel presets" aria-labelledby={headingId}>
      <h2 id={headingId} className="panel__heading">
        {t('presets.heading')}
      </h2>
      {presets.length === 0 ? (
        <p className="empty-state empty-state--small" data-testid="preset-list-empty">
          {t('presets.empty')}
        </p>
      ) : (
        <ul className="preset-list" data-testid="preset-list">
          {presets.map((preset, index) => {
            const key = presetKeyNumber(index);
            const live = sceneItems !== undefined && presetIsLive(preset, programScene, sceneItems);
            const busy = applying === preset.id;
            const title = t('presets.applyHint', { name: preset.name, scene: preset.sceneName });
            return (
              <li key={preset.id} className="preset-list__item">
                <button
                  type="button"
                  className={`preset${live ? ' preset--live' : ''}`}
                  data-testid="preset-button"
                  data-preset-id={preset.id}
                  data-live={live ? 'true' : undefined}
                  aria-busy={busy}
                  aria-keyshortcuts={key === null ? undefined : `Shift+${key}`}
                  title={key === null ? title : t('shortcuts.withKey', { action: title, key: t('presets.keyName', { key }) })}
                  disabled={!linked || busy}
                  onClick={() => void applyPreset(preset)}
                >
                  {key !== null && (
                    <span className="preset__key" aria-hidden="true">
                      {t('presets.keyBadge', { key })}
                    </span>
                  )}
                  <span className="preset__name">{preset.name}</span>
                  <span className="preset__scene">{preset.sceneName}</span>
                  {live && <span className="preset__live">{t('presets.live')}</span>}
                </button>
                <button
                  type="button"
                  className="icon-button"
                  data-testid="preset-delete"
                  data-preset-id={preset.id}
                  aria-label={t('presets.delete', { name: preset.name })}
                  title={t('presets.delete', { name: preset.name })}
                  onClick={() => setDeleting(preset)}
                >
                  <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
                    <path d="M3 3l10 10M13 3L3 13" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
                  </svg>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <PresetSaveForm />
      {deleting !== null && (
        <ConfirmDialog
          title={t('presets.deleteTitle', { name: deleting.name })}
          body={<p>{t('presets.deleteBody', { name: deleting.name })}</p>}
          confirmLabel={t('presets.deleteConfirm')}
          cancelLabel={t('dialog.cancel')}
          tone="danger"
          focus="cancel"
          onConfirm={() => void confirmDelete(deleting)}
          onCancel={() => setDeleting(null)}
        />
      )}
    </section>
  );
}
