import { useId, useMemo } from 'react';
import { StreamerAlertsToggle } from './StreamerAlertsToggle.tsx';
import type { Light } from '../../../../shared/feeds/lights.ts';
import { useLanguage } from '../../i18n/store.ts';
import { useT } from '../../i18n/useT.ts';
import { useEngineState } from '../../stores/engineState.ts';
import { useFeeds } from './feedsStore.ts';
import { formatCount } from './format.ts';
import { lightView, metricGroups, viewerCells, type LightMetric, type MetricCell } from './metricsView.ts';
import { curvePath, downsample } from './viewerSeries.ts';
import './feeds.css';

export interface MetricsPanelProps {
  /** Extra class names for the panel's outer <section>. */
  className?: string;
  /** Show the panel heading (default true). */
  showHeading?: boolean;
}

const CURVE_WIDTH = 240;
const CURVE_HEIGHT = 56;

function Cell({ cell }: { cell: MetricCell }) {
  const t = useT();
  return (
    <div className="metric">
      <dt className="metric__label">{t(cell.label)}</dt>
      <dd className="metric__value" data-testid={`metric-${cell.id}`}>
        {cell.value}
      </dd>
    </div>
  );
}

/** A traffic light; red pulses and says what to do, so it cannot be missed from across the desk. */
function MetricLight({ metric, level }: { metric: LightMetric; level: Light }) {
  const t = useT();
  const view = lightView(metric, level);
  return (
    <div className={`light light--${level}`} data-testid="metric-light" data-metric={metric} data-level={level}>
      <span className="light__lamp" aria-hidden="true" />
      <span className="light__label">{t(view.label)}</span>
      <span className="light__state">{t(view.state)}</span>
      {view.alert !== null && (
        <strong className="light__alert" role="alert" data-testid="metric-light-alert">
          {t(view.alert)}
        </strong>
      )}
    </div>
  );
}

function ViewerCurve({ peak }: { peak: string }) {
  const t = useT();
  const series = useFeeds((s) => s.viewerSeries);
  const d = useMemo(() => curvePath(downsample(series.points, CURVE_WIDTH), CURVE_WIDTH, CURVE_HEIGHT), [series]);
  return (
    <svg
      className="viewer-curve"
      data-testid="metric-viewers-curve"
      data-points={series.points.length}
      viewBox={`0 0 ${CURVE_WIDTH} ${CURVE_HEIGHT}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={t('metrics.viewersCurve', { peak })}
    >
      {d !== '' && (
        <>
          <path className="viewer-curve__area" d={`${d}L${CURVE_WIDTH} ${CURVE_HEIGHT}L0 ${CURVE_HEIGHT}Z`} />
          <path className="viewer-curve__line" d={d} vectorEffect="non-scaling-stroke" />
        </>
      )}
    </svg>
  );
}

/**
 * The live KPI strip: viewers (now, peak, average, curve), engagement and sales, with the operations plan's
 * traffic lights for viewers and comments. Figures come from the engine's metrics, about once a second.
 */
export function MetricsPanel({ className, showHeading = true }: MetricsPanelProps) {
  const t = useT();
  const id = useId();
  const locale = useLanguage((s) => s.language);
  const metrics = useEngineState((s) => s.state?.feeds.metrics);
  const classes = ['panel', 'metrics', className].filter(Boolean).join(' ');

  if (metrics === undefined) {
    return (
      <section className={classes} data-testid="metrics-panel" aria-labelledby={`${id}-heading`}>
        <h2 id={`${id}-heading`} className={showHeading ? 'panel__heading' : 'visually-hidden'}>
          {t('metrics.heading')}
        </h2>
        <p className="metrics__note">{t('engine.waiting')}</p>
      </section>
    );
  }

  const viewers = viewerCells(metrics, locale);
  return (
    <section className={classes} data-testid="metrics-panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className={showHeading ? 'panel__heading' : 'visually-hidden'}>
        {t('metrics.heading')}
      </h2>

      <div className="metrics__lights">
        <MetricLight metric="viewers" level={metrics.lights.viewers} />
        <MetricLight metric="comments" level={metrics.lights.comments} />
      </div>
      <StreamerAlertsToggle />

      <div className="metrics__viewers">
        <dl className="metrics__grid metrics__grid--viewers">
          {viewers.map((cell) => (
            <Cell key={cell.id} cell={cell} />
          ))}
        </dl>
        <ViewerCurve peak={formatCount(metrics.viewers.peak, locale)} />
      </div>

      {metricGroups(metrics, locale).map((group) => (
        <div key={group.heading} className="metrics__group">
          <h3 className="metrics__group-heading">{t(group.heading)}</h3>
          <dl className="metrics__grid">
            {group.cells.map((cell) => (
              <Cell key={cell.id} cell={cell} />
            ))}
          </dl>
        </div>
      ))}

      {metrics.streamEnded && (
        <p className="metrics__note metrics__note--strong" data-testid="metrics-stream-ended">
          {t('metrics.streamEnded')}
        </p>
      )}
      {metrics.gaps > 0 && (
        <p className="metrics__note metrics__note--warn" data-testid="metrics-gaps">
          {t('metrics.gaps', { count: metrics.gaps })}
        </p>
      )}
      {metrics.otherCurrencyOrders > 0 && (
        <p className="metrics__note" data-testid="metrics-other-currency">
          {t('metrics.otherCurrency', { count: metrics.otherCurrencyOrders })}
        </p>
      )}
    </section>
  );
}
