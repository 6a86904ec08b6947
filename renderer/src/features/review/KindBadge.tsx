import type { SessionSummary } from '../../../../shared/protocol/index.ts';
import { useT } from '../../i18n/useT.ts';

/** Broadcast (直播) or rehearsal (彩排); a show still running says so. */
export function KindBadge({ session }: { session: SessionSummary }) {
  const t = useT();
  return (
    <>
      <span className={`review-badge review-badge--${session.kind}`} data-testid="session-kind-badge" data-kind={session.kind}>
        {t(`review.kind.${session.kind}`)}
      </span>
      {session.endedAt === null && (
        <span className="review-badge review-badge--live" data-testid="session-live-badge">
          {t('review.inProgress')}
        </span>
      )}
    </>
  );
}
