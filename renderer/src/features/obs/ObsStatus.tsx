import { useT } from '../../i18n/useT.ts';
import { useEngineNow } from '../../app/useEngineNow.ts';
import { useEngineState } from '../../stores/engineState.ts';
import { Link } from '../../app/Link.tsx';
import { ROUTE_PATHS } from '../../app/router.ts';
import { describeObsStatus } from './obsStatusView.ts';
import { retryMessage } from './retryCountdown.ts';

/** Kept apart so only this line re-renders every second. */
function RetryCountdown({ at }: { at: number }) {
  const t = useT();
  const now = useEngineNow();
  const { key, params } = retryMessage(at, now);
  return (
    <span className="obs-status__retry" data-testid="obs-status-retry">
      {t(key, params)}
    </span>
  );
}

export function ObsStatus({ showSettingsLink = true }: { showSettingsLink?: boolean }) {
  const t = useT();
  const obs = useEngineState((s) => s.state?.obs);
  if (obs === undefined) {
    return (
      <div className="obs-status" data-testid="obs-status" data-phase="unknown">
        <span className="status-dot" aria-hidden="true" />
        <span className="obs-status__text">{t('engine.waiting')}</span>
      </div>
    );
  }
  const view = describeObsStatus(obs.status, obs.connection.url);
  return (
    <div className="obs-status-block">
      <div
        className={`obs-status obs-status--${view.phase}`}
        data-testid="obs-status"
        data-phase={view.phase}
        role="status"
        aria-label={t('obs.status.label')}
      >
        <span className="status-dot" aria-hidden="true" />
        <span className="obs-status__label">{t('obs.heading')}</span>
        <span className="obs-status__text">{t(view.phaseKey)}</span>
      </div>
      {view.versions !== null && (
        <p className="obs-status__meta">{t('obs.versions', { obs: view.versions.obs, websocket: view.versions.websocket })}</p>
      )}
      {view.target !== null && <p className="obs-status__meta">{t('obs.connectingTo', { url: view.target })}</p>}
      {view.reason !== null && (
        <p className="obs-status__reason" data-testid="obs-status-reason">
          {t(view.reason.key, view.reason.params)}
          {view.detail !== null && (
            <span className="obs-status__detail" data-testid="obs-status-detail">
              {view.detail}
            </span>
          )}
        </p>
      )}
      {view.nextRetryAt !== null && <RetryCountdown at={view.nextRetryAt} />}
      {showSettingsLink && view.suggestSettings && (
        <Link to={ROUTE_PATHS.settings} className="link-button" testId="obs-open-settings">
          {t('obs.openSettings')}
        </Link>
      )}
    </div>
  );
}
