import { useEffect } from 'react';
import { useT } from '../i18n/useT.ts';
import { useConnection } from '../stores/connection.ts';
import { useShowTitle } from '../features/show/useShowTitle.ts';
import { cameFromInApp } from '../app/navigation.ts';

/** Lets a producer who opened this view by mistake press Escape to go back; a window opened on it stays put. */
function useEscapeBack(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && cameFromInApp()) history.back();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** Read from across the room: full screen, huge type, nothing to click. */
export function StreamerView() {
  const t = useT();
  const title = useShowTitle();
  const status = useConnection((s) => s.status);
  useEscapeBack();
  return (
    <main className="streamer">
      <div
        className={`streamer__connection streamer__connection--${status}`}
        data-testid="streamer-connection"
        data-state={status}
        role="status"
        aria-label={t('streamer.connection.label')}
      >
        <span className="status-dot" aria-hidden="true" />
        {t(`connection.${status}`)}
      </div>
      <h1 className="streamer__title" data-testid="streamer-title">
        {title}
      </h1>
      <p className="streamer__placeholder" data-testid="streamer-placeholder">
        {t('streamer.placeholder')}
      </p>
    </main>
  );
}
