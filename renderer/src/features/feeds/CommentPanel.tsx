import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useReducer, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import type { PinnedComment } from '../../../../shared/protocol/index.ts';
import { compileBannedWords } from '../../../../shared/show/compliance.ts';
import { sendCommand } from '../../app/connection.ts';
import { useT } from '../../i18n/useT.ts';
import { useEngineState } from '../../stores/engineState.ts';
import { reportFailure } from '../commands/reportFailure.ts';
import { attachMemberBadges, memberTier, useMemberBadges, useVipArrivals } from '../members/badgeStore.ts';
import { MemberPopover, type PopoverTarget } from '../members/MemberPopover.tsx';
import { VipArrivalBanner } from '../members/VipArrivalBanner.tsx';
import { CommentRow, COMMENT_ROW_HEIGHT } from './CommentRow.tsx';
import { COMMENT_FILTERS, compileQuery, createFlagger, deriveComments, newSince, pinnedEntries, type CommentFilter } from './commentFilters.ts';
import { useCommentSettings } from './commentSettings.ts';
import type { CommentEntry } from './feedBuffer.ts';
import { useFeeds } from './feedsStore.ts';
import { FOLLOWING, followReducer } from './followState.ts';
import { highlightPattern, parseWordList } from './textSegments.ts';
import { isAtBottom, listWindow } from './virtualWindow.ts';
import './feeds.css';

export interface CommentPanelProps {
  /** Extra class names for the panel's outer <section>. */
  className?: string;
  /**
   * Height of the scrolling list (CSS length or px). Default: 28rem. The list measures itself, so any height set
   * by the surrounding layout (e.g. a flex child with `className`) works as well.
   */
  height?: CSSProperties['height'];
  /** Show the panel heading (default true); turn off when the surrounding layout already titles it. */
  showHeading?: boolean;
  /** Search, highlight and hide fields folded under one line (for a narrow column); they open on request. */
  compactTools?: boolean;
}

const OVERSCAN = 6;
/** Before the list has measured itself: enough rows for a typical panel. */
const FALLBACK_VIEWPORT = 600;
const NO_PINS: readonly PinnedComment[] = [];
const NO_IDS: readonly string[] = [];

const FILTER_LABEL = {
  all: 'comments.filter.all',
  questions: 'comments.filter.questions',
  intent: 'comments.filter.intent',
  flagged: 'comments.filter.flagged',
  pinned: 'comments.filter.pinned',
  vip: 'members.filter.vip',
} as const satisfies Record<CommentFilter, string>;

/** Whether a comment's author is a VIP member, as known at lookup answer `version`. */
function vipTestFor(version: number): (entry: CommentEntry) => boolean {
  const test = (entry: CommentEntry) => memberTier(entry.event.platform, entry.event.userId) === 'vip';
  return Object.assign(test, { version });
}

/** Focus that came from the keyboard (a click on a button focuses it too, but must not hold the list). */
function isKeyboardFocus(target: EventTarget): boolean {
  return target instanceof Element && target.matches(':focus-visible');
}

/**
 * Live comments, newest at the bottom: follows the newest, holds still while the pointer is over it or the user
 * scrolled up (with a "N new" button back down), filters, search, highlight words, blocklist, banned-word flags,
 * pin to the streamer and mark answered. Only the visible rows are rendered.
 */
