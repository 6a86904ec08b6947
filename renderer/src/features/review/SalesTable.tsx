import { useId } from 'react';
import type { SaleOutcome } from '../../../../shared/protocol/index.ts';
import { en } from '../../i18n/en.ts';
import { useLanguage } from '../../i18n/store.ts';
import { isMessageKey } from '../../i18n/translate.ts';
import { useT } from '../../i18n/useT.ts';
import { formatCount, formatPercent } from '../feeds/format.ts';
import { formatTimeOfDay } from './format.ts';
import { sellThrough } from './plan.ts';

/** How each flash sale (秒杀) went: stock sold, orders, when it opened and closed. */
export function SalesTable({ sales }: { sales: readonly SaleOutcome[] }) {
  const t = useT();
  const id = useId();
  const locale = useLanguage((s) => s.language);
  const time = (at: number | null) => (at === null ? '—' : formatTimeOfDay(at, true));
  return (
    <section className="panel review__section review__section--sales" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="panel__heading">
        {t('review.sales.heading')}
      </h2>
      {sales.length === 0 ? (
        <p className="empty-state" data-testid="review-sales-empty">
          {t('review.sales.empty')}
        </p>
      ) : (
        <div className="review-table-wrap">
          <table className="review-table" data-testid="review-sales">
            <thead>
              <tr>
                <th scope="col">{t('review.sales.product')}</th>
                <th scope="col">{t('review.sales.status')}</th>
                <th scope="col" className="review-table__num">
                  {t('review.sales.sold')}
                </th>
                <th scope="col" className="review-table__num">
                  {t('review.sales.sellThrough')}
                </th>
                <th scope="col" className="review-table__num">
                  {t('review.figure.orders')}
                </th>
                <th scope="col" className="review-table__num">
                  {t('review.sales.opened')}
                </th>
                <th scope="col" className="review-table__num">
                  {t('review.sales.closed')}
                </th>
              </tr>
            </thead>
            <tbody>
              {sales.map((sale) => {
                const statusKey = `sale.status.${sale.status}`;
                return (
                  <tr key={sale.planId} data-testid="review-sale-row" data-plan-id={sale.planId} data-status={sale.status}>
                    <th scope="row">
                      <bdi>{sale.productName}</bdi>
                    </th>
                    <td>{isMessageKey(en, statusKey) ? t(statusKey) : sale.status}</td>
                    <td className="review-table__num">
                      {t('review.sales.soldOf', { sold: formatCount(sale.sold, locale), quantity: formatCount(sale.quantity, locale) })}
                    </td>
                    <td className="review-table__num">{formatPercent(sellThrough(sale), locale, 0)}</td>
                    <td className="review-table__num">{formatCount(sale.orders, locale)}</td>
                    <td className="review-table__num">{time(sale.openedAt)}</td>
                    <td className="review-table__num">{time(sale.closedAt)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
