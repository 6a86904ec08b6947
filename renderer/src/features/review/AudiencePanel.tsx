import { useId } from 'react';
import type { SessionAudience } from '../../../../shared/members/audience.ts';
import { SPEND_CURRENCY, TIERS } from '../../../../shared/members/member.ts';
import { useResource } from '../../app/useResource.ts';
import { useLanguage } from '../../i18n/store.ts';
import { useT } from '../../i18n/useT.ts';
import { ApiErrorMessage } from '../api/ApiErrorMessage.tsx';
import { formatCount, formatMoney, formatPercent } from '../feeds/format.ts';
import { TierBadge } from '../members/TierBadge.tsx';
import { formatDuration } from './format.ts';
import { fetchAudience } from './reviewApi.ts';

/**
 * The show seen from member records (the data island closed): who came by tier, how long they stayed, who bought
 * for the first time and who came back to buy again within 7 and 30 days.
 */
export function AudiencePanel({ sessionId, rehearsal }: { sessionId: string; rehearsal: boolean }) {
  const t = useT();
  const id = useId();
  const [audience] = useResource(`audience:${sessionId}`, (signal) => fetchAudience(sessionId, signal));
  return (
    <section className="panel review__section" data-testid="review-audience" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="panel__heading">
        {t('review.audience.heading')}
      </h2>
      {rehearsal ? (
        <p className="empty-state" data-testid="review-audience-none">
          {t('review.audience.rehearsal')}
        </p>
      ) : audience.status === 'loading' ? (
        <p className="review__note">{t('review.loading')}</p>
      ) : audience.status === 'error' ? (
        <ApiErrorMessage error={audience.error} testId="review-audience-error" />
      ) : audience.data.fedBackAt === null ? (
        <p className="empty-state" data-testid="review-audience-none">
          {t('review.audience.notFedBack')}
        </p>
      ) : (
        <AudienceFigures audience={audience.data} />
      )}
    </section>
  );
}

function AudienceFigures({ audience }: { audience: SessionAudience }) {
  const t = useT();
  const locale = useLanguage((s) => s.language);
  const figure = (key: string, label: string, value: string, note?: string) => (
    <li className="review-kpi" data-testid="review-audience-figure" data-figure={key}>
      <span className="review-kpi__label">{label}</span>
      <strong className="review-kpi__value">{value}</strong>
      {note !== undefined && <span className="review-kpi__average">{note}</span>}
    </li>
  );
  return (
    <>
      <ul className="review-kpis">
        {figure('members', t('review.audience.members'), formatCount(audience.members, locale), t('review.audience.newMembers', { count: formatCount(audience.newMembers, locale) }))}
        {figure('watch', t('review.audience.averageWatch'), audience.averageWatchMs === null ? '—' : formatDuration(audience.averageWatchMs))}
        {figure('buyers', t('review.audience.buyers'), formatCount(audience.buyers, locale))}
        {figure(
          'firstPurchase',
          t('review.audience.firstPurchaseRate'),
          formatPercent(audience.firstPurchaseRate, locale, 1),
          t('review.audience.firstTimeBuyers', { count: formatCount(audience.firstTimeBuyers, locale) }),
        )}
        {audience.repurchase.map((r) =>
          figure(
            `repurchase${r.days}`,
            t('review.audience.repurchase', { days: r.days }),
            formatPercent(r.rate, locale, 1),
            t(r.complete ? 'review.audience.repeatBuyers' : 'review.audience.repeatBuyersSoFar', { count: formatCount(r.buyers, locale) }),
          ),
        )}
      </ul>
      <OrdersCheckTable audience={audience} />
      <ul className="review-audience__tiers" aria-label={t('review.audience.tiers')}>
        {TIERS.map((tier) => (
          <li key={tier} data-testid="review-audience-tier" data-tier={tier} data-count={audience.tiers[tier]}>
            <TierBadge tier={tier} /> {formatCount(audience.tiers[tier], locale)} ({formatPercent(audience.members > 0 ? audience.tiers[tier] / audience.members : null, locale, 0)})
          </li>
        ))}
      </ul>
    </>
  );
}

/** The show's orders double-checked against member records: refunds since, and orders only the shop's export has. */
function OrdersCheckTable({ audience }: { audience: SessionAudience }) {
  const t = useT();
  const locale = useLanguage((s) => s.language);
  const { orders } = audience;
  const money = (v: number) => formatMoney(v, SPEND_CURRENCY, locale);
  const row = (key: string, label: string, count: number | null, amount: number, sign = '') => (
    <tr data-testid="review-orders-check-row" data-row={key}>
      <th scope="row">{label}</th>
      <td className="review-table__num">{count === null ? '' : formatCount(count, locale)}</td>
      <td className="review-table__num">
        {sign}
        {money(amount)}
      </td>
    </tr>
  );
  return (
    <div className="review-table-wrap review-orders-check">
      <table className="review-table" data-testid="review-orders-check">
        <caption className="review-orders-check__caption">{t('review.orders.heading')}</caption>
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col" className="review-table__num">
              {t('review.figure.orders')}
            </th>
            <th scope="col" className="review-table__num">
              {t('review.orders.amount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {row('live', t('review.orders.live'), orders.live, orders.liveAmount)}
          {row('refunded', t('review.orders.refunded'), orders.refunded, orders.refundedAmount, '− ')}
          {row('shopOnly', t('review.orders.shopOnly'), orders.shopOnly, orders.shopOnlyAmount, '+ ')}
          {row('net', t('review.orders.net'), null, orders.netAmount)}
        </tbody>
      </table>
    </div>
  );
}
