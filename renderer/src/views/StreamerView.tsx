import { useEffect } from 'react';
import { useT } from '../i18n/useT.ts';
import { useConnection } from '../stores/connection.ts';
import { useEngineState } from '../stores/engineState.ts';
import { useShowTitle } from '../features/show/useShowTitle.ts';
import { cameFromInApp } from '../app/navigation.ts';
import { PrompterLive } from '../features/prompter/PrompterLive.tsx';
import { AudienceAlert } from '../features/prompter/AudienceAlert.tsx';
import { PinnedSlot } from '../features/prompter/PinnedSlot.tsx';
import { prompterPhase } from '../features/prompter/prompter.ts';
import '../features/prompter/prompter.css';

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
  const show = useEngineState((s) => s.state?.script.show);
  const slice = useEngineState((s) => s.state?.run);
  const phase = prompterPhase(slice?.run.status);
  const rehearsal = slice !== undefined && slice.rehearsal && phase !== 'waiting';
  useEscapeBack();
  return (
    <main className={`streamer prompter prompter--${phase}`} data-testid="prompter" data-phase={phase}>
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
      {rehearsal && (
        <div className="prompter__watermark" data-testid="prompter-rehearsal" aria-hidden="true">
          {t('prompter.rehearsal')}
        </div>
      )}
      {phase === 'live' && show !== undefined && slice !== undefined ? (
        <PrompterLive show={show} slice={slice} showTitle={title} />
      ) : (
        <div className="prompter__waiting">
          <h1 className="streamer__title" data-testid="streamer-title">
            {title}
          </h1>
          <p className="streamer__placeholder" data-testid={phase === 'ended' ? 'prompter-ended' : 'prompter-waiting'}>
            {phase === 'ended' ? t('prompter.ended') : t('prompter.waiting')}
          </p>
          <AudienceAlert />
          <PinnedSlot />
        </div>
      )}
    </main>
  );
}
