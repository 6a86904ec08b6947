import { useId } from 'react';
import type { SessionSummary } from '../../../../shared/protocol/index.ts';
import { useLanguage } from '../../i18n/store.ts';
import { useT } from '../../i18n/useT.ts';
import { abCompare } from './abCompare.ts';
import { isJudged } from './compare.ts';
import { FIGURE_LABELS, formatFigure } from './figures.ts';
import { formatChange, formatDateTime } from './format.ts';
import { KindBadge } from './KindBadge.tsx';

/** The two picked shows side by side, B against A: which script did better. */
export function AbComparePanel({ sessions, picked, onClear }: { sessions: readonly SessionSummary[]; picked: readonly string[]; onClear: () => void }) {
  const t = useT();
  const id = useId();
  const locale = useLanguage((s) => s.language);
  const ab = abCompare(sessions, picked);
  if (ab === null) {
    return (
      <p className="review__note" data-testid="review-ab-hint">
        {t(picked.length === 0 ? 'review.ab.hint' : 'review.ab.pickOne')}
      </p>
    );
  }
  const head = (label: string, s: SessionSummary) => (
    <th scope="col" className="review-table__num">
      <span className="review-ab__label">{label}</span> <bdi>{s.title}</bdi> <KindBadge session={s} />
      <br />
      <span className="muted">{formatDateTime(s.startedAt, locale)}</span>
    </th>
  );
  return (
    <section className="review-ab" data-testid="review-ab" data-a={ab.a.id} data-b={ab.b.id} aria-labelledby={`${id}-heading`}>
      <div className="review-ab__top">
        <h2 id={`${id}-heading`} className="panel__heading">
          {t('review.ab.heading')}
        </h2>
        <button type="button" className="button review-button--small" data-testid="review-ab-clear" onClick={onClear}>
          {t('review.ab.clear')}
        </button>
      </div>
      <div className="review-table-wrap">
        <table className="review-table">
          <thead>
            <tr>
              <th scope="col">{t('review.ab.figure')}</th>
              {head('A', ab.a)}
              {head('B', ab.b)}
              <th scope="col" className="review-table__num">
                {t('review.ab.change')}
              </th>
            </tr>
          </thead>
          <tbody>
            {ab.rows.map((row) => (
              <tr key={row.id} data-testid="review-ab-row" data-figure={row.id} data-direction={row.change?.direction ?? ''}>
                <th scope="row">{t(FIGURE_LABELS[row.id])}</th>
                <td className="review-table__num">{formatFigure(row.id, row.a, locale)}</td>
                <td className="review-table__num">{formatFigure(row.id, row.b, locale)}</td>
                <td className="review-table__num">
                  <span className={`review-change review-change--${row.change && isJudged(row.id) ? row.change.direction : 'neutral'}`}>
                    {row.change === null ? '—' : row.change.ratio === null ? formatFigure(row.id, row.change.difference, locale) : formatChange(row.change.ratio, locale)}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
