import { useId } from 'react';
import { useT } from '../../i18n/useT.ts';
import { useEngineState } from '../../stores/engineState.ts';
import { healthRows } from './healthMetrics.ts';

/** Every health reading with its own light, refreshed once a second by the engine. */
export function HealthPanel() {
  const t = useT();
  const headingId = useId();
  const health = useEngineState((s) => s.state?.obsHealth);
  const rows = health === undefined ? [] : healthRows(health);
  return (
    <section className="panel health-panel" data-testid="health-panel" data-level={health?.level} aria-labelledby={headingId}>
      <h2 id={headingId} className="panel__heading">
        {t('health.heading')}
      </h2>
      {health?.sample == null && <p className="hint">{t('health.noDataHint')}</p>}
      <dl className="health-metrics">
        {rows.map((row) => (
          <div key={row.metric} className={`health-metric health-metric--${row.value === null ? 'none' : row.level}`} data-testid="health-metric" data-metric={row.metric} data-level={row.level}>
            <dt>
              <span className="health-metric__dot" aria-hidden="true" />
              {t(`health.metric.${row.metric}`)}
            </dt>
            <dd data-testid={row.metric === 'bitrate' ? 'health-bitrate' : undefined}>
              {row.value === null ? t('health.value.unknown') : t(row.value.key, row.value.params)}
              {row.level !== 'green' && <span className="visually-hidden"> ({t(`health.level.${row.level}`)})</span>}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
