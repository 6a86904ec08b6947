import { ReviewDetail } from '../features/review/ReviewDetail.tsx';
import { SessionsOverview } from '../features/review/SessionsOverview.tsx';
import '../features/review/review.css';

/** 复盘: the list of recorded shows at /review, one show's review at /review/<session id>. */
export function ReviewView({ sessionId }: { sessionId?: string }) {
  return sessionId === undefined ? <SessionsOverview /> : <ReviewDetail key={sessionId} sessionId={sessionId} />;
}
