import { useId } from 'react';
import type { MemberTotals } from '../../../../shared/members/member.ts';
import type { MessageKey } from '../../i18n/en.ts';
import { useLanguage } from '../../i18n/store.ts';
import { useT } from '../../i18n/useT.ts';
import { formatCount, formatDecimal, formatPercent } from '../feeds/format.ts';
import { formatDay, formatSpend } from './format.ts';

/** What the member did, summed: spend (lifetime and 12 months), orders, purchases, sessions, watch time, interaction. */
export function MemberTotalsList({ totals }: { totals: MemberTotals }) {
  const t = useT();
  const id = useId();
  const locale = useLanguage((s) => s.language);
  const rows: { id: string; label: MessageKey; value: string }[] = [
    { id: 'lifetimeSpend', label: 'members.totals.lifetimeSpend', value: formatSpend(totals.lifetimeSpend, locale) },
    { id: 'spend12m', label: 'members.totals.spend12m', value: formatSpend(totals.spend12m, locale) },
    { id: 'orders', label: 'members.totals.orders', value: formatCount(totals.orders, locale) },
    { id: 'firstPurchase', label: 'members.totals.firstPurchase', value: formatDay(totals.firstPurchaseAt, locale) },
    { id: 'lastPurchase', label: 'members.totals.lastPurchase', value: formatDay(totals.lastPurchaseAt, locale) },
    { id: 'sessionsWatched', label: 'members.totals.sessionsWatched', value: formatCount(totals.sessionsWatched, locale) },
    { id: 'watchMinutes', label: 'members.totals.watchMinutes', value: formatDecimal(totals.watchMinutes, 1, locale) },
    { id: 'comments', label: 'members.totals.comments', value: formatCount(totals.comments, locale) },
    { id: 'interactions', label: 'members.totals.interactions', value: formatCount(totals.interactions, locale) },
    { id: 'interactionRate', label: 'members.totals.interactionRate', value: formatPercent(totals.interactionRate, locale, 1) },
    { id: 'communityActivities', label: 'members.totals.communityActivities', value: formatCount(totals.communityActivities, locale) },
    { id: 'questions', label: 'members.totals.questions', value: formatCount(totals.questions, locale) },
    { id: 'nightSessions', label: 'members.totals.nightSessions', value: formatCount(totals.nightSessions, locale) },
    { id: 'flashSaleOrders', label: 'members.totals.flashSaleOrders', value: formatCount(totals.flashSaleOrders, locale) },
  ];
  return (
    <section className="panel" aria-labelledby={`${id}-heading`} data-testid="member-totals">
      <h2 id={`${id}-heading`} className="panel__heading">
        {t('members.totals.heading')}
      </h2>
      <dl className="member-figures">
        {rows.map((row) => (
          <div key={row.id} className="member-figure" data-testid="member-total" data-total={row.id}>
            <dt>{t(row.label)}</dt>
            <dd>{row.value}</dd>
          </div>
        ))}
      </dl>
      <p className="form-help">
        {t('members.totals.asOf', { spend: formatDay(totals.spendAsOf, locale), community: formatDay(totals.communityAsOf, locale) })}
      </p>
    </section>
  );
}
