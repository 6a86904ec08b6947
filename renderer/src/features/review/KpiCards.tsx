import { useId } from 'react';
import type { SessionSummary } from '../../../../shared/protocol/index.ts';
import { useLanguage } from '../../i18n/store.ts';
import { useT } from '../../i18n/useT.ts';
import { ChangeBadge } from './ChangeBadge.tsx';
import { KPI_FIGURES, judgeFigures, type FigureVerdict } from './compare.ts';
import { FIGURE_LABELS, formatFigure } from './figures.ts';
import { RehearsalToggle } from './RehearsalToggle.tsx';
import { useReviewPrefs } from './reviewPrefs.ts';

/** The show's key figures, each against the average of the earlier shows; the worst in red. */
export function KpiCards({
  session,
  baseline,
  currency,
}: {
  session: SessionSummary;
  /** The earlier shows to compare with; null while they load. */
  baseline: readonly SessionSummary[] | null;
  currency: string;
}) {
  const t = useT();
  const id = useId();
  const include = useReviewPrefs((s) => s.includeRehearsals);
  const verdicts = judgeFigures(session, baseline ?? [], KPI_FIGURES);
  const note =
    baseline === null
      ? t('review.kpi.loadingBaseline')
      : baseline.length === 0
        ? t(include ? 'review.kpi.noBaselineAll' : 'review.kpi.noBaseline')
        : t(include ? 'review.kpi.baselineAll' : 'review.kpi.baseline', { count: baseline.length });
  return (
    <section className="panel review__section" aria-labelledby={`${id}-heading`}>
      <div className="panel__header">
        <h2 id={`${id}-heading`} className="panel__heading">
          {t('review.kpi.heading')}
        </h2>
        <div className="review-kpis__baseline">
          <p className="review__note" data-testid="review-baseline" data-count={baseline?.length}>
            {note}
          </p>
          <span className="review__screen-only">
            <RehearsalToggle />
          </span>
        </div>
      </div>
      <ul className="review-kpis">
        {verdicts.map((v) => (
          <KpiCard key={v.id} verdict={v} currency={currency} />
        ))}
      </ul>
    </section>
  );
}

function KpiCard({ verdict, currency }: { verdict: FigureVerdict; currency: string }) {
  const t = useT();
  const locale = useLanguage((s) => s.language);
  return (
    <li className={`review-kpi review-kpi--${verdict.level}`} data-testid="review-kpi" data-kpi={verdict.id} data-level={verdict.level}>
      <span className="review-kpi__label">{t(FIGURE_LABELS[verdict.id])}</span>
      <strong className="review-kpi__value">{formatFigure(verdict.id, verdict.value, locale, currency)}</strong>
      <span className="review-kpi__compare">
        <ChangeBadge id={verdict.id} comparison={verdict.comparison} currency={currency} />
        {verdict.comparison !== null && (
          <span className="review-kpi__average">
            {t('review.compare.average', { average: formatFigure(verdict.id, verdict.comparison.average, locale, currency) })}
          </span>
        )}
      </span>
    </li>
  );
}
