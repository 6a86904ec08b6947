import { useId } from 'react';
import type { MemberTier } from '../../../../shared/members/member.ts';
import { useLanguage } from '../../i18n/store.ts';
import { useT } from '../../i18n/useT.ts';
import { formatCount } from '../feeds/format.ts';
import { ApiErrorMessage } from '../api/ApiErrorMessage.tsx';
import { fetchTierShares } from './membersApi.ts';
import { TIER_LABEL } from './TierBadge.tsx';
import { tierShareBars } from './tierShareView.ts';
import { useResource as useLoad } from '../../app/useResource.ts';

const STATUS_LABEL = {
  on: 'members.shares.on',
  over: 'members.shares.over',
  under: 'members.shares.under',
  none: 'members.shares.noMembers',
} as const;

/**
 * Members by effective tier (temporary promotions count) against the plan's split (~15 / 35 / 50 %): one bar per tier
 * with the plan's mark on it, and how many are there only through a promotion.
 */
export function TierShareChart({ revision }: { revision: number }) {
  const t = useT();
  const id = useId();
  const locale = useLanguage((s) => s.language);
  const [shares] = useLoad(`shares|${revision}`, fetchTierShares);
  const promotedOf = (tier: MemberTier) => (shares.status === 'ready' ? (shares.data.tiers.find((s) => s.tier === tier)?.promoted ?? 0) : 0);

  return (
    <section className="panel" aria-labelledby={`${id}-heading`} data-testid="tier-shares">
      <h2 id={`${id}-heading`} className="panel__heading">
        {t('members.shares.heading')}
      </h2>
      {shares.status === 'error' && <ApiErrorMessage error={shares.error} testId="tier-shares-error" scope="members" />}
      {shares.status === 'loading' && <p className="form-help">{t('members.loading')}</p>}
      {shares.status === 'ready' && (
        <>
          <p className="form-help" data-testid="tier-shares-total" data-total={shares.data.total} data-promoted={shares.data.promoted}>
            {t('members.shares.total', { count: formatCount(shares.data.total, locale) })}
            {shares.data.promoted > 0 && ` · ${t('members.shares.promotedTotal', { count: formatCount(shares.data.promoted, locale) })}`}
          </p>
          <ul className="tier-shares">
            {tierShareBars(shares.data, locale).map((bar) => (
              <li
                key={bar.tier}
                className={`tier-share tier-share--${bar.tier} tier-share--${bar.status}`}
                data-testid="tier-share"
                data-tier={bar.tier}
                data-status={bar.status}
                data-count={bar.count}
                data-promoted={promotedOf(bar.tier)}
                data-actual={bar.actualPercent.toFixed(1)}
                data-target={bar.targetPercent.toFixed(1)}
              >
                <div className="tier-share__label">
                  <span className="tier-share__name">{t(TIER_LABEL[bar.tier])}</span>
                  <span className="tier-share__count">
                    {t('members.shares.count', { count: formatCount(bar.count, locale) })}
                    {promotedOf(bar.tier) > 0 && (
                      <span className="tier-share__promoted" data-testid="tier-share-promoted">
                        {' '}
                        {t('members.shares.promoted', { count: formatCount(promotedOf(bar.tier), locale) })}
                      </span>
                    )}
                  </span>
                </div>
                <div
                  className="tier-share__track"
                  role="img"
                  aria-label={t('members.shares.barLabel', { tier: t(TIER_LABEL[bar.tier]), actual: bar.actualText, target: bar.targetText })}
                >
                  <div className="tier-share__fill" style={{ width: `${bar.actualPercent}%` }} />
                  <div className="tier-share__target" style={{ left: `${bar.targetPercent}%` }} title={t('members.shares.plan', { target: bar.targetText })} />
                </div>
                <p className="tier-share__figures">
                  <span>{t('members.shares.actual', { actual: bar.actualText })}</span>
                  <span>{t('members.shares.plan', { target: bar.targetText })}</span>
                  {bar.status !== 'none' && <span>{t('members.shares.deviation', { points: bar.deviationText })}</span>}
                  <span className="tier-share__status">{t(STATUS_LABEL[bar.status])}</span>
                </p>
              </li>
            ))}
          </ul>
          <p className="form-help">{t('members.shares.legend')}</p>
          <p className="form-help">{t('members.shares.effectiveLegend')}</p>
        </>
      )}
    </section>
  );
}
