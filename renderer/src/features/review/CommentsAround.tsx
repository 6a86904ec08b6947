import { useId, useState } from 'react';
import { useT } from '../../i18n/useT.ts';
import { ApiErrorMessage } from '../api/ApiErrorMessage.tsx';
import { minuteWindow } from './chart.ts';
import { formatTimeOfDay } from './format.ts';
import { REVIEW_COMMENTS_PAGE } from '../../../../shared/protocol/index.ts';
import { fetchComments, type CommentEvent } from './reviewApi.ts';
import { useResource } from '../../app/useResource.ts';

interface Props {
  sessionId: string;
  startedAt: number;
  /** The chosen minute slot; null before any. */
  minute: number | null;
  lastMinute: number;
  onSelect: (minute: number) => void;
}

/** What the room was saying in the chosen minute, a page of comments at a time. */
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
  // Later pages, fetched on request; the list is remounted (keyed) for another minute, so they start empty.
  const [more, setMore] = useState<{ pages: CommentEvent[][]; pending: boolean; error: unknown }>({ pages: [], pending: false, error: null });
  if (comments.status === 'loading') return <p className="review__note">{t('review.loading')}</p>;
  if (comments.status === 'error') return <ApiErrorMessage error={comments.error} testId="review-comments-error" />;
  if (comments.data.length === 0) return <p className="review__note" data-testid="review-comments-empty">{t('review.comments.none')}</p>;
  const pages = [comments.data, ...more.pages];
  const shown = pages.flat();
  const mayHaveMore = (pages.at(-1)?.length ?? 0) >= REVIEW_COMMENTS_PAGE;
  const loadMore = async () => {
    setMore((m) => ({ ...m, pending: true, error: null }));
    try {
      const page = await fetchComments(sessionId, from, to, undefined, shown.length);
      setMore((m) => ({ pages: [...m.pages, page], pending: false, error: null }));
    } catch (error) {
      setMore((m) => ({ ...m, pending: false, error }));
    }
  };
  return (
    <>
      <ol className="review-comment-list">
        {shown.map((c) => (
          <CommentItem key={c.id} comment={c} />
        ))}
      </ol>
      {more.error !== null && <ApiErrorMessage error={more.error} testId="review-comments-error" />}
      {mayHaveMore && (
        <button type="button" className="button review-button--small review__screen-only" data-testid="review-comments-more" disabled={more.pending} onClick={() => void loadMore()}>
          {t('review.comments.more', { count: shown.length })}
        </button>
      )}
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
