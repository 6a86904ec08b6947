import { useId } from 'react';
import { useT } from '../../i18n/useT.ts';
import { ApiErrorMessage } from '../api/ApiErrorMessage.tsx';
import { minuteWindow } from './chart.ts';
import { formatTimeOfDay } from './format.ts';
import { COMMENTS_LIMIT, fetchComments, type CommentEvent } from './reviewApi.ts';
import { useResource } from '../../app/useResource.ts';

interface Props {
  sessionId: string;
  startedAt: number;
  /** The chosen minute slot; null before any. */
  minute: number | null;
  lastMinute: number;
  onSelect: (minute: number) => void;
}

/** What the room was saying in the chosen minute (the first 200 comments of it). */
export function CommentsAround({ sessionId, startedAt, minute, lastMinute, onSelect }: Props) {
  const t = useT();
  const id = useId();
  return (
    <section className="review-comments" data-testid="review-comments" data-minute={minute ?? undefined} aria-labelledby={`${id}-heading`}>
      <div className="review-comments__top">
        <h3 id={`${id}-heading`} className="review-comments__heading">
          {minute === null
            ? t('review.comments.heading')
            : t('review.comments.window', {
                from: formatTimeOfDay(minuteWindow(startedAt, minute).from, true),
                to: formatTimeOfDay(minuteWindow(startedAt, minute).to, true),
              })}
        </h3>
        {minute !== null && (
          <div className="button-row review__screen-only">
            <button type="button" className="button review-button--small" data-testid="review-comments-prev" disabled={minute <= 0} onClick={() => onSelect(minute - 1)}>
              {t('review.comments.previous')}
            </button>
            <button
              type="button"
              className="button review-button--small"
              data-testid="review-comments-next"
              disabled={minute >= lastMinute}
              onClick={() => onSelect(minute + 1)}
            >
              {t('review.comments.next')}
            </button>
          </div>
        )}
      </div>
      {minute === null ? (
        <p className="review__note">{t('review.comments.pick')}</p>
      ) : (
        <CommentList key={`${sessionId}:${minute}`} sessionId={sessionId} {...minuteWindow(startedAt, minute)} />
      )}
    </section>
  );
}

function CommentList({ sessionId, from, to }: { sessionId: string; from: number; to: number }) {
  const t = useT();
  const [comments] = useResource(`${sessionId}:${from}`, (signal) => fetchComments(sessionId, from, to, signal));
  if (comments.status === 'loading') return <p className="review__note">{t('review.loading')}</p>;
  if (comments.status === 'error') return <ApiErrorMessage error={comments.error} testId="review-comments-error" />;
  if (comments.data.length === 0) return <p className="review__note" data-testid="review-comments-empty">{t('review.comments.none')}</p>;
  return (
    <>
      {comments.data.length >= COMMENTS_LIMIT && <p className="review__note">{t('review.comments.limited', { count: COMMENTS_LIMIT })}</p>}
      <ol className="review-comment-list">
        {comments.data.map((c) => (
          <CommentItem key={c.id} comment={c} />
        ))}
      </ol>
    </>
  );
}

function CommentItem({ comment }: { comment: CommentEvent }) {
  return (
    <li className="review-comment" data-testid="review-comment" data-event-id={comment.id}>
      <time className="review-comment__time" dateTime={new Date(comment.at).toISOString()}>
        {formatTimeOfDay(comment.at, true)}
      </time>
      <bdi className="review-comment__nick">{comment.nickname}</bdi>
      <bdi className="review-comment__text" title={comment.text}>
        {comment.text}
      </bdi>
    </li>
  );
}
