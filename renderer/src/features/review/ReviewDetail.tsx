import { useCallback } from 'react';
import { Link } from '../../app/Link.tsx';
import { ROUTE_PATHS } from '../../app/router.ts';
import { useT } from '../../i18n/useT.ts';
import { ApiErrorMessage } from '../api/ApiErrorMessage.tsx';
import { AudiencePanel } from './AudiencePanel.tsx';
import { previousSessions } from './compare.ts';
import { CostsForm } from './CostsForm.tsx';
import { KpiCards } from './KpiCards.tsx';
import { ReviewHeader } from './ReviewHeader.tsx';
import { ReviewTimeline } from './ReviewTimeline.tsx';
import { fetchReview, fetchSessions } from './reviewApi.ts';
import { useReviewPrefs } from './reviewPrefs.ts';
import { SalesTable } from './SalesTable.tsx';
import { SegmentsTable } from './SegmentsTable.tsx';
import { useResource } from '../../app/useResource.ts';

/** /review/:id — the 复盘 of one show: figures against earlier shows, minute curves, plan against actual, sales. */
export function ReviewDetail({ sessionId }: { sessionId: string }) {
  const t = useT();
  const include = useReviewPrefs((s) => s.includeRehearsals);
  const [review, reloadReview] = useResource(`review:${sessionId}`, (signal) => fetchReview(sessionId, signal));
  const [sessions, reloadSessions] = useResource('sessions', fetchSessions);
  const reload = useCallback(() => {
    reloadReview();
    reloadSessions();
  }, [reloadReview, reloadSessions]);

  if (review.status !== 'ready') {
    return (
      <main className="view review" data-testid="review-detail" data-state={review.status}>
        <Link to={ROUTE_PATHS.review} className="inline-link" testId="review-back">
          {t('review.back')}
        </Link>
        {review.status === 'loading' ? (
          <p className="review__note">{t('review.loading')}</p>
        ) : (
          <ApiErrorMessage error={review.error} testId="review-load-error" />
        )}
      </main>
    );
  }

  const data = review.data;
  const currency = data.metrics.currency;
  const baseline = sessions.status === 'ready' ? previousSessions(sessions.data, data.session, include) : sessions.status === 'error' ? [] : null;
  return (
    <main className="view review review--detail" data-testid="review-detail" data-state="ready" aria-busy={review.refreshing}>
      <ReviewHeader review={data} />
      {sessions.status === 'error' && <ApiErrorMessage error={sessions.error} testId="review-load-error" />}
      <KpiCards session={data.session} baseline={baseline} currency={currency} />
      <CostsForm
        key={`${data.session.id}:${data.session.costs ?? ''}`}
        sessionId={data.session.id}
        costs={data.session.costs}
        roi={data.session.figures.roi}
        currency={currency}
        onSaved={reload}
      />
      <ReviewTimeline review={data} />
      <SegmentsTable segments={data.segments} currency={currency} />
      <SalesTable sales={data.sales} />
      <AudiencePanel key={`${data.session.id}:${data.session.endedAt ?? ''}`} sessionId={data.session.id} rehearsal={data.session.kind === 'rehearsal'} />
    </main>
  );
}
