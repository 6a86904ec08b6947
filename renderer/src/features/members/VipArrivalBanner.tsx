import { useT } from '../../i18n/useT.ts';
import { formatClockTime } from '../feeds/format.ts';
import { useVipArrivals } from './badgeStore.ts';
import './badges.css';

/** VIPs who just came in or spoke for the first time this show, for the producer (a few seconds each). */
export function VipArrivalBanner() {
  const t = useT();
  const shown = useVipArrivals((s) => s.shown);
  const dismiss = useVipArrivals((s) => s.dismiss);
  if (shown.length === 0) return null;
  return (
    <ul className="vip-arrivals" aria-live="polite">
      {shown.map((a) => (
        <li key={a.eventId} className="vip-arrival" data-testid="vip-arrival" data-event-id={a.eventId} data-via={a.via}>
          <span className="tier-badge tier-badge--vip">{t('members.tier.short.vip')}</span>
          <span className="vip-arrival__text">
            <bdi className="vip-arrival__nick">{a.nickname}</bdi>
            {a.displayName !== undefined && a.displayName !== a.nickname && (
              <>
                {' '}
                <span className="vip-arrival__member">
                  (<bdi>{a.displayName}</bdi>)
                </span>
              </>
            )}{' '}
            <span className="vip-arrival__via">{t(a.via === 'enter' ? 'members.arrival.entered' : 'members.arrival.commented')}</span>
          </span>
          <span className={`platform-badge platform-badge--${a.platform}`}>{t(`feeds.platform.${a.platform}`)}</span>
          <time className="vip-arrival__time">{formatClockTime(a.at)}</time>
          <button type="button" className="vip-arrival__dismiss" aria-label={t('members.arrival.dismiss')} onClick={() => dismiss(a.eventId)}>
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
