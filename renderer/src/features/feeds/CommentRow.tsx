import { memo, useMemo } from 'react';
import type { MemberTier } from '../../../../shared/members/member.ts';
import type { TFunction } from '../../i18n/useT.ts';
import { TIER_LABEL, TIER_SHORT } from '../members/TierBadge.tsx';
import type { CommentFlags } from './commentFilters.ts';
import type { CommentEntry } from './feedBuffer.ts';
import { formatClockTime } from './format.ts';
import { MarkedText } from './MarkedText.tsx';
import { highlightRanges, splitSegments, type MarkRange } from './textSegments.ts';

/** Every row has this height (px); the virtualizer depends on it, and styles pin it (see .comment). */
export const COMMENT_ROW_HEIGHT = 56;

export interface CommentRowProps {
  entry: CommentEntry;
  flags: CommentFlags;
  highlight: RegExp | null;
  pinned: boolean;
  answered: boolean;
  /** A pin or answered command for this comment is waiting for the engine. */
  busy: boolean;
  /** The author's member tier: null when they are no member, undefined while not known (yet). */
  tier: MemberTier | null | undefined;
  /** This comment was a VIP's first appearance in the session. */
  arrival: boolean;
  t: TFunction;
  onPin: (eventId: string, pin: boolean) => void;
  onAnswered: (eventId: string, answered: boolean) => void;
  /** The tier badge was clicked: show the member's card next to it. */
  onTier: (entry: CommentEntry, anchor: HTMLElement) => void;
}

/**
 * One comment. Memoized, with no store subscription of its own: the panel passes everything, so a batch re-renders
 * only the rows whose comment, marks or state changed.
 */
export const CommentRow = memo(function CommentRow({ entry, flags, highlight, pinned, answered, busy, tier, arrival, t, onPin, onAnswered, onTier }: CommentRowProps) {
  const { event } = entry;
  const flagged = flags.banned.length > 0;
  const segments = useMemo(() => {
    const ranges: MarkRange[] = highlightRanges(event.text, highlight);
    for (const m of flags.banned) ranges.push({ start: m.start, end: m.end, kind: 'banned' });
    return splitSegments(event.text, ranges);
  }, [event.text, highlight, flags]);
  const nickSegments = useMemo(() => splitSegments(event.nickname, highlightRanges(event.nickname, highlight)), [event.nickname, highlight]);
  const question = event.isQuestion === true;
  const intent = event.purchaseIntent === true;
  const vip = tier === 'vip';
  const classes = [
    'comment',
    flagged && 'comment--flagged',
    pinned && 'comment--pinned',
    answered && 'comment--answered',
    vip && 'comment--vip',
    arrival && 'comment--arrival',
  ];

  return (
    <li
      className={classes.filter(Boolean).join(' ')}
      data-testid="comment-row"
      data-event-id={event.id}
      data-question={question ? 'true' : 'false'}
      data-intent={intent ? 'true' : 'false'}
      data-flagged={flagged ? 'true' : 'false'}
      data-pinned={pinned ? 'true' : 'false'}
      data-answered={answered ? 'true' : 'false'}
      data-vip={vip ? 'true' : 'false'}
      data-vip-arrival={arrival ? 'true' : 'false'}
    >
      <div className="comment__body">
        <div className="comment__meta">
          <span className={`platform-badge platform-badge--${event.platform}`}>{t(`feeds.platform.${event.platform}`)}</span>
          <span className="comment__tier" data-testid="comment-tier" data-tier={tier ?? ''}>
            {tier !== null && tier !== undefined && (
              <button
                type="button"
                className={`tier-badge tier-badge--${tier} comment__tier-button`}
                data-testid="comment-tier-open"
                title={t('members.popover.open', { tier: t(TIER_LABEL[tier]) })}
                onClick={(e) => onTier(entry, e.currentTarget)}
              >
                {t(TIER_SHORT[tier])}
              </button>
            )}
          </span>
          <bdi className="comment__nick">
            <MarkedText segments={nickSegments} />
          </bdi>
          <time className="comment__time" dateTime={Number.isFinite(event.at) ? new Date(event.at).toISOString() : undefined}>
            {formatClockTime(event.at)}
          </time>
          {question && <span className="comment__tag comment__tag--question">{t('comments.tag.question')}</span>}
          {intent && <span className="comment__tag comment__tag--intent">{t('comments.tag.intent')}</span>}
          {flagged && (
            <span className="comment__tag comment__tag--flagged" data-testid="comment-flag" title={t('comments.flaggedWords', { words: flags.words.join(', ') })}>
              {t('comments.tag.flagged')}
            </span>
          )}
          {answered && (
            <span className="comment__check" data-testid="comment-answered-mark">
              <span aria-hidden="true">✓</span> {t('comments.tag.answered')}
            </span>
          )}
        </div>
        <p className="comment__text" title={event.text}>
          <bdi>
            <MarkedText segments={segments} />
          </bdi>
        </p>
      </div>
      <div className="comment__actions">
        <button
          type="button"
          className={`comment__action${pinned ? ' comment__action--on' : ''}`}
          data-testid="comment-pin"
          disabled={busy}
          title={pinned ? t('comments.unpinTitle') : t('comments.pinTitle')}
          onClick={() => onPin(event.id, !pinned)}
        >
          {pinned ? t('comments.unpin') : t('comments.pin')}
        </button>
        <button
          type="button"
          className={`comment__action${answered ? ' comment__action--on' : ''}`}
          data-testid="comment-answered"
          disabled={busy}
          onClick={() => onAnswered(event.id, !answered)}
        >
          {answered ? t('comments.unmarkAnswered') : t('comments.markAnswered')}
        </button>
      </div>
    </li>
  );
});
