import { useT } from '../i18n/useT.ts';
import { useConnection } from '../stores/connection.ts';

/** Shown while the socket is down; the views underneath keep the last known state. */
export function EngineBanner() {
  const t = useT();
  const status = useConnection((s) => s.status);
  if (status !== 'connecting' && status !== 'reconnecting') return null;
  return (
    <div className={`engine-banner engine-banner--${status}`} role="status" data-testid="engine-connection" data-state={status}>
      <span className="status-dot" aria-hidden="true" />
      {status === 'connecting' ? t('engine.connecting') : t('engine.reconnecting')}
    </div>
  );
}
