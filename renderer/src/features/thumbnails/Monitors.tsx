import { useT } from '../../i18n/useT.ts';
import { useEngineState } from '../../stores/engineState.ts';
import { StudioControls } from '../studio/StudioControls.tsx';
import { Monitor } from './Monitor.tsx';
import { useThumbnailWatch } from './useThumbnailWatch.ts';

/**
 * Preview | studio controls | program, as in OBS's studio mode. Outside studio mode the preview slot explains
 * what studio mode is for, so the layout does not jump when it is switched on.
 */
export function Monitors() {
  const t = useT();
  const obs = useEngineState((s) => s.state?.obs);
  const studioMode = obs?.studioMode ?? false;
  const connected = obs?.status.phase === 'connected';
  useThumbnailWatch(studioMode);
  return (
    <section className="monitors" aria-label={t('monitor.heading')}>
      {studioMode ? (
        <Monitor target="preview" sceneName={obs?.previewScene ?? null} obsConnected={connected} />
      ) : (
        <div className="monitor monitor--off" data-testid="preview-off">
          <div className="monitor__caption">
            <span className="monitor__tag">{t('monitor.preview')}</span>
          </div>
          <div className="monitor__screen monitor__screen--off">
            <p className="monitor__off-title">{t('monitor.studioOff')}</p>
            <p className="monitor__off-text">{t('monitor.studioOffHint')}</p>
          </div>
        </div>
      )}
      <StudioControls />
      <Monitor target="program" sceneName={obs?.programScene ?? null} obsConnected={connected} />
    </section>
  );
}
