import { useState } from 'react';
import { useT } from '../../i18n/useT.ts';
import { togglePick } from './abCompare.ts';
import { AbComparePanel } from './AbComparePanel.tsx';
import { ApiErrorMessage } from '../api/ApiErrorMessage.tsx';
import { RehearsalToggle } from './RehearsalToggle.tsx';
import { fetchSessions } from './reviewApi.ts';
import { SessionImport } from './SessionImport.tsx';
import { SessionTable } from './SessionTable.tsx';
import { useResource } from '../../app/useResource.ts';

/** /review: every recorded show with its key figures against the shows before it. */
export function SessionsOverview() {
  const t = useT();
  const [sessions, reload] = useResource('sessions', fetchSessions);
  const [picked, setPicked] = useState<string[]>([]);
  return (
    <main className="view review" data-testid="review-list">
      <div className="review__top">
        <h1 className="view__heading">{t('review.heading')}</h1>
        <RehearsalToggle />
      </div>
      <p className="review__lead">{t('review.list.lead')}</p>
      <SessionImport onImported={reload} />

      <section className="panel review__section" aria-label={t('review.list.heading')}>
        {sessions.status === 'loading' && <p className="review__note">{t('review.loading')}</p>}
        {sessions.status === 'error' && <ApiErrorMessage error={sessions.error} testId="review-load-error" />}
        {sessions.status === 'ready' &&
          (sessions.data.length === 0 ? (
            <p className="empty-state" data-testid="review-empty">
              {t('review.list.empty')}
            </p>
          ) : (
            <>
              <AbComparePanel sessions={sessions.data} picked={picked} onClear={() => setPicked([])} />
              <SessionTable sessions={sessions.data} picked={picked} onPick={(id) => setPicked((p) => togglePick(p, id))} />
              <p className="review__note">{t('review.list.legend')}</p>
            </>
          ))}
      </section>
    </main>
  );
}