export function CommentPanel({ className, height, showHeading = true, compactTools = false }: CommentPanelProps) {
  const t = useT();
  const id = useId();
  const live = useFeeds((s) => s.comments);
  const pinned = useEngineState((s) => s.state?.feeds.pinned ?? NO_PINS);
  const answered = useEngineState((s) => s.state?.feeds.answered ?? NO_IDS);
  const bannedWords = useEngineState((s) => s.state?.script.show.bannedWords ?? s.state?.script.defaultBannedWords ?? NO_IDS);
  const highlightText = useCommentSettings((s) => s.highlight);
  const blocklistText = useCommentSettings((s) => s.blocklist);
  const setHighlight = useCommentSettings((s) => s.setHighlight);
  const setBlocklist = useCommentSettings((s) => s.setBlocklist);

  const [filter, setFilter] = useState<CommentFilter>('all');
  const [search, setSearch] = useState('');
  const [follow, dispatch] = useReducer(followReducer, FOLLOWING);
  const [busy, setBusy] = useState<ReadonlySet<string>>(() => new Set());
  const [popover, setPopover] = useState<PopoverTarget | null>(null);

  // Member badges: accounts of the comments are looked up in batches; rows re-render when answers arrive.
  useEffect(() => attachMemberBadges(), []);
  const badgeVersion = useMemberBadges((s) => s.version);
  const arrivalIds = useVipArrivals((s) => s.eventIds);
  // A new function per lookup answer, so the VIP filter re-runs when tiers become known.
  const isVip = useMemo(() => vipTestFor(badgeVersion), [badgeVersion]);

  // Everything derived once per batch or settings change; rows only read the results.
  const pinnedIds = useMemo(() => new Set(pinned.map((p) => p.eventId)), [pinned]);
  const answeredIds = useMemo(() => new Set(answered), [answered]);
  const flagger = useMemo(() => createFlagger(bannedWords.length > 0 ? compileBannedWords(bannedWords) : null), [bannedWords]);
  const pattern = useMemo(() => highlightPattern(parseWordList(highlightText)), [highlightText]);
  const blocked = useMemo(() => parseWordList(blocklistText), [blocklistText]);
  // The VIP test changes with every lookup answer; only the VIP filter needs to follow it.
  const vipTest = filter === 'vip' ? isVip : undefined;
  const query = useMemo(
    () => compileQuery({ filter, search, blocked, pinned: pinnedIds, isVip: vipTest }, flagger),
    [filter, search, blocked, pinnedIds, flagger, vipTest],
  );

  const source = follow.frozen ?? live;
  const entries = useMemo(() => (filter === 'pinned' ? pinnedEntries(pinned, source) : source), [filter, pinned, source]);
  const derived = useMemo(() => deriveComments(entries, query), [entries, query]);
  const fresh = useMemo(
    () => (follow.frozen === null ? null : newSince(live, follow.frozen.at(-1)?.seq ?? 0, query)),
    [follow.frozen, live, query],
  );

  // ---- virtualization and following ----
  const viewportRef = useRef<HTMLDivElement>(null);
  const [viewportHeight, setViewportHeight] = useState(0);
  const [scrollTop, setScrollTop] = useState(0);
  const following = follow.frozen === null;
  const rows = derived.rows;
  const win = listWindow({
    count: rows.length,
    rowHeight: COMMENT_ROW_HEIGHT,
    viewportHeight: viewportHeight > 0 ? viewportHeight : FALLBACK_VIEWPORT,
    scrollTop,
    overscan: OVERSCAN,
    atEnd: following,
  });

  useEffect(() => {
    const el = viewportRef.current;
    if (el === null) return;
    const observer = new ResizeObserver(() => setViewportHeight(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    const el = viewportRef.current;
    if (following && el !== null) el.scrollTop = el.scrollHeight;
  }, [following, rows, viewportHeight]);

  const syncScroll = () => {
    const el = viewportRef.current;
    if (el !== null) setScrollTop(el.scrollTop);
  };

  // ---- row actions ----
  const track = useCallback((eventId: string, on: boolean) => {
    setBusy((prev) => {
      const next = new Set(prev);
      if (on) next.add(eventId);
      else next.delete(eventId);
      return next;
    });
  }, []);
  const onPin = useCallback(
    (eventId: string, pin: boolean) => {
      track(eventId, true);
      // The comment as shown goes along: in a busy room the engine may already have forgotten it.
      const shown = pin ? useFeeds.getState().comments.find((e) => e.event.id === eventId)?.event : undefined;
      const comment = shown && { platform: shown.platform, nickname: shown.nickname, text: shown.text, isQuestion: shown.isQuestion === true, at: shown.at };
      void sendCommand(pin ? { type: 'comment.pin', eventId, ...(comment ? { comment } : {}) } : { type: 'comment.unpin', eventId }).then((result) => {
        track(eventId, false);
        if (!result.ok) reportFailure(pin ? 'comments.pinFailed' : 'comments.unpinFailed', result.error);
      });
    },
    [track],
  );
  const onAnswered = useCallback(
    (eventId: string, isAnswered: boolean) => {
      track(eventId, true);
      void sendCommand({ type: 'comment.answered', eventId, answered: isAnswered }).then((result) => {
        track(eventId, false);
        if (!result.ok) reportFailure('comments.answeredFailed', result.error);
      });
    },
    [track],
  );

  const onTier = useCallback((entry: CommentEntry, anchor: HTMLElement) => {
    const rect = anchor.getBoundingClientRect();
    const { platform, userId, nickname } = entry.event;
    setPopover({ platform, userId, nickname, anchor: { left: rect.left, top: rect.top, bottom: rect.bottom } });
  }, []);
  const closePopover = useCallback(() => setPopover(null), []);

  const total = filter === 'pinned' ? entries.length : source.length;
  const emptyText = source.length === 0 && filter !== 'pinned' ? t('comments.empty') : t('comments.emptyFiltered');

  return (
    <section className={['panel', 'comments', className].filter(Boolean).join(' ')} data-testid="comment-panel" aria-labelledby={`${id}-heading`}>
      <div className="comments__header">
        <h2 id={`${id}-heading`} className={showHeading ? 'panel__heading' : 'visually-hidden'}>
          {t('comments.heading')}
        </h2>
        <VipArrivalBanner />
      </div>

      <div className="comments__tools">
        <div className="comments__filters" role="group" aria-label={t('comments.filter.label')}>
          {COMMENT_FILTERS.map((f) => (
            <button
              key={f}
              type="button"
              className={`chip${filter === f ? ' chip--on' : ''}`}
              data-testid="comments-filter"
              data-filter={f}
              aria-pressed={filter === f}
              onClick={() => setFilter(f)}
            >
              {t(FILTER_LABEL[f])}
            </button>
          ))}
        </div>
        <FoldedTools compact={compactTools} active={[search, highlightText, blocklistText].filter((v) => v.trim() !== '').length}>
          <div className="comments__fields">
            <ToolField label={t('comments.search.label')} testId="comments-search" type="search" placeholder={t('comments.search.placeholder')} value={search} maxLength={200} onChange={setSearch} />
            <ToolField label={t('comments.highlight.label')} testId="comments-highlight" placeholder={t('comments.highlight.placeholder')} value={highlightText} onChange={setHighlight} />
            <ToolField label={t('comments.blocklist.label')} testId="comments-blocklist" placeholder={t('comments.blocklist.placeholder')} value={blocklistText} onChange={setBlocklist} />
          </div>
        </FoldedTools>
        <p className="comments__status">
          <span data-testid="comments-count">{t('comments.count', { shown: rows.length, total })}</span>
          <span className="comments__blocked" data-testid="comments-blocked-count" data-count={derived.blocked}>
            {t('comments.blocked', { count: derived.blocked })}
          </span>
          {!following && (
            <span className="comments__paused" data-testid="comments-paused">
              {t(follow.scrolledUp ? 'comments.pausedScrolled' : 'comments.paused')}
            </span>
          )}
        </p>
      </div>

      <div
        className="comments__frame"
        onMouseEnter={() => {
          syncScroll();
          dispatch({ type: 'hover', on: true, live });
        }}
        onMouseLeave={() => dispatch({ type: 'hover', on: false, live })}
        onFocus={(e) => {
          if (isKeyboardFocus(e.target)) dispatch({ type: 'focus', on: true, live });
        }}
        onBlur={(e) => {
          if (!(e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget))) dispatch({ type: 'focus', on: false, live });
        }}
      >
        <div
          ref={viewportRef}
          className="comments__viewport"
          style={height === undefined ? undefined : { height }}
          tabIndex={0}
          aria-label={t('comments.list')}
          data-testid="comments-list"
          data-following={following ? 'true' : 'false'}
          onScroll={(e) => {
            const el = e.currentTarget;
            setScrollTop(el.scrollTop);
            dispatch({ type: 'scroll', atBottom: isAtBottom(el.scrollTop, el.clientHeight, el.scrollHeight), live });
          }}
        >
          {rows.length === 0 ? (
            <p className="comments__empty" data-testid="comments-empty">
              {emptyText}
            </p>
          ) : (
            <div className="comments__spacer" style={{ height: win.totalHeight }}>
              <ol className="comments__rows" style={{ transform: `translateY(${win.offset}px)` }}>
                {rows.slice(win.start, win.end).map((entry) => (
                  <CommentRow
                    key={entry.event.id}
                    entry={entry}
                    flags={flagger(entry)}
                    highlight={pattern}
                    pinned={pinnedIds.has(entry.event.id)}
                    answered={answeredIds.has(entry.event.id)}
                    busy={busy.has(entry.event.id)}
                    tier={memberTier(entry.event.platform, entry.event.userId)}
                    arrival={arrivalIds.has(entry.event.id)}
                    t={t}
                    onPin={onPin}
                    onAnswered={onAnswered}
                    onTier={onTier}
                  />
                ))}
              </ol>
            </div>
          )}
        </div>
        {fresh !== null && (
          <button type="button" className="comments__jump" data-testid="comments-new-jump" data-count={fresh.count} onClick={() => dispatch({ type: 'jump' })}>
            {t(fresh.more ? 'comments.newJumpMore' : 'comments.newJump', { count: fresh.count })}
          </button>
        )}
      </div>
      {popover !== null && <MemberPopover target={popover} onClose={closePopover} />}
    </section>
  );
}

/** In a narrow column the three text fields fold under one summary line that says how many are in use. */
function FoldedTools({ compact, active, children }: { compact: boolean; active: number; children: ReactNode }) {
  const t = useT();
  if (!compact) return <>{children}</>;
  return (
    <details className="comments__more" data-testid="comments-tools">
      <summary className="comments__more-summary">
        {t('comments.tools')}
        {active > 0 && <span className="comments__more-active">{t('comments.toolsActive', { count: active })}</span>}
      </summary>
      {children}
    </details>
  );
}

interface ToolFieldProps {
  label: string;
  testId: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'search';
  maxLength?: number;
}

function ToolField({ label, testId, placeholder, value, onChange, type = 'text', maxLength }: ToolFieldProps) {
  return (
    <label className="comments__field">
      <span className="comments__field-label">{label}</span>
      <input type={type} data-testid={testId} placeholder={placeholder} value={value} maxLength={maxLength} spellCheck={false} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}
