import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Platform } from '../../../../shared/feeds/events.ts';
import { Link } from '../../app/Link.tsx';
import { memberPagePath } from '../../app/router.ts';
import { useLanguage } from '../../i18n/store.ts';
import { useT } from '../../i18n/useT.ts';
import { formatCount } from '../feeds/format.ts';
import { memberCard, useMemberBadges } from './badgeStore.ts';
import { formatDay, formatSpend, isoOf, memberName } from './format.ts';
import { TierBadge } from './TierBadge.tsx';
import './badges.css';

export interface PopoverTarget {
  platform: Platform;
  userId: string;
  nickname: string;
  /** Where the badge was on screen when clicked. */
  anchor: { left: number; top: number; bottom: number };
}

const WIDTH = 272;
const MARGIN = 8;

/** Keeps the card on screen: under the badge, or above it when there is no room below. */
export function popoverPosition(anchor: PopoverTarget['anchor'], size: { width: number; height: number }, viewport: { width: number; height: number }) {
  const left = Math.max(MARGIN, Math.min(anchor.left, viewport.width - size.width - MARGIN));
  const below = anchor.bottom + 4;
  const top = below + size.height + MARGIN > viewport.height ? Math.max(MARGIN, anchor.top - size.height - 4) : below;
  return { left, top };
}

/**
 * A commenter's member card, next to their badge: tier, 12-month spend, last purchase, sessions, and a link to the
 * full card. Closes on Escape, on a click elsewhere, or with its button.
 */
export function MemberPopover({ target, onClose }: { target: PopoverTarget; onClose: () => void }) {
  const t = useT();
  const locale = useLanguage((s) => s.language);
  useMemberBadges((s) => s.version); // re-read the card when answers arrive
  const card = memberCard(target.platform, target.userId);
  const ref = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState<{ left: number; top: number } | null>(null);

  useLayoutEffect(() => {
    const el = ref.current;
    if (el === null) return;
    setPosition(popoverPosition(target.anchor, { width: el.offsetWidth || WIDTH, height: el.offsetHeight }, { width: window.innerWidth, height: window.innerHeight }));
  }, [target.anchor]);

  useEffect(() => {
    ref.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    const onDown = (e: MouseEvent) => {
      if (e.target instanceof Node && ref.current !== null && !ref.current.contains(e.target)) onClose();
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onDown);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onDown);
    };
  }, [onClose]);

  return (
    <div
      ref={ref}
      className="member-popover"
      data-testid="member-popover"
      role="dialog"
      aria-label={t('members.popover.label')}
      tabIndex={-1}
      style={{ width: WIDTH, left: position?.left ?? target.anchor.left, top: position?.top ?? target.anchor.bottom + 4, visibility: position === null ? 'hidden' : 'visible' }}
    >
      <div className="member-popover__head">
        <span className={`platform-badge platform-badge--${target.platform}`}>{t(`feeds.platform.${target.platform}`)}</span>
        <bdi className="member-popover__nick">{target.nickname}</bdi>
        <button type="button" className="member-popover__close" data-testid="member-popover-close" aria-label={t('members.popover.close')} onClick={onClose}>
          ×
        </button>
      </div>
      {card === undefined && <p className="form-help">{t('members.loading')}</p>}
      {card === null && <p className="form-help">{t('members.popover.noMember')}</p>}
      {card !== null && card !== undefined && (
        <>
          <p className="member-popover__name">
            <TierBadge tier={card.tier} testId="member-popover-tier" /> <bdi>{memberName(card.displayName, card.memberId)}</bdi>
          </p>
          <dl className="member-popover__figures">
            <div>
              <dt>{t('members.totals.spend12m')}</dt>
              <dd data-testid="member-popover-spend">{formatSpend(card.spend12m, locale)}</dd>
            </div>
            <div>
              <dt>{t('members.totals.lastPurchase')}</dt>
              <dd>
                <time dateTime={isoOf(card.lastPurchaseAt)}>{formatDay(card.lastPurchaseAt, locale)}</time>
              </dd>
            </div>
            <div>
              <dt>{t('members.totals.sessionsWatched')}</dt>
              <dd>{formatCount(card.sessionsWatched, locale)}</dd>
            </div>
            <div>
              <dt>{t('members.totals.orders')}</dt>
              <dd>{formatCount(card.orders, locale)}</dd>
            </div>
          </dl>
          <Link to={memberPagePath(card.memberId)} className="inline-link" testId="member-popover-open">
            {t('members.popover.openCard')}
          </Link>
        </>
      )}
    </div>
  );
}
