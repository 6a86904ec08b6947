import type { SessionReview } from '../../../../shared/protocol/index.ts';
import { Link } from '../../app/Link.tsx';
import { ROUTE_PATHS } from '../../app/router.ts';
import { useLanguage } from '../../i18n/store.ts';
import { useT } from '../../i18n/useT.ts';
import { formatDateTime, formatDuration } from './format.ts';
import { KindBadge } from './KindBadge.tsx';
import { DeleteSession } from './DeleteSession.tsx';
import { ReportActions } from './ReportActions.tsx';

/** Which show this is: title, kind, when it ran and for how long; with the report's downloads and print. */
export function ReviewHeader({ review }: { review: SessionReview }) {
  const t = useT();
  const locale = useLanguage((s) => s.language);
  const { session, metrics } = review;
  return (
    <header className="review-header" data-testid="review-header" data-session-id={session.id} data-kind={session.kind}>
      <Link to={ROUTE_PATHS.review} className="inline-link review__screen-only" testId="review-back">
        {t('review.back')}
      </Link>
      <p className="eyebrow">{t('review.report')}</p>
      <div className="review-header__title-row">
        <h1 className="view__heading review-header__title" data-testid="review-title">
          <bdi>{session.title}</bdi>
        </h1>
        <KindBadge session={session} />
      </div>
      <dl className="review-header__facts">
        <div>
          <dt>{t('review.header.start')}</dt>
          <dd data-testid="review-start">{formatDateTime(session.startedAt, locale)}</dd>
        </div>
        <div>
          <dt>{t('review.header.end')}</dt>
          <dd data-testid="review-end">{session.endedAt === null ? t('review.inProgress') : formatDateTime(session.endedAt, locale)}</dd>
        </div>
        <div>
          <dt>{t('review.figure.duration')}</dt>
          <dd data-testid="review-duration">{formatDuration(session.durationMs)}</dd>
        </div>
      </dl>
      {metrics.gaps > 0 && (
        <p className="review__warning" data-testid="review-gaps">
          {t('review.gaps', { count: metrics.gaps })}
        </p>
      )}
      {session.endedAt === null && <p className="review__warning">{t('review.stillRunning')}</p>}
      <ReportActions sessionId={session.id} />
      {session.endedAt !== null && <DeleteSession sessionId={session.id} title={session.title} />}
    </header>
  );
}
