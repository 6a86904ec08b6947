import { useId } from 'react';
import { SPEND_CURRENCY } from '../../../../shared/members/member.ts';
import { useResource } from '../../app/useResource.ts';
import { useLanguage } from '../../i18n/store.ts';
import { useT } from '../../i18n/useT.ts';
import { ApiErrorMessage } from '../api/ApiErrorMessage.tsx';
import { formatCount, formatMoney, formatPercent } from '../feeds/format.ts';
import { fetchMemberHealth } from './membersApi.ts';

/** The plan's member KPIs beside the tier shares: lifetime value, repurchase and churn (lapsed buyers). */
export function MemberHealthPanel({ revision }: { revision: number }) {
  const t = useT();
  const id = useId();
  const locale = useLanguage((s) => s.language);
  const [health] = useResource(`member-health|${revision}`, fetchMemberHealth);
  return (
    <section className="panel" aria-labelledby={`${id}-heading`} data-testid="member-health">
      <h2 id={`${id}-heading`} className="panel__heading">
        {t('members.health.heading')}
      </h2>
      {health.status === 'error' && <ApiErrorMessage error={health.error} testId="member-health-error" scope="members" />}
      {health.status === 'loading' && <p className="form-help">{t('members.loading')}</p>}
      {health.status === 'ready' && (
        <dl className="member-health">
          <div>
            <dt>{t('members.health.ltv')}</dt>
            <dd data-testid="member-health-ltv">{formatMoney(health.data.ltv, SPEND_CURRENCY, locale)}</dd>
          </div>
          <div>
            <dt>{t('members.health.repeat')}</dt>
            <dd data-testid="member-health-repeat">{formatPercent(health.data.repeatRate, locale, 1)}</dd>
          </div>
          <div>
            <dt>{t('members.health.churn')}</dt>
            <dd data-testid="member-health-churn">{formatPercent(health.data.churnRate, locale, 1)}</dd>
          </div>
        </dl>
      )}
      {health.status === 'ready' && (
        <p className="form-help" data-testid="member-health-note">
          {t('members.health.note', { buyers: formatCount(health.data.buyers, locale), members: formatCount(health.data.members, locale) })}
        </p>
      )}
    </section>
  );
}
