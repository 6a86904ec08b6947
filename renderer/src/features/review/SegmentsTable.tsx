import { useId } from 'react';
import type { SegmentOutcome } from '../../../../shared/protocol/index.ts';
import { isMessageKey } from '../../i18n/translate.ts';
import { en } from '../../i18n/en.ts';
import { useLanguage } from '../../i18n/store.ts';
import { useT } from '../../i18n/useT.ts';
import { formatCount, formatMoney } from '../feeds/format.ts';
import { formatChange, formatMmSs, formatSignedMmSs } from './format.ts';
import { planTotals, segmentRow, type SegmentRow } from './plan.ts';

/** Planned against actual for each segment of the script, with what it brought; over-runs past 10 % in red. */
export function SegmentsTable({ segments, currency }: { segments: readonly SegmentOutcome[]; currency: string }) {
  const t = useT();
  const id = useId();
  const locale = useLanguage((s) => s.language);
  const totals = planTotals(segments);
  return (
    <section className="panel review__section review__section--plan" aria-labelledby={`${id}-heading`}>
      <div className="panel__header">
        <h2 id={`${id}-heading`} className="panel__heading">
          {t('review.plan.heading')}
        </h2>
        <p className="review__note">{t('review.plan.legend')}</p>
      </div>
      {segments.length === 0 ? (
        <p className="empty-state">{t('review.plan.empty')}</p>
      ) : (
        <div className="review-table-wrap">
          <table className="review-table" data-testid="review-segments">
            <thead>
              <tr>
                <th scope="col">{t('review.plan.segment')}</th>
                <th scope="col" className="review-table__num">
                  {t('review.plan.planned')}
                </th>
                <th scope="col" className="review-table__num">
                  {t('review.plan.actual')}
                </th>
                <th scope="col" className="review-table__num">
                  {t('review.plan.difference')}
                </th>
                <th scope="col" className="review-table__num">
                  {t('review.figure.comments')}
                </th>
                <th scope="col" className="review-table__num">
                  {t('review.figure.orders')}
                </th>
                <th scope="col" className="review-table__num">
                  {t('review.figure.gmv')}
                </th>
              </tr>
            </thead>
            <tbody>
              {segments.map((s) => (
                <SegmentLine key={s.segmentId} row={segmentRow(s)} currency={currency} />
              ))}
            </tbody>
            <tfoot>
              <tr data-testid="review-segments-total">
                <th scope="row">{t('review.plan.total', { ran: totals.ran, count: segments.length })}</th>
                <td className="review-table__num">{formatMmSs(totals.plannedMs)}</td>
                <td className="review-table__num">{formatMmSs(totals.actualMs)}</td>
                <td className="review-table__num" title={t('review.plan.totalDifference')}>
                  {totals.ran > 0 ? formatSignedMmSs(totals.actualMs - totals.plannedRanMs) : '—'}
                </td>
                <td className="review-table__num">{formatCount(totals.comments, locale)}</td>
                <td className="review-table__num">{formatCount(totals.orders, locale)}</td>
                <td className="review-table__num">{formatMoney(totals.gmv, currency, locale)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}

function SegmentLine({ row, currency }: { row: SegmentRow; currency: string }) {
  const t = useT();
  const locale = useLanguage((s) => s.language);
  const { outcome } = row;
  const kindKey = `editor.kind.${outcome.kind}`;
  // The kind under the title, unless the title already says it ("Opening" / "Opening").
  const kind = isMessageKey(en, kindKey) ? t(kindKey) : null;
  return (
    <tr className={`review-segment review-segment--${row.level}`} data-testid="review-segment-row" data-segment-id={outcome.segmentId} data-level={row.level}>
      <th scope="row">
        <bdi>{outcome.title}</bdi>
        {kind !== null && kind.toLowerCase() !== outcome.title.trim().toLowerCase() && <span className="review-segment__kind">{kind}</span>}
      </th>
      <td className="review-table__num">{formatMmSs(outcome.plannedMs)}</td>
      <td className="review-table__num">{outcome.actualMs === null ? t('review.plan.notRun') : formatMmSs(outcome.actualMs)}</td>
      <td className="review-table__num review-segment__difference" data-testid="review-segment-difference">
        {row.differenceMs === null ? '—' : formatSignedMmSs(row.differenceMs)}
        {row.differenceRatio !== null && <span className="review-segment__ratio"> ({formatChange(row.differenceRatio, locale)})</span>}
      </td>
      <td className="review-table__num">{formatCount(outcome.comments, locale)}</td>
      <td className="review-table__num">{formatCount(outcome.orders, locale)}</td>
      <td className="review-table__num">{formatMoney(outcome.gmv, currency, locale)}</td>
    </tr>
  );
}
